// Six months of activity for the demo district, made through the domain functions
// (submitOpinion, applyOpinionAction) with a clock set to each moment, so that the
// monthly report, /my, the inboxes and the overdue list show real figures on first
// open. Deterministic: the same seed and end date give the same history.
import type { DomainDeps } from '../deps.js';
import { applyOpinionAction } from '../opinions/apply-action.js';
import { dueDeadlineSteps, STAFF_DEADLINE_KINDS } from '../opinions/deadlines.js';
import type { OpinionAction } from '../opinions/lifecycle.js';
import { submitOpinion } from '../opinions/submit-opinion.js';

/** A clock the generator moves to each event's moment. */
export interface SettableClock {
  now(): Date;
  set(at: Date): void;
}

export interface DemoHistoryOptions {
  /** History ends just before this moment (the demo's "now"). */
  until: Date;
  months?: number;
  opinionsPerMonth?: number;
  seed?: number;
  /** Runs each domain call (bench/domain.ts times them); by default it just runs it. */
  aroundCall?: <T>(name: 'submitOpinion' | 'applyOpinionAction', call: () => Promise<T>) => Promise<T>;
}

export interface DemoHistoryResult {
  opinions: number;
  actions: number;
}

/** Problems residents of a Chinese district raise, by category code: the texts repeat, as hot topics do. */
const complaints: Record<string, string[]> = {
  'urban-management': [
    '小区东门外的路灯坏了两个多星期，晚上出行很不安全，请尽快维修。',
    '人民路夜市占道经营严重，垃圾没人清理，早上气味很大。',
    '公园里的共享单车乱停乱放，把盲道都占了，老人和孩子通行困难。',
    '菜市场门口流动摊贩太多，早高峰车辆过不去，希望规范管理。',
  ],
  'roads-traffic': [
    '学校门口上下学时段车辆乱停，孩子过马路很危险，建议增设护学岗。',
    '兴龙大道与人民路交叉口红绿灯时间太短，老人过不完马路。',
    '公交站台没有遮雨棚，下雨天等车的居民都被淋湿，希望加装。',
    '小区出口的道路坑洼积水，电动车经常打滑，请尽快修补。',
  ],
  environment: [
    '附近工地夜间施工噪音很大，晚上十一点后还在作业，影响休息。',
    '小河沟里有生活污水直排，夏天气味难闻，希望查一查排污口。',
    '餐馆油烟直排进小区，低楼层居民家里都是油烟味。',
  ],
  property: [
    '小区电梯经常停运，物业一直拖着不修，老人上下楼很困难。',
    '物业费涨了但小区卫生越来越差，业主意见很大，希望公开收支。',
    '小区地下车库漏水多年，物业说没有维修资金，希望协调解决。',
  ],
  utilities: [
    '这个月已经停水三次，都没有提前通知，希望供水公司提前公告。',
    '老旧小区电线私拉乱接，夏天用电高峰经常跳闸，存在安全隐患。',
  ],
  'social-security': [
    '社区没有老年食堂，独居老人吃饭不方便，希望开设助餐点。',
    '灵活就业人员医保缴费流程不清楚，希望社区组织一次政策宣讲。',
  ],
  safety: [
    '小区消防通道被私家车长期占用，一旦发生火灾消防车进不来。',
    '河边护栏松动断裂，孩子经常在那里玩，存在落水危险。',
  ],
};

/** Where the district sends what: the agencies with handlers in the demo seed. */
const agencyForCategory: Record<string, string> = {
  'urban-management': 'URBAN-MGMT',
  'roads-traffic': 'TRANSPORT',
  environment: 'URBAN-MGMT',
  property: 'URBAN-MGMT',
  utilities: 'URBAN-MGMT',
  'social-security': 'URBAN-MGMT',
  safety: 'TRANSPORT',
};

const onTheSpotAnswers = [
  '您好，已联系社区网格员现场查看，明天上午安排维修，请您留意。',
  '感谢反映。此事已纳入社区本月重点工作，下周召开协调会，结果会告知您。',
  '已与物业负责人当面沟通，物业承诺本周内处理完毕。',
  '相关政策已整理成告知单，放在站点服务台，也可来电咨询。',
];

const agencyResults = [
  '经现场核查，问题属实，已于本周完成整改，并安排专人定期巡查。',
  '已责令相关单位限期整改，执法人员复查确认问题已解决。',
  '已纳入年度改造计划，本月完成施工，后续将持续跟踪维护。',
];

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Hours, spread over `min`–`max`. */
    hours: (min: number, max: number) => (min + next() * (max - min)) * 3_600_000,
  };
}

