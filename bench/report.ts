// `npm run bench:report [-- --opinions N]`: the monthly report at city scale.
// Generates, on PostgreSQL (BENCH_DATABASE_URL, else 127.0.0.1:5432/minyi_bench), a
// synthetic district of N opinions (default one million) over three years with realistic
// stage histories — events, deadlines and evaluations as the workflow writes them —
// from a fixed seed, in set-based SQL; reuses it when generated with the same parameters.
// Then times the report of the last complete month and of the year to date and prints
// the figures, the time and the peak memory (RSS high-water mark, sampled), and sets the
// product's figures (computePeriodFigures: district + 5 breakdowns) beside a hand-written
// SQL floor computing the district's figures over the same events (FLOOR_SQL), interleaved
// over --rounds rounds, with medians and the ratio; the two must agree on every count.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDeps } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import type { AppDeps } from '../src/deps.js';
import { computePeriodFigures, reportQuery, sqlTimestamp, toFigures, type FigureCounts, type Figures } from '../src/domain/reports/figures.js';
import { computeHotTopics } from '../src/domain/reports/hot-topics.js';
import { reportPeriods, type ReportPeriod } from '../src/domain/reports/period.js';
import { buildMonthlyReport } from '../src/domain/reports/report.js';
import { formatHours, formatRate } from '../src/reports/labels.js';
import { median } from './median.js';

const { values } = parseArgs({
  options: { opinions: { type: 'string', default: '1000000' }, regenerate: { type: 'boolean', default: false }, rounds: { type: 'string', default: '5' } },
});
const rounds = Number(values.rounds);
const opinions = Number(values.opinions);
if (!Number.isInteger(opinions) || opinions < 1000 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('Usage: npm run bench:report -- [--opinions N (≥ 1000, default 1000000)] [--regenerate] [--rounds N (default 5)]');
  process.exit(2);
}

/** The generated dataset: change any of these and the data is generated again. */
const PARAMETERS = {
  version: 2,
  opinions,
  seed: 20261105,
  from: '2023-11-01T00:00:00+08:00',
  /** "Now" of the dataset: history after it does not exist yet. */
  now: '2026-11-05T10:00:00+08:00',
  streets: 20,
  communitiesPerStreet: 10,
  stationsPerStreet: 15,
  categories: 12,
  agencies: 40,
};
const REPORT_MONTH = '2026-10';
const DATASET_KEY = 'bench:report:dataset';

const benchUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/minyi_bench';

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

const TEXTS: Record<number, string[]> = {
  0: ['小区门口的路灯坏了，晚上很黑，行人不安全', '路灯不亮已经一周了，晚上出行很不方便', '背街小巷没有路灯，晚上太黑'],
  1: ['人行道破损严重，老人行走容易摔倒', '道路坑洼积水，车辆经过溅湿行人', '路面塌陷需要尽快修补'],
  2: ['垃圾站臭味很大，夏天蚊蝇多', '垃圾清运不及时，堆在路边', '河道有人倾倒建筑垃圾'],
  3: ['夜市油烟太大，影响居民休息', '广场舞音响声音太大，晚上扰民', '工地夜间施工噪音扰民'],
  4: ['小区停车位太少，车辆乱停乱放', '学校门口上下学时段交通拥堵', '公交站台缺少遮雨棚'],
  5: ['希望社区增设老年人日间照料中心', '社区卫生服务中心看病排队时间太长', '希望增加社区养老服务'],
  6: ['老旧小区加装电梯进展缓慢', '楼道墙皮脱落，存在安全隐患', '小区外墙瓷砖脱落'],
  7: ['菜市场周边占道经营严重', '农贸市场卫生条件差', '流动摊贩占用人行道'],
  8: ['自来水水压不足，高层用水困难', '停水没有提前通知', '燃气管道老化需要更换'],
  9: ['公园健身器材损坏无人维修', '希望增加儿童游乐设施', '公园厕所卫生差'],
  10: ['物业服务差，收费不透明', '物业不作为，小区绿化无人管理', '业委会选举程序不规范'],
  11: ['农村道路硬化后缺少维护', '村里饮水工程管网漏水', '农田灌溉水渠堵塞'],
};

