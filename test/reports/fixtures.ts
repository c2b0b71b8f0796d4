// Known small datasets for the report tests, written directly with Prisma exactly as
// the lifecycle table (src/domain/opinions/lifecycle.ts) says the workflow writes them:
// events in order, deadlines opened / met / cancelled, evaluations.
import type { AppDeps } from '../../src/deps.js';
import type { DeadlineKind, OpinionEventType, OpinionStage, Rating, Prisma } from '../../src/generated/prisma/client.js';
import { dueAtFor } from '../../src/domain/opinions/deadlines.js';

export interface Places {
  districtId: number;
  streetA: number;
  townB: number;
  stations: { s1: number; s2: number; s3: number };
  categories: { roads: number; environment: number };
  agencies: { g1: number; g2: number };
  officers: { o1: number; o2: number };
  admins: { district: { personId: number; telegramId: number }; street: { personId: number; telegramId: number }; resident: { personId: number; telegramId: number } };
}

/** A district with a street (one station in a community, one directly on the street) and a town. */
export async function createPlaces(deps: AppDeps): Promise<Places> {
  const p = deps.prisma;
  const district = await p.region.create({ data: { code: 'D', kind: 'DISTRICT', nameZh: '永川区', nameEn: 'Yongchuan' } });
  const streetA = await p.region.create({ data: { code: 'A', kind: 'STREET', nameZh: '中山路街道', nameEn: 'Zhongshan Road', parentId: district.id } });
  const townB = await p.region.create({ data: { code: 'B', kind: 'TOWN', nameZh: '朱沱镇', nameEn: 'Zhutuo', parentId: district.id } });
  const communityA1 = await p.region.create({ data: { code: 'A1', kind: 'COMMUNITY', nameZh: '红旗社区', nameEn: 'Hongqi', parentId: streetA.id } });
  const station = (code: string, regionId: number, nameZh: string, nameEn: string) =>
    p.station.create({
      data: { code, tier: 'STATION', nameZh, nameEn, regionId, addressZh: '地址', addressEn: 'Address', latitude: 29.35, longitude: 105.9, openingHoursZh: '工作日', openingHoursEn: 'Weekdays' },
    });
  const s1 = await station('S1', communityA1.id, '红旗社区代表活动站', 'Hongqi station');
  const s2 = await station('S2', streetA.id, '中山路代表之家', 'Zhongshan home');
  const s3 = await station('S3', townB.id, '朱沱镇代表之家', 'Zhutuo home');
  const roads = await p.category.create({ data: { code: 'roads', nameZh: '道路交通', nameEn: 'Roads' } });
  const environment = await p.category.create({ data: { code: 'environment', nameZh: '环境卫生', nameEn: 'Environment' } });
  const g1 = await p.agency.create({ data: { code: 'G1', nameZh: '区住建委', nameEn: 'Housing Commission' } });
  const g2 = await p.agency.create({ data: { code: 'G2', nameZh: '区城管局', nameEn: 'Urban Management' } });
  const person = async (telegramId: number, displayName: string, role?: Omit<Prisma.StaffRoleUncheckedCreateInput, 'personId'>) => {
    const row = await p.person.create({ data: { telegramId: BigInt(telegramId), chatId: BigInt(telegramId), displayName, consentedAt: new Date('2026-01-01T00:00:00Z') } });
    if (role) await p.staffRole.create({ data: { ...role, personId: row.id } });
    return row.id;
  };
  const o1 = await person(7001, '王联络员', { kind: 'LIAISON_OFFICER', stationId: s1.id });
  const o2 = await person(7002, '李联络员', { kind: 'LIAISON_OFFICER', stationId: s3.id });
  const districtAdmin = await person(7101, '区代表工委', { kind: 'DISTRICT_ADMIN', regionId: district.id });
  const streetAdmin = await person(7102, '朱沱镇人大', { kind: 'STREET_ADMIN', regionId: townB.id });
  const resident = await person(7201, '居民');
  return {
    districtId: district.id,
    streetA: streetA.id,
    townB: townB.id,
    stations: { s1: s1.id, s2: s2.id, s3: s3.id },
    categories: { roads: roads.id, environment: environment.id },
    agencies: { g1: g1.id, g2: g2.id },
    officers: { o1, o2 },
    admins: {
      district: { personId: districtAdmin, telegramId: 7101 },
      street: { personId: streetAdmin, telegramId: 7102 },
      resident: { personId: resident, telegramId: 7201 },
    },
  };
}