const HOUR = 3_600_000;

export async function generateDemoHistory(deps: DomainDeps & { clock: SettableClock }, options: DemoHistoryOptions): Promise<DemoHistoryResult> {
  const { prisma } = deps;
  const rng = random(options.seed ?? 20_261_201);
  const months = options.months ?? 6;
  const perMonth = options.opinionsPerMonth ?? 20;
  const end = options.until.getTime();
  const around = options.aroundCall ?? ((_name, call) => call());
  const start = end - months * 30 * 24 * HOUR;

  // Stations with an officer, the agencies' handlers, and residents to speak for.
  const officerRoles = await prisma.staffRole.findMany({ where: { kind: 'LIAISON_OFFICER', revokedAt: null, stationId: { not: null } }, orderBy: { id: 'asc' } });
  const handlerRoles = await prisma.staffRole.findMany({ where: { kind: 'AGENCY_HANDLER', revokedAt: null }, include: { agency: true }, orderBy: { id: 'asc' } });
  const categories = await prisma.category.findMany({ where: { code: { in: Object.keys(complaints) } }, orderBy: { sortOrder: 'asc' } });
  const handlerOf = new Map(handlerRoles.map((role) => [role.agency!.code, { personId: role.personId, agencyId: role.agencyId! }]));
  const residents = await ensureHistoryResidents(deps, 36, new Date(start));

  let opinions = 0;
  let actions = 0;
  const at = (moment: number) => deps.clock.set(new Date(Math.min(moment, end - 60_000)));
  /** The opinion after the action, or undefined when its moment is not past yet. */
  const act = async (opinionId: number, personId: number | null, action: OpinionAction, moment: number) => {
    if (moment >= end) return undefined;
    at(moment);
    const actor = personId === null ? ({ kind: 'system' } as const) : ({ kind: 'person', personId } as const);
    const { opinion } = await around('applyOpinionAction', () => applyOpinionAction(deps, { opinionId, actor, action }));
    actions++;
    return opinion;
  };

  const total = months * perMonth;
  for (let index = 0; index < total; index++) {
    // Spread over the period, in office hours (09:00–18:00 local, UTC+8).
    const day = start + ((end - start) * (index + rng.next() * 0.8)) / total;
    const localMidnight = Math.floor((day + 8 * HOUR) / (24 * HOUR)) * 24 * HOUR - 8 * HOUR;
    const created = localMidnight + rng.hours(9, 18);
    if (created >= end - HOUR) continue;
    const officer = rng.pick(officerRoles);
    const category = rng.pick(categories);
    const text = rng.pick(complaints[category.code]!);
    at(created);
    const residentId = rng.pick(residents);
    const shareContact = rng.next() < 0.5;
    const { opinion } = await around('submitOpinion', () =>
      submitOpinion(deps, { residentId, stationId: officer.stationId!, categoryId: category.id, text, shareContact, locale: 'zh-CN' }),
    );
    opinions++;

    const roll = rng.next();
    const recent = end - created < 4 * 24 * HOUR;
    // Recent cases wait in the inboxes; a few older ones were never acknowledged (overdue).
    if (recent ? roll < 0.6 : roll < 0.04) continue;
    let moment = created + rng.hours(1, rng.next() < 0.15 ? 60 : 20);
    if (!(await act(opinion.id, officer.personId, { type: 'acknowledge' }, moment))) continue;
    moment += rng.hours(2, 40);

    const decision = rng.next();
    let delivered: Awaited<ReturnType<typeof act>>;
    if (decision < 0.55) {
      delivered = await act(opinion.id, officer.personId, { type: 'answer', text: rng.pick(onTheSpotAnswers) }, moment);
    } else if (decision < 0.85) {
      const handler = handlerOf.get(agencyForCategory[category.code]!)!;
      if (!(await act(opinion.id, officer.personId, { type: 'refer', agencyId: handler.agencyId, note: '请核实后处理，并告知办理结果。' }, moment))) continue;
      moment += rng.hours(24, rng.next() < 0.2 ? 600 : 300);
      if (rng.next() < 0.4) {
        if (!(await act(opinion.id, handler.personId, { type: 'progress', note: '已安排人员现场核查。' }, moment - rng.hours(4, 20)))) continue;
      }
      delivered = await act(opinion.id, handler.personId, { type: 'submitResult', text: rng.pick(agencyResults), final: true }, moment);
    } else if (decision < 0.9) {
      await act(opinion.id, officer.personId, { type: 'decline', reason: '该事项已进入司法程序，依法不属于本渠道受理范围，已告知当事人。' }, moment);
      continue;
    } else if (decision < 0.97) {
      // A duplicate of an open case on the same problem at the same station.
      const earlier = await prisma.opinion.findFirst({
        where: { id: { not: opinion.id }, stationId: opinion.stationId, categoryId: category.id, mergedIntoId: null, stage: { not: 'CLOSED' } },
        orderBy: { id: 'desc' },
      });
      if (earlier) await act(opinion.id, officer.personId, { type: 'merge', intoOpinionId: earlier.id }, moment);
      continue;
    } else {
      await act(opinion.id, officer.personId, { type: 'escalate', to: 'SUPERVISION', note: '多名群众反映同一问题，建议列入监督议题。' }, moment);
      continue;
    }
    if (!delivered) continue;

    // Feedback: most residents rate the result; some never answer and the window closes.
    moment += rng.hours(2, 100);
    const rating = rng.next();
    if (rating < 0.12) {
      await act(opinion.id, null, { type: 'expireEvaluation' }, moment + 8 * 24 * HOUR);
      continue;
    }
    const firstRating = rating < 0.7 ? 'SATISFIED' : rating < 0.9 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED';
    if (!(await act(opinion.id, residentId, { type: 'evaluate', rating: firstRating }, moment))) continue;
    if (firstRating !== 'DISSATISFIED') continue;
    // Asked why, the resident says it; round 2 starts then.
    const reopened = await act(opinion.id, residentId, { type: 'explainDissatisfaction', reason: '问题没有根本解决。', reasonCode: 'not-solved' }, moment + 60_000);
    if (!reopened) continue;

    // Round 2: handled again, rated again.
    moment += rng.hours(24, 120);
    const redo: [number, OpinionAction] =
      reopened.stage === 'HANDLING' && reopened.agencyId
        ? [handlerRoles.find((role) => role.agencyId === reopened.agencyId)!.personId, { type: 'submitResult', text: '再次组织整改并回访，问题已彻底解决。', final: true }]
        : [officer.personId, { type: 'answer', text: '再次现场协调，已明确整改时限并落实到人。' }];
    if (!(await act(opinion.id, redo[0], redo[1], moment))) continue;
    await act(opinion.id, residentId, { type: 'evaluate', rating: rng.next() < 0.75 ? 'BASICALLY_SATISFIED' : 'DISSATISFIED' }, moment + rng.hours(4, 72));
  }

  // What the history "sent" is history: the outbox must not deliver months of old messages now.
  await prisma.notification.updateMany({ where: { status: 'PENDING' }, data: { status: 'SENT', sentAt: new Date(end) } });
  // Likewise the overdue chain: the steps due by now count as taken, so only what comes later is sent.
  const open = await prisma.opinionDeadline.findMany({ where: { metAt: null, cancelledAt: null, kind: { in: [...STAFF_DEADLINE_KINDS] } } });
  const taken = open.flatMap((deadline) => dueDeadlineSteps(deps, deadline, new Date(end)).map((step) => ({ deadlineId: deadline.id, step, at: new Date(end) })));
  await prisma.opinionDeadlineStep.createMany({ data: taken, skipDuplicates: true });
  return { opinions, actions };
}

const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
const givenNames = ['建国', '秀英', '桂兰', '志强', '丽华', '海燕', '德明', '淑珍', '小军'];

/** Residents who consented long ago and have no chat with the demo (they are not personas). */
async function ensureHistoryResidents(deps: DomainDeps, count: number, consentedAt: Date): Promise<number[]> {
  const names = Array.from({ length: count }, (_, index) => `${surnames[index % surnames.length]}${givenNames[index % givenNames.length]}`);
  const existing = await deps.prisma.person.findMany({ where: { displayName: { in: names }, telegramId: null }, select: { id: true } });
  if (existing.length >= count) return existing.map((person) => person.id);
  await deps.prisma.person.createMany({ data: names.map((displayName) => ({ displayName, locale: 'zh-CN', consentedAt })) });
  return (await deps.prisma.person.findMany({ where: { displayName: { in: names }, telegramId: null }, select: { id: true } })).map((person) => person.id);
}