async function generate(deps: AppDeps): Promise<void> {
  const sql = deps.db.sql;
  const p = PARAMETERS;
  await sql.exec(`TRUNCATE "Notification", "Evaluation", "OpinionDeadline", "OpinionEvent", "Attachment", "Opinion", "StaffRole", "ReceptionDay", "Station", "Agency", "Category", "Person", "Region", "KeyValue" RESTART IDENTITY CASCADE`);
  // Deterministic pseudo-random numbers in [0, 1) from (row, salt): the same data on every run and plan.
  await sql.exec(`CREATE OR REPLACE FUNCTION bench_r(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT (hashint8extended(i, ${p.seed} + salt) & 9007199254740991)::float8 / 9007199254740992 $$`);
  await timed('places', async () => {
    await sql.exec(`
      INSERT INTO "Region" (code, kind, "nameZh", "nameEn") VALUES ('D', 'DISTRICT', '示范区', 'Model District');
      INSERT INTO "Region" (code, kind, "nameZh", "nameEn", "parentId")
        SELECT 'S' || s, CASE WHEN s % 3 = 0 THEN 'TOWN' ELSE 'STREET' END::"RegionKind",
               CASE WHEN s % 3 = 0 THEN '第' || s || '镇' ELSE '第' || s || '街道' END, 'Street ' || s, 1
        FROM generate_series(1, ${p.streets}) s;
      INSERT INTO "Region" (code, kind, "nameZh", "nameEn", "parentId")
        SELECT 'S' || s || 'C' || c, 'COMMUNITY', '第' || s || '街道第' || c || '社区', 'Community ' || s || '-' || c, 1 + s
        FROM generate_series(1, ${p.streets}) s, generate_series(1, ${p.communitiesPerStreet}) c;
      INSERT INTO "Station" (code, tier, "nameZh", "nameEn", "regionId", "addressZh", "addressEn", latitude, longitude, "openingHoursZh", "openingHoursEn")
        SELECT 'ST' || s || '-' || k, CASE WHEN k = 1 THEN 'HOME' ELSE 'STATION' END::"StationTier",
               '第' || s || '街道站点' || k, 'Station ' || s || '-' || k,
               CASE WHEN k = 1 THEN 1 + s ELSE (SELECT id FROM "Region" WHERE code = 'S' || s || 'C' || (1 + k % ${p.communitiesPerStreet})) END,
               '地址', 'Address', 29.3 + s * 0.01, 105.9 + k * 0.01, '工作日', 'Weekdays'
        FROM generate_series(1, ${p.streets}) s, generate_series(1, ${p.stationsPerStreet}) k
        ORDER BY s, k;
      INSERT INTO "Category" (code, "nameZh", "nameEn", "sortOrder")
        SELECT 'C' || c, (ARRAY['路灯照明','道路设施','环境卫生','噪声油烟','交通停车','养老医疗','房屋安全','市场秩序','水电燃气','公园设施','物业管理','农村设施'])[c], 'Category ' || c, c
        FROM generate_series(1, ${p.categories}) c;
      INSERT INTO "Agency" (code, "nameZh", "nameEn") SELECT 'A' || a, '承办单位' || a, 'Agency ' || a FROM generate_series(1, ${p.agencies}) a;
      -- Two liaison officers per station: person ids 1 … 2 × stations.
      INSERT INTO "Person" ("telegramId", "chatId", "displayName", "consentedAt", "updatedAt")
        SELECT 900000000 + n, 900000000 + n, '联络员' || n, '2023-01-01', '2023-01-01' FROM generate_series(1, ${p.streets * p.stationsPerStreet * 2}) n;
      INSERT INTO "StaffRole" ("personId", kind, "stationId") SELECT n, 'LIAISON_OFFICER', (n + 1) / 2 FROM generate_series(1, ${p.streets * p.stationsPerStreet * 2}) n;
    `);
  });
  const stations = p.streets * p.stationsPerStreet;
  const textCases = Object.entries(TEXTS)
    .map(([category, texts]) => `WHEN ${Number(category) + 1} THEN (ARRAY[${texts.map((t) => `'${t}'`).join(',')}])[1 + floor(bench_r(id, 20) * ${texts.length})::int]`)
    .join(' ');
  await timed('plan (per-opinion timeline)', async () => {
    await sql.exec(`DROP TABLE IF EXISTS bench_plan`);
    await sql.exec(`
      CREATE UNLOGGED TABLE bench_plan AS
      WITH base AS (
        SELECT i AS id,
          timestamp '${new Date(p.from).toISOString().slice(0, 19)}' + (i - 1) * ((timestamp '${new Date(p.now).toISOString().slice(0, 19)}' - timestamp '${new Date(p.from).toISOString().slice(0, 19)}') / ${p.opinions}) AS collected_at,
          1 + floor(power(bench_r(i, 1), 1.4) * ${stations})::int AS station_id,
          1 + floor(bench_r(i, 2) * ${p.categories})::int AS category_id,
          1 + floor(bench_r(i, 3) * ${p.agencies})::int AS agency_id,
          bench_r(i, 4) AS outcome_u,
          -ln(1 - bench_r(i, 5)) * 6 AS ack_h,
          -ln(1 - bench_r(i, 6)) * 20 AS decide_h,
          -ln(1 - bench_r(i, 7)) * 240 AS handle_h,
          bench_r(i, 8) < 0.85 AS answers,
          -ln(1 - bench_r(i, 9)) * 36 AS eval_h,
          bench_r(i, 10) AS rating1_u,
          -ln(1 - bench_r(i, 11)) * 120 AS handle2_h,
          bench_r(i, 12) AS rating2_u,
          bench_r(i, 13) < 0.5 AS second_officer
        FROM generate_series(1, ${p.opinions}) i
      ), timeline AS (
        SELECT b.*,
          CASE WHEN outcome_u < 0.70 THEN 'SPOT' WHEN outcome_u < 0.90 THEN 'REFERRED' WHEN outcome_u < 0.93 THEN 'ESCALATED' WHEN outcome_u < 0.97 THEN 'DECLINED' ELSE 'MERGED' END AS outcome,
          (station_id - 1) * 2 + 1 + second_officer::int AS officer_id,
          collected_at + ack_h * interval '1 hour' AS ack_at,
          collected_at + (ack_h + decide_h) * interval '1 hour' AS decision_at
        FROM base b
      ), results AS (
        SELECT t.*,
          CASE WHEN outcome = 'SPOT' THEN decision_at WHEN outcome IN ('REFERRED', 'ESCALATED') THEN decision_at + handle_h * interval '1 hour' END AS result_at
        FROM timeline t
      ), evaluations AS (
        SELECT r.*,
          CASE WHEN result_at IS NOT NULL AND answers AND eval_h < 168 THEN result_at + eval_h * interval '1 hour' END AS eval1_at,
          CASE WHEN rating1_u < 0.88 THEN 'SATISFIED' WHEN rating1_u < 0.96 THEN 'BASICALLY_SATISFIED' ELSE 'DISSATISFIED' END AS rating1,
          CASE WHEN rating2_u < 0.70 THEN 'SATISFIED' WHEN rating2_u < 0.90 THEN 'BASICALLY_SATISFIED' ELSE 'DISSATISFIED' END AS rating2
        FROM results r
      )
      SELECT e.*,
        (eval1_at IS NOT NULL AND rating1 = 'DISSATISFIED') AS reopened,
        CASE WHEN eval1_at IS NOT NULL AND rating1 = 'DISSATISFIED' THEN eval1_at + handle2_h * interval '1 hour' END AS result2_at,
        CASE WHEN eval1_at IS NOT NULL AND rating1 = 'DISSATISFIED' THEN eval1_at + (handle2_h + 30) * interval '1 hour' END AS eval2_at,
        CASE
          WHEN outcome IN ('DECLINED', 'MERGED') THEN decision_at
          WHEN eval1_at IS NULL THEN result_at + interval '7 days'
          WHEN rating1 <> 'DISSATISFIED' THEN eval1_at
          ELSE eval1_at + (handle2_h + 30) * interval '1 hour'
        END AS closed_at,
        CASE
          WHEN outcome = 'DECLINED' THEN 'DECLINED' WHEN outcome = 'MERGED' THEN 'MERGED'
          WHEN eval1_at IS NULL THEN 'NOT_EVALUATED' ELSE 'EVALUATED'
        END AS close_reason,
        CASE category_id ${textCases} END || '（' || id % 97 || '号楼附近）' AS text
      FROM evaluations e`);
  });
  const now = `timestamp '${new Date(p.now).toISOString().slice(0, 19)}'`;
  await timed('opinions', () =>
    sql.exec(`
      INSERT INTO "Opinion" (id, "trackingNo", "stationId", "categoryId", text, stage, disposition, round, "assignedOfficerId", "agencyId", "closeReason", "acknowledgedAt", "closedAt", "createdAt", "updatedAt", "mergedIntoId")
      SELECT id, 'B' || lpad(id::text, 8, '0'), station_id, category_id, text,
        (CASE
          WHEN closed_at <= ${now} THEN 'CLOSED'
          WHEN reopened AND eval1_at <= ${now} AND result2_at > ${now} THEN CASE WHEN outcome = 'SPOT' THEN 'ANALYZING' ELSE 'HANDLING' END
          WHEN result_at <= ${now} THEN 'FEEDBACK'
          WHEN decision_at <= ${now} THEN 'HANDLING'
          WHEN ack_at <= ${now} THEN 'ANALYZING'
          ELSE 'COLLECTED' END)::"OpinionStage",
        CASE WHEN decision_at <= ${now} THEN (CASE outcome WHEN 'SPOT' THEN 'ON_THE_SPOT' WHEN 'ESCALATED' THEN 'PROPOSAL' ELSE outcome END)::"Disposition" END,
        CASE WHEN reopened AND eval1_at <= ${now} THEN 2 ELSE 1 END,
        CASE WHEN ack_at <= ${now} THEN officer_id END,
        CASE WHEN outcome = 'REFERRED' AND decision_at <= ${now} THEN agency_id END,
        CASE WHEN closed_at <= ${now} THEN close_reason::"CloseReason" END,
        CASE WHEN ack_at <= ${now} THEN ack_at END,
        CASE WHEN closed_at <= ${now} THEN closed_at END,
        collected_at, collected_at,
        CASE WHEN outcome = 'MERGED' AND decision_at <= ${now} AND id > 1 THEN id - 1 END
      FROM bench_plan ORDER BY id;
      SELECT setval(pg_get_serial_sequence('"Opinion"', 'id'), (SELECT max(id) FROM "Opinion"));`),
  );
  // Every event of the lifecycle table, in order, as far as "now".
  await timed('events', () =>
    sql.exec(`
      INSERT INTO "OpinionEvent" ("opinionId", type, "actorId", "actorRole", "fromStage", "toStage", round, data, at)
      SELECT p.id, v.type::"OpinionEventType", v.actor, CASE WHEN v.actor IS NULL THEN 'SYSTEM' ELSE 'LIAISON_OFFICER' END,
             v.from_stage::"OpinionStage", v.to_stage::"OpinionStage", v.round, v.data::jsonb, v.at
      FROM bench_plan p
      CROSS JOIN LATERAL (VALUES
        -- As submit-opinion.ts writes it: no category on the event (the report then looks for a later reclassification).
        (1, 'COLLECTED', p.collected_at, NULL::int, NULL, 'COLLECTED', 1, '{}'),
        (2, 'ACKNOWLEDGED', p.ack_at, p.officer_id, 'COLLECTED', 'ANALYZING', 1, '{}'),
        (3, CASE p.outcome WHEN 'SPOT' THEN 'ANSWERED' WHEN 'REFERRED' THEN 'REFERRED' WHEN 'ESCALATED' THEN 'ESCALATED' WHEN 'DECLINED' THEN 'DECLINED' ELSE 'MERGED' END,
            p.decision_at, p.officer_id, 'ANALYZING', CASE p.outcome WHEN 'SPOT' THEN 'FEEDBACK' WHEN 'DECLINED' THEN 'CLOSED' WHEN 'MERGED' THEN 'CLOSED' ELSE 'HANDLING' END, 1,
            CASE p.outcome WHEN 'REFERRED' THEN json_build_object('agencyId', p.agency_id)::text WHEN 'ESCALATED' THEN '{"to":"PROPOSAL"}' WHEN 'MERGED' THEN json_build_object('mergedIntoId', greatest(p.id - 1, 1))::text ELSE '{}' END),
        (4, CASE WHEN p.outcome IN ('DECLINED', 'MERGED') THEN 'CLOSED' WHEN p.outcome <> 'SPOT' THEN 'RESULT_SUBMITTED' END, CASE WHEN p.outcome IN ('DECLINED', 'MERGED') THEN p.decision_at ELSE p.result_at END,
            CASE WHEN p.outcome IN ('DECLINED', 'MERGED') THEN NULL ELSE p.officer_id END, CASE WHEN p.outcome IN ('DECLINED', 'MERGED') THEN 'CLOSED' ELSE 'HANDLING' END,
            CASE WHEN p.outcome IN ('DECLINED', 'MERGED') THEN 'CLOSED' ELSE 'FEEDBACK' END, 1, CASE WHEN p.outcome IN ('DECLINED', 'MERGED') THEN json_build_object('reason', p.close_reason)::text ELSE '{}' END),
        (5, CASE WHEN p.result_at IS NOT NULL THEN 'RESULT_DELIVERED' END, p.result_at, p.officer_id, 'FEEDBACK', 'FEEDBACK', 1, '{}'),
        (6, CASE WHEN p.eval1_at IS NOT NULL THEN 'EVALUATED' END, p.eval1_at, NULL, 'FEEDBACK', 'FEEDBACK', 1, json_build_object('rating', p.rating1, 'round', 1)::text),
        (7, CASE WHEN p.reopened THEN 'REOPENED' END, p.eval1_at, NULL, 'FEEDBACK', CASE WHEN p.outcome = 'SPOT' THEN 'ANALYZING' ELSE 'HANDLING' END, 2, '{}'),
        (8, CASE WHEN p.reopened THEN CASE WHEN p.outcome = 'SPOT' THEN 'ANSWERED' ELSE 'RESULT_SUBMITTED' END END, p.result2_at, p.officer_id, CASE WHEN p.outcome = 'SPOT' THEN 'ANALYZING' ELSE 'HANDLING' END, 'FEEDBACK', 2, '{}'),
        (9, CASE WHEN p.reopened THEN 'RESULT_DELIVERED' END, p.result2_at, p.officer_id, 'FEEDBACK', 'FEEDBACK', 2, '{}'),
        (10, CASE WHEN p.reopened THEN 'EVALUATED' END, p.eval2_at, NULL, 'FEEDBACK', 'FEEDBACK', 2, json_build_object('rating', p.rating2, 'round', 2)::text),
        (11, CASE WHEN p.outcome NOT IN ('DECLINED', 'MERGED') THEN 'CLOSED' END, p.closed_at, NULL, 'FEEDBACK', 'CLOSED', CASE WHEN p.reopened THEN 2 ELSE 1 END, json_build_object('reason', p.close_reason)::text)
      ) AS v(seq, type, at, actor, from_stage, to_stage, round, data)
      WHERE v.type IS NOT NULL AND v.at <= ${now}
      ORDER BY p.id, v.seq`),
  );
  await timed('deadlines', () =>
    sql.exec(`
      INSERT INTO "OpinionDeadline" ("opinionId", kind, round, "setAt", "dueAt", "metAt", "cancelledAt")
      SELECT p.id, v.kind::"DeadlineKind", v.round, v.set_at, v.due_at,
             CASE WHEN v.met_at <= ${now} THEN v.met_at END, CASE WHEN v.cancelled_at <= ${now} THEN v.cancelled_at END
      FROM bench_plan p
      CROSS JOIN LATERAL (VALUES
        ('ACKNOWLEDGE', 1, p.collected_at, p.collected_at + interval '1 day', p.ack_at, NULL::timestamp),
        ('ANALYZE', 1, p.ack_at, p.ack_at + interval '4 days', CASE WHEN p.outcome <> 'MERGED' THEN p.decision_at END, CASE WHEN p.outcome = 'MERGED' THEN p.decision_at END),
        (CASE WHEN p.outcome IN ('REFERRED', 'ESCALATED') THEN 'HANDLE' END, 1, p.decision_at, p.decision_at + interval '21 days', p.result_at, NULL),
        (CASE WHEN p.result_at IS NOT NULL THEN 'EVALUATE' END, 1, p.result_at, p.result_at + interval '7 days', p.eval1_at, NULL),
        (CASE WHEN p.reopened THEN CASE WHEN p.outcome = 'SPOT' THEN 'ANALYZE' ELSE 'HANDLE' END END, 2, p.eval1_at,
           p.eval1_at + CASE WHEN p.outcome = 'SPOT' THEN interval '4 days' ELSE interval '21 days' END, p.result2_at, NULL),
        (CASE WHEN p.reopened THEN 'EVALUATE' END, 2, p.result2_at, p.result2_at + interval '7 days', p.eval2_at, NULL)
      ) AS v(kind, round, set_at, due_at, met_at, cancelled_at)
      WHERE v.kind IS NOT NULL AND v.set_at <= ${now}
      ORDER BY p.id`),
  );
  await timed('evaluations', () =>
    sql.exec(`
      INSERT INTO "Evaluation" ("opinionId", round, rating, at)
      SELECT id, 1, rating1::"Rating", eval1_at FROM bench_plan WHERE eval1_at <= ${now}
      UNION ALL
      SELECT id, 2, rating2::"Rating", eval2_at FROM bench_plan WHERE eval2_at <= ${now}`),
  );
  await sql.exec(`DROP TABLE bench_plan`);
  await timed('analyze', () => sql.exec('ANALYZE'));
  await deps.prisma.keyValue.create({ data: { key: DATASET_KEY, value: { parameters: JSON.stringify(PARAMETERS) } } });
}

