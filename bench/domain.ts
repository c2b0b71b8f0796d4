// `npm run bench:domain [-- --months 6 --opinions-per-month 20 --rounds 3 --backend both]`:
// building a dataset through the domain functions. Each round generates the demo's history
// (generateDemoHistory: submitOpinion and applyOpinionAction with a settable clock) on a
// seeded demo district, and prints opinions/s, domain calls/s, p50/p95 ms of each function,
// SQL statements per call and this process's CPU ms per call (PGlite runs the database in
// this process too). Floor: the same numbers of opinions and history events written by
// plain SQL on the driver, one INSERT each, one after the other, into the same tables.
// Product and floor alternate over rounds (after a warm-up of each); medians are printed
// with the ratio. Every round adds to the same database (the history of another seed).
// PostgreSQL: a database of its own (minyi_bench_domain_<random>, bench/database.ts), dropped at the end.
import { parseArgs } from 'node:util';
import { createDeps } from '../src/app.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import type { Database, DatabaseKind } from '../src/db/database.js';
import { generateDemoHistory } from '../src/domain/seed/demo-history.js';
import { seedDemoDistrict } from '../src/domain/seed/demo-district.js';
import type { AppDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { openBenchDatabase } from './database.js';
import { median } from './median.js';
import { sqlStatements } from './sql-statements.js';

const { values } = parseArgs({
  options: {
    months: { type: 'string', default: '6' },
    'opinions-per-month': { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
    backend: { type: 'string', default: 'both' },
  },
});
const months = Number(values.months);
const perMonth = Number(values['opinions-per-month']);
const rounds = Number(values.rounds);
const backends: DatabaseKind[] = values.backend === 'both' ? ['postgres', 'pglite'] : [values.backend as DatabaseKind];
if (![months, perMonth, rounds].every((n) => Number.isInteger(n) && n > 0) || !backends.every((b) => b === 'postgres' || b === 'pglite')) {
  console.error('Usage: npm run bench:domain -- [--months N] [--opinions-per-month N] [--rounds R (≥ 1)] [--backend postgres|pglite|both]');
  process.exit(2);
}

const until = new Date('2026-11-20T02:00:00Z');
type CallName = 'submitOpinion' | 'applyOpinionAction';
const CALLS: CallName[] = ['submitOpinion', 'applyOpinionAction'];

interface Run {
  seconds: number;
  opinions: number;
  events: number;
  /** Per domain call: its latency in ms and the SQL statements it sent. */
  calls: Record<CallName, { ms: number[]; statements: number }>;
  /** CPU time of this process (user + system), ms. */
  cpuMs: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const callCount = (run: Run) => run.calls.submitOpinion.ms.length + run.calls.applyOpinionAction.ms.length;

async function product(deps: AppDeps & { clock: ManualClock }, round: number): Promise<Run> {
  const { db } = deps;
  const calls: Run['calls'] = { submitOpinion: { ms: [], statements: 0 }, applyOpinionAction: { ms: [], statements: 0 } };
  const eventsBefore = await db.prisma.opinionEvent.count();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const made = await generateDemoHistory(
    deps,
    {
      until,
      months,
      opinionsPerMonth: perMonth,
      seed: 20_261_201 + round,
      aroundCall: async (name, call) => {
        const [at, statements] = [performance.now(), sqlStatements()];
        const result = await call();
        calls[name].ms.push(performance.now() - at);
        calls[name].statements += sqlStatements() - statements;
        return result;
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const events = (await db.prisma.opinionEvent.count()) - eventsBefore;
  return { seconds, opinions: made.opinions, events, calls, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The same rows' worth of writing as plain SQL: one INSERT per opinion, one per event, in turn. */
async function floor(db: Database, round: number, like: Run): Promise<Run> {
  const [station, category, resident] = await Promise.all([
    db.prisma.station.findFirstOrThrow({ select: { id: true } }),
    db.prisma.category.findFirstOrThrow({ select: { id: true } }),
    db.prisma.person.findFirstOrThrow({ where: { consentedAt: { not: null } }, select: { id: true } }),
  ]);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let events = 0;
  for (let i = 0; i < like.opinions; i++) {
    const { rows } = await db.sql.query<{ id: number }>(
      `INSERT INTO "Opinion" ("trackingNo", "residentId", "stationId", "categoryId", "text", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING "id"`,
      [`floor-${round}-${i}`, resident.id, station.id, category.id, '小区东门外的路灯坏了两个多星期，晚上出行很不安全，请尽快维修。', until],
    );
    // The events spread evenly over the opinions, as many in all as the product wrote.
    for (const end = Math.floor(((i + 1) * like.events) / like.opinions); events < end; events++) {
      await db.sql.query(`INSERT INTO "OpinionEvent" ("opinionId", "type", "actorId", "actorRole", "toStage", "data", "at") VALUES ($1, 'PROGRESS', $2, 'RESIDENT', 'COLLECTED', $3, $4)`, [
        rows[0]!.id,
        resident.id,
        JSON.stringify({ note: 'floor' }),
        until,
      ]);
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  const none = { ms: [], statements: 0 };
  return { seconds: (performance.now() - started) / 1000, opinions: like.opinions, events, calls: { submitOpinion: none, applyOpinionAction: none }, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function benchBackend(kind: DatabaseKind): Promise<void> {
  const { db, drop } = await openBenchDatabase(kind, 'domain');
  try {
    await seedDemoDistrict(db.prisma, { now: until });
    const config = loadConfig({ BOT_TOKEN: 'bench-token', LOG_LEVEL: 'silent', OPINIONS_PER_HOUR: '1000000' });
    const clock = new ManualClock(until);
    const deps = { ...(await createDeps(config, { db, clock, logger: createLogger('silent') })), clock };
    // Warm-up (JIT, connections, caches), not counted.
    const warm = await product(deps, 0);
    await floor(db, 0, warm);
    const products: Run[] = [];
    const floors: Run[] = [];
    for (let round = 1; round <= rounds; round++) {
      // Alternate who goes first, so that neither always meets a warmer machine.
      if (round % 2 === 1) {
        products.push(await product(deps, round));
        floors.push(await floor(db, round, products.at(-1)!));
      } else {
        const like = products.at(-1) ?? warm;
        floors.push(await floor(db, round, like));
        products.push(await product(deps, round));
      }
    }

    const last = products.at(-1)!;
    console.log(`\n${kind}: ${months} months × ${perMonth} opinions a month, ${rounds} rounds (medians); a round: ${last.opinions} opinions, ${callCount(last) - last.opinions} actions, ${last.events} events`);
    const rate = (runs: Run[]) => median(runs.map((r) => r.opinions / r.seconds));
    const [productRate, floorRate] = [rate(products), rate(floors)];
    console.log(`product: ${productRate.toFixed(1)} opinions/s, ${median(products.map((r) => callCount(r) / r.seconds)).toFixed(1)} domain calls/s, CPU ${median(products.map((r) => r.cpuMs / callCount(r))).toFixed(2)} ms/call`);
    for (const name of CALLS) {
      const p50 = median(products.map((r) => percentile(r.calls[name].ms, 0.5)));
      const p95 = median(products.map((r) => percentile(r.calls[name].ms, 0.95)));
      const sql = median(products.map((r) => r.calls[name].statements / r.calls[name].ms.length));
      console.log(`  ${name.padEnd(18)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  ${sql.toFixed(2).padStart(6)} SQL/call`);
    }
    const floorStatements = (r: Run) => r.opinions + r.events;
    console.log(
      `floor:   ${floorRate.toFixed(1)} opinions/s (${median(floors.map((r) => floorStatements(r) / r.seconds)).toFixed(0)} INSERTs/s, CPU ${median(floors.map((r) => r.cpuMs / floorStatements(r))).toFixed(2)} ms/INSERT)`,
    );
    const perRound = products.map((r, i) => (r.opinions / r.seconds / (floors[i]!.opinions / floors[i]!.seconds)).toFixed(3)).join(', ');
    console.log(`ratio product/floor: ${(productRate / floorRate).toFixed(3)}×  (per round: ${perRound})`);
  } finally {
    await drop();
  }
}

console.log('floor: the same numbers of opinions and events, one plain INSERT each on the driver, in turn');
for (const kind of backends) await benchBackend(kind);