export type Step =
  | { type: 'acknowledge'; at: string; by: number }
  | { type: 'classify'; at: string; by: number; categoryId: number }
  | { type: 'answer'; at: string; by: number }
  | { type: 'refer'; at: string; by: number; agencyId: number }
  | { type: 'escalate'; at: string; by: number; to: 'PROPOSAL' | 'SUPERVISION' }
  | { type: 'decline'; at: string; by: number }
  | { type: 'merge'; at: string; by: number; intoOpinionId: number }
  | { type: 'submitResult'; at: string; by: number }
  | { type: 'evaluate'; at: string; rating: Rating }
  | { type: 'expireEvaluation'; at: string };

export interface CaseSpec {
  trackingNo: string;
  stationId: number;
  categoryId: number;
  text: string;
  residentId?: number;
  collectedAt: string;
  steps?: Step[];
}

interface DeadlineRow {
  kind: DeadlineKind;
  round: number;
  setAt: Date;
  dueAt: Date;
  metAt: Date | null;
  cancelledAt: Date | null;
}

/** Writes one opinion and its whole history; returns its id. */
export async function recordCase(deps: AppDeps, spec: CaseSpec): Promise<number> {
  const collectedAt = new Date(spec.collectedAt);
  const opinion = await deps.prisma.opinion.create({
    data: { trackingNo: spec.trackingNo, stationId: spec.stationId, categoryId: spec.categoryId, text: spec.text, residentId: spec.residentId ?? null, createdAt: collectedAt },
  });
  let stage: OpinionStage = 'COLLECTED';
  let round = 1;
  let categoryId = spec.categoryId;
  let disposition: Prisma.OpinionUncheckedUpdateInput['disposition'] = null;
  let agencyId: number | null = null;
  let closedAt: Date | null = null;
  let closeReason: Prisma.OpinionUncheckedUpdateInput['closeReason'] = null;
  let acknowledgedAt: Date | null = null;
  const events: Prisma.OpinionEventCreateManyInput[] = [];
  const deadlines: DeadlineRow[] = [];
  const evaluations: Prisma.EvaluationCreateManyInput[] = [];

  const event = (type: OpinionEventType, at: Date, toStage: OpinionStage, actorId: number | null, data: Record<string, unknown> = {}) => {
    events.push({ opinionId: opinion.id, type, at, actorId, actorRole: actorId === null ? 'SYSTEM' : 'LIAISON_OFFICER', fromStage: stage, toStage, round, data: data as Prisma.InputJsonValue });
    stage = toStage;
  };
  const open = (kind: DeadlineKind, at: Date) => {
    deadlines.push({ kind, round, setAt: at, dueAt: dueAtFor(deps, { kind, from: at }), metAt: null, cancelledAt: null });
  };
  const meet = (kinds: DeadlineKind[], at: Date) => {
    for (const d of deadlines) if (kinds.includes(d.kind) && !d.metAt && !d.cancelledAt) d.metAt = at;
  };
  const close = (at: Date, reason: 'EVALUATED' | 'NOT_EVALUATED' | 'DECLINED' | 'MERGED') => {
    event('CLOSED', at, 'CLOSED', null, { reason });
    closedAt = at;
    closeReason = reason;
  };
  const acknowledgeFirst = (at: Date, by: number) => {
    if (stage !== 'COLLECTED') return;
    event('ACKNOWLEDGED', at, 'ANALYZING', by);
    meet(['ACKNOWLEDGE'], at);
    open('ANALYZE', at);
    acknowledgedAt = at;
  };

  // As submit-opinion.ts writes it: the category is on the opinion, not on the event.
  event('COLLECTED', collectedAt, 'COLLECTED', spec.residentId ?? null);
  stage = 'COLLECTED';
  open('ACKNOWLEDGE', collectedAt);

  for (const step of spec.steps ?? []) {
    const at = new Date(step.at);
    switch (step.type) {
      case 'acknowledge':
        acknowledgeFirst(at, step.by);
        break;
      case 'classify':
        event('CLASSIFIED', at, stage, step.by, { categoryId: step.categoryId, priority: 'NORMAL', previous: { categoryId, priority: 'NORMAL' } });
        categoryId = step.categoryId;
        break;
      case 'answer':
        acknowledgeFirst(at, step.by);
        event('ANSWERED', at, 'FEEDBACK', step.by);
        event('RESULT_DELIVERED', at, 'FEEDBACK', step.by);
        meet(['ANALYZE'], at);
        open('EVALUATE', at);
        disposition ??= 'ON_THE_SPOT';
        break;
      case 'refer': {
        acknowledgeFirst(at, step.by);
        const dueAt = dueAtFor(deps, { kind: 'HANDLE', from: at });
        event('REFERRED', at, 'HANDLING', step.by, { agencyId: step.agencyId, dueAt: dueAt.toISOString() });
        meet(['ANALYZE'], at);
        open('HANDLE', at);
        disposition = 'REFERRED';
        agencyId = step.agencyId;
        break;
      }
      case 'escalate':
        acknowledgeFirst(at, step.by);
        event('ESCALATED', at, 'HANDLING', step.by, { to: step.to });
        meet(['ANALYZE'], at);
        open('HANDLE', at);
        disposition = step.to;
        break;
      case 'decline':
        acknowledgeFirst(at, step.by);
        event('DECLINED', at, 'CLOSED', step.by, { reason: 'declined' });
        meet(['ANALYZE'], at);
        close(at, 'DECLINED');
        disposition = 'DECLINED';
        break;
      case 'merge':
        acknowledgeFirst(at, step.by);
        event('MERGED', at, 'CLOSED', step.by, { mergedIntoId: step.intoOpinionId });
        for (const d of deadlines) if (!d.metAt && !d.cancelledAt) d.cancelledAt = at;
        close(at, 'MERGED');
        disposition = 'MERGED';
        break;
      case 'submitResult':
        event('RESULT_SUBMITTED', at, 'FEEDBACK', step.by);
        event('RESULT_DELIVERED', at, 'FEEDBACK', step.by);
        meet(['HANDLE'], at);
        open('EVALUATE', at);
        break;
      case 'expireEvaluation':
        close(at, 'NOT_EVALUATED');
        break;
      case 'evaluate':
        event('EVALUATED', at, 'FEEDBACK', spec.residentId ?? null, { rating: step.rating, round });
        evaluations.push({ opinionId: opinion.id, round, rating: step.rating, at, personId: spec.residentId ?? null });
        meet(['EVALUATE'], at);
        if (round === 1 && step.rating === 'DISSATISFIED') {
          round = 2;
          const onTheSpot = disposition === 'ON_THE_SPOT';
          event('REOPENED', at, onTheSpot ? 'ANALYZING' : 'HANDLING', null);
          open(onTheSpot ? 'ANALYZE' : 'HANDLE', at);
        } else {
          close(at, 'EVALUATED');
        }
        break;
    }
  }
  if (events.length) await deps.prisma.opinionEvent.createMany({ data: events });
  await deps.prisma.opinionDeadline.createMany({ data: deadlines.map((d) => ({ opinionId: opinion.id, ...d })) });
  if (evaluations.length) await deps.prisma.evaluation.createMany({ data: evaluations });
  await deps.prisma.opinion.update({
    where: { id: opinion.id },
    data: { stage, round, categoryId, disposition, agencyId, closedAt, closeReason, acknowledgedAt, mergedIntoId: spec.steps?.find((s) => s.type === 'merge')?.intoOpinionId ?? null },
  });
  return opinion.id;
}