/**
 * The floor: the district's figures of a period ($1 start, $2 cut-off) written by hand,
 * with the product's definitions (src/domain/reports/figures.ts) and none of its
 * breakdowns or attributions. The cases that matter are the period's (one pass over its
 * events) and the backlog at the cut-off; earlier history is read per case by index.
 */
const FLOOR_SQL = `
WITH period AS (
  SELECT e."opinionId" AS id,
    bool_or(e.type = 'COLLECTED') AS collected,
    bool_or(e.type = 'ANSWERED') AS answered_in_period,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round = 1) AS r1,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round = 1 AND e.data->>'rating' IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS r1_ok,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round >= 2) AS r2,
    count(*) FILTER (WHERE e.type = 'EVALUATED' AND e.round >= 2 AND e.data->>'rating' IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS r2_ok
  FROM "OpinionEvent" e WHERE e.at >= $1::timestamp AND e.at <= $2::timestamp
  GROUP BY e."opinionId"
),
cases AS (
  SELECT id FROM period
  UNION
  SELECT id FROM "Opinion" WHERE stage IN ('COLLECTED', 'ANALYZING', 'HANDLING', 'FEEDBACK')
  UNION
  SELECT "opinionId" FROM "OpinionEvent" WHERE type = 'CLOSED' AND at > $2::timestamp
),
facts AS (
  SELECT c.id, h.*, COALESCE(p.collected, false) AS in_cohort, COALESCE(p.answered_in_period, false) AS answered_in_period,
    COALESCE(p.r1, 0) AS r1, COALESCE(p.r1_ok, 0) AS r1_ok, COALESCE(p.r2, 0) AS r2, COALESCE(p.r2_ok, 0) AS r2_ok, d.*
  FROM cases c
  LEFT JOIN period p ON p.id = c.id
  CROSS JOIN LATERAL (
    SELECT min(e.at) FILTER (WHERE e.type = 'COLLECTED') AS collected_at,
      min(e.at) FILTER (WHERE e.type = 'ACKNOWLEDGED') AS ack_at,
      min(e.at) FILTER (WHERE e.type = 'CLOSED') AS closed_at,
      bool_or(e.type IN ('ANSWERED', 'RESULT_DELIVERED')) AS replied,
      bool_or(e.type = 'REFERRED') AS referred,
      bool_or(e.type = 'ESCALATED') AS escalated,
      (array_agg(e.data->>'rating' ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.type = 'EVALUATED'))[1] IN ('SATISFIED', 'BASICALLY_SATISFIED') AS solved
    FROM "OpinionEvent" e WHERE e."opinionId" = c.id AND e.at <= $2::timestamp
  ) h
  CROSS JOIN LATERAL (
    SELECT COALESCE(bool_and(x."metAt" <= $2::timestamp AND x."metAt" <= x."dueAt"), true) AS on_time,
      COALESCE(bool_or(x.kind = 'ACKNOWLEDGE' AND x."metAt" <= $2::timestamp AND x."metAt" <= x."dueAt"), false) AS responded,
      COALESCE(bool_or(x."dueAt" < $2::timestamp AND (x."metAt" IS NULL OR x."metAt" > $2::timestamp)), false) AS overdue
    FROM "OpinionDeadline" x
    WHERE x."opinionId" = c.id AND x.kind IN ('ACKNOWLEDGE', 'ANALYZE', 'HANDLE') AND x."setAt" <= $2::timestamp AND (x."cancelledAt" IS NULL OR x."cancelledAt" > $2::timestamp)
  ) d
  WHERE h.collected_at IS NOT NULL
)
SELECT count(*) FILTER (WHERE in_cohort)::int AS received,
  count(*) FILTER (WHERE answered_in_period)::int AS answered_on_the_spot,
  count(*) FILTER (WHERE in_cohort AND replied)::int AS replied,
  count(*) FILTER (WHERE in_cohort AND solved)::int AS solved,
  count(*) FILTER (WHERE in_cohort AND referred)::int AS referred,
  count(*) FILTER (WHERE in_cohort AND escalated)::int AS escalated,
  count(*) FILTER (WHERE in_cohort AND closed_at IS NOT NULL)::int AS closed,
  count(*) FILTER (WHERE in_cohort AND closed_at IS NOT NULL AND on_time)::int AS closed_on_time,
  count(*) FILTER (WHERE in_cohort AND responded)::int AS responded_on_time,
  count(*) FILTER (WHERE closed_at IS NULL)::int AS open,
  count(*) FILTER (WHERE closed_at IS NULL AND overdue)::int AS overdue,
  sum(r1)::int AS r1_evaluated, sum(r1_ok)::int AS r1_satisfied, sum(r2)::int AS r2_evaluated, sum(r2_ok)::int AS r2_satisfied,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM closed_at - collected_at)) FILTER (WHERE in_cohort) / 3600 AS close_median
FROM facts`;

/** The floor's district figures (FLOOR_SQL names its columns as the product's SQL does). */
async function floorFigures(period: ReportPeriod): Promise<Figures> {
  const [row] = await reportQuery<Partial<FigureCounts>>(deps, FLOOR_SQL, [sqlTimestamp(period.start), sqlTimestamp(period.cutoff)]);
  return toFigures(row!);
}

/** The figures both compute and must agree on: all but the spreads (the floor computes only the median time to close). */
function countedFigures({ timeToFirstResponseHours: _response, timeToCloseHours: _close, ...counted }: Figures) {
  return counted;
}

/** Runs `work` while sampling the RSS; returns its result, the seconds and the peak in MiB. */
async function measure<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakMiB: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

function figuresLine(label: string, f: Figures): string {
  return [
    label.padEnd(16),
    `received ${f.received}`,
    `closed ${f.closed}`,
    `closure ${formatRate(f.closureRate)}`,
    `on time ${formatRate(f.onTimeRate)}`,
    `response ${formatRate(f.responseRate)}`,
    `overdue ${formatRate(f.overdueShare)}`,
    `satisfaction ${formatRate(f.satisfactionFirstRound)} / ${formatRate(f.satisfactionSecondRound)}`,
    `first response h ${formatHours(f.timeToFirstResponseHours.median)} / ${formatHours(f.timeToFirstResponseHours.p90)}`,
    `close h ${formatHours(f.timeToCloseHours.median)} / ${formatHours(f.timeToCloseHours.p90)}`,
  ].join(' · ');
}

await ensureDatabase(benchUrl);
const config = loadConfig({ DATABASE_URL: benchUrl, LOG_LEVEL: 'silent', BOT_TOKEN: 'bench' });
const deps = await createDeps(config, { clock: new ManualClock(new Date(PARAMETERS.now)) });
try {
  const stored = await deps.prisma.keyValue.findUnique({ where: { key: DATASET_KEY } });
  // Stored as a string: JSONB does not keep the order of keys.
  if (values.regenerate || (stored?.value as { parameters?: string } | undefined)?.parameters !== JSON.stringify(PARAMETERS)) {
    log(`generating ${opinions} opinions in ${benchUrl} …`);
    await timed('generation, total', () => generate(deps));
  } else {
    log(`reusing the dataset of ${opinions} opinions in ${benchUrl}`);
  }
  const counts = await deps.db.sql.query<{ opinions: string; events: string; deadlines: string }>(
    `SELECT (SELECT count(*) FROM "Opinion") AS opinions, (SELECT count(*) FROM "OpinionEvent") AS events, (SELECT count(*) FROM "OpinionDeadline") AS deadlines`,
  );
  const periods = reportPeriods(REPORT_MONTH, config.TIME_ZONE);
  // A first pass warms PostgreSQL's cache, as on a running server; the second is measured.
  await computePeriodFigures(deps, periods.month);
  const month = await measure(() => computePeriodFigures(deps, periods.month));
  const yearToDate = await measure(() => computePeriodFigures(deps, periods.yearToDate));
  const topics = await measure(() => computeHotTopics(deps, periods.month, {}, { proposalSize: config.HOT_TOPIC_PROPOSAL_SIZE }));
  const full = await measure(() => buildMonthlyReport(deps, { month: REPORT_MONTH }));
  const row = counts.rows[0]!;
  console.log(`\nDataset: ${Number(row.opinions).toLocaleString('en')} opinions, ${Number(row.events).toLocaleString('en')} events, ${Number(row.deadlines).toLocaleString('en')} deadlines (PostgreSQL, ${benchUrl.replace(/\/\/[^@]*@/, '//')})`);
  console.log(`Report month ${REPORT_MONTH}, time zone ${config.TIME_ZONE}\n`);
  console.log('| measured | time | peak RSS |');
  console.log('| --- | ---: | ---: |');
  for (const [label, m] of [
    ['one month (figures, 6 breakdowns)', month],
    ['year to date (figures, 6 breakdowns)', yearToDate],
    ['hot topics of the month', topics],
    ['whole report (month + previous + YTD + overdue + hot topics)', full],
  ] as const) {
    console.log(`| ${label} | ${m.seconds.toFixed(2)} s | ${m.peakMiB.toFixed(0)} MiB |`);
  }
  console.log('');
  console.log(figuresLine('month', month.result.district));
  console.log(figuresLine('previous month', full.result.totals.previousMonth));
  console.log(figuresLine('year to date', yearToDate.result.district));
  console.log(`hot topics: ${topics.result.slice(0, 3).map((t) => `${t.size} × “${t.representative.text}”`).join('; ')}`);

  // The product beside its floor, interleaved so that both see the same machine load.
  const times = { month: { product: [] as number[], floor: [] as number[] }, yearToDate: { product: [] as number[], floor: [] as number[] } };
  for (let round = 0; round < rounds; round += 1) {
    for (const name of ['month', 'yearToDate'] as const) {
      const product = await measure(() => computePeriodFigures(deps, periods[name]));
      const floor = await measure(() => floorFigures(periods[name]));
      times[name].product.push(product.seconds);
      times[name].floor.push(floor.seconds);
      const want = countedFigures(product.result.district);
      const got = countedFigures(floor.result);
      const differ = Object.keys(want).filter((key) => JSON.stringify(got[key as keyof typeof got]) !== JSON.stringify(want[key as keyof typeof want]));
      if (differ.length) throw new Error(`${name}: the product and the floor disagree on ${differ.join(', ')}: ${JSON.stringify({ product: want, floor: got })}`);
    }
    log(`round ${round + 1}/${rounds} done`);
  }
  console.log(`\nProduct (computePeriodFigures: district + 5 breakdowns) beside the floor (FLOOR_SQL: district only), medians of ${rounds} interleaved rounds; the counts agree\n`);
  console.log('| period | product | floor | ratio | target |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const name of ['month', 'yearToDate'] as const) {
    const product = median(times[name].product);
    const floor = median(times[name].floor);
    console.log(`| ${name === 'month' ? `month ${REPORT_MONTH}` : 'year to date'} | ${product.toFixed(2)} s | ${floor.toFixed(2)} s | ${(product / floor).toFixed(2)}× | ≤ 1.5× |`);
  }
} finally {
  await deps.db.close();
}
