// Representatives at their stations (进家进站): the reception days of the calendar,
// checking in and out, the residents received (接待群众人次), and the opinions they
// record on residents' behalf. The district admin's 主任接待日 is a reception of kind
// LEADER. A Reception row is the record of what took place; its opinions carry
// channel RECEPTION (or LEADER_RECEPTION) and the representative who recorded them.
import { z } from 'zod';
import type { Reception, ReceptionKind } from '../../generated/prisma/client.js';
import { endOfLocalDay, localDayNumber } from '../calendar/zoned-date.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { districtAdminStations, isDistrictAdminOf, loadPrincipal, regionPath } from '../permissions/index.js';
import { submitOpinion, type SubmitOpinionResult } from '../opinions/submit-opinion.js';
import { parseWorkflowInput, positiveId } from '../workflow/input.js';

export interface ReceptionDayItem {
  id: number;
  stationId: number;
  stationZh: string;
  stationEn: string;
  startsAt: Date;
  endsAt: Date;
  /** The reception held on that day, if the representative checked in. */
  receptionId: number | null;
}

/** How far ahead /reception lists a representative's days. */
export const RECEPTION_DAYS_AHEAD = 14;

/** The representative's reception days from today (district time) over the coming two weeks. */
export async function listReceptionDays(deps: Pick<DomainDeps, 'prisma' | 'clock' | 'config'>, input: { personId: number }): Promise<ReceptionDayItem[]> {
  const now = deps.clock.now();
  const startOfToday = new Date(endOfLocalDay(localDayNumber(now, deps.config.TIME_ZONE) - 1, deps.config.TIME_ZONE).getTime() + 1);
  const days = await deps.prisma.receptionDay.findMany({
    where: { representativeId: input.personId, endsAt: { gte: startOfToday }, startsAt: { lte: new Date(now.getTime() + RECEPTION_DAYS_AHEAD * 86_400_000) } },
    orderBy: { startsAt: 'asc' },
    include: { station: { select: { nameZh: true, nameEn: true } }, receptions: { where: { hostId: input.personId }, select: { id: true }, take: 1 } },
  });
  return days.map((day) => ({
    id: day.id,
    stationId: day.stationId,
    stationZh: day.station.nameZh,
    stationEn: day.station.nameEn,
    startsAt: day.startsAt,
    endsAt: day.endsAt,
    receptionId: day.receptions[0]?.id ?? null,
  }));
}

export type ReceptionView = Reception & { stationZh: string; stationEn: string; opinions: number };

/** The reception the person is holding now (checked in, not out), if any. */
export async function currentReception(deps: Pick<DomainDeps, 'prisma'>, input: { personId: number }): Promise<ReceptionView | null> {
  const reception = await deps.prisma.reception.findFirst({
    where: { hostId: input.personId, checkedOutAt: null },
    orderBy: { checkedInAt: 'desc' },
    include: { station: { select: { nameZh: true, nameEn: true } }, _count: { select: { opinions: true } } },
  });
  if (!reception) return null;
  const { station, _count, ...row } = reception;
  return { ...row, stationZh: station.nameZh, stationEn: station.nameEn, opinions: _count.opinions };
}

const checkInSchema = z.union([
  z.object({ personId: positiveId, receptionDayId: positiveId }),
  z.object({ personId: positiveId, stationId: positiveId, kind: z.enum(['STATION', 'LEADER']) }),
]);
export type CheckInInput = z.input<typeof checkInSchema>;

/**
 * Checks a representative in on their reception day (on that day, in district time), or
 * a representative at one of their stations / a district admin at any station
 * (主任接待日) without one. One open reception per person at a time, one per reception day.
 */
export async function checkIn(deps: Pick<DomainDeps, 'prisma' | 'clock' | 'config'>, rawInput: CheckInInput): Promise<Reception> {
  const input = parseWorkflowInput(checkInSchema, rawInput);
  try {
    return await writeCheckIn(deps, input);
  } catch (error) {
    // Two check-ins at once (a double tap, two instances) both passed writeCheckIn's checks:
    // the unique indexes (one open reception per host, one per reception day) let one win.
    if ((error as { code?: string }).code === 'P2002') throw new DomainError('validation', 'error-reception-already-open');
    throw error;
  }
}

async function writeCheckIn(deps: Pick<DomainDeps, 'prisma' | 'clock' | 'config'>, input: z.output<typeof checkInSchema>): Promise<Reception> {
  const now = deps.clock.now();
  return deps.prisma.$transaction(async (tx) => {
    const roles = await tx.staffRole.findMany({ where: { personId: input.personId, revokedAt: null, person: { erasedAt: null } } });
    let stationId: number;
    let kind: ReceptionKind = 'STATION';
    let receptionDayId: number | null = null;
    if ('receptionDayId' in input) {
      const day = await tx.receptionDay.findUnique({ where: { id: input.receptionDayId } });
      if (!day || day.representativeId !== input.personId) throw new DomainError('not-found', 'error-reception-day-unknown');
      const zone = deps.config.TIME_ZONE;
      if (localDayNumber(day.startsAt, zone) !== localDayNumber(now, zone)) throw new DomainError('validation', 'error-reception-not-today');
      if (await tx.reception.findFirst({ where: { receptionDayId: day.id, hostId: input.personId } })) throw new DomainError('validation', 'error-reception-day-held');
      stationId = day.stationId;
      receptionDayId = day.id;
    } else {
      kind = input.kind;
      const station = await tx.station.findFirst({ where: { id: input.stationId, active: true }, select: { regionId: true } });
      // A leaders' reception day is held in the admin's own district.
      const path = station ? await regionPath(tx, station.regionId) : [];
      const allowed = kind === 'LEADER' ? roles.some((role) => isDistrictAdminOf(role, path)) : roles.some((role) => role.kind === 'REPRESENTATIVE' && role.stationId === input.stationId);
      if (!allowed) throw new DomainError('forbidden', 'error-forbidden', { action: 'checkIn' });
      if (!station) throw new DomainError('not-found', 'stations-not-found');
      stationId = input.stationId;
    }
    if (!roles.some((role) => role.kind === 'REPRESENTATIVE' || role.kind === 'DISTRICT_ADMIN')) throw new DomainError('forbidden', 'error-forbidden', { action: 'checkIn' });
    if (await tx.reception.findFirst({ where: { hostId: input.personId, checkedOutAt: null } })) throw new DomainError('validation', 'error-reception-already-open');
    return tx.reception.create({ data: { kind, stationId, receptionDayId, hostId: input.personId, checkedInAt: now } });
  });
}

/** The person's open reception; refuses a closed one or another person's. */
async function openReceptionOf(deps: Pick<DomainDeps, 'prisma'>, personId: number, receptionId: number): Promise<Reception> {
  const reception = await deps.prisma.reception.findUnique({ where: { id: receptionId } });
  if (!reception || reception.hostId !== personId) throw new DomainError('not-found', 'error-reception-unknown');
  if (reception.checkedOutAt) throw new DomainError('validation', 'error-reception-closed');
  return reception;
}

export async function checkOut(deps: Pick<DomainDeps, 'prisma' | 'clock'>, input: { personId: number; receptionId: number }): Promise<Reception> {
  await openReceptionOf(deps, input.personId, input.receptionId);
  const closed = await deps.prisma.reception.updateMany({ where: { id: input.receptionId, checkedOutAt: null }, data: { checkedOutAt: deps.clock.now() } });
  if (closed.count === 0) throw new DomainError('validation', 'error-reception-closed');
  return deps.prisma.reception.findUniqueOrThrow({ where: { id: input.receptionId } });
}

/** Adds (or, to correct a slip, removes) residents received; never below zero. */
export async function countResidentsReceived(deps: Pick<DomainDeps, 'prisma'>, input: { personId: number; receptionId: number; delta: number }): Promise<number> {
  if (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > 1000) throw new DomainError('validation', 'error-reception-count');
  await openReceptionOf(deps, input.personId, input.receptionId);
  const updated = await deps.prisma.reception.updateMany({
    where: { id: input.receptionId, checkedOutAt: null, residentsReceived: { gte: Math.max(0, -input.delta) } },
    data: { residentsReceived: { increment: input.delta } },
  });
  if (updated.count === 0) throw new DomainError('validation', 'error-reception-count');
  return (await deps.prisma.reception.findUniqueOrThrow({ where: { id: input.receptionId } })).residentsReceived;
}

export interface RecordOpinionInput {
  personId: number;
  /** At a reception (its station), or on a visit (a station the representative serves). */
  where: { receptionId: number } | { visitStationId: number };
  categoryId: number;
  text: string;
  /** A resident the bot knows (who consented); null: recorded anonymously. */
  residentId?: number | null;
  locale: string;
  submissionKey?: string;
}

/** Records an opinion a resident gave the representative in person, through submitOpinion. */
export async function recordOpinion(deps: DomainDeps, input: RecordOpinionInput): Promise<SubmitOpinionResult> {
  let stationId: number;
  let recordedBy: NonNullable<Parameters<typeof submitOpinion>[1]['recordedBy']>;
  if ('receptionId' in input.where) {
    const reception = await openReceptionOf(deps, input.personId, input.where.receptionId);
    stationId = reception.stationId;
    recordedBy = { personId: input.personId, channel: reception.kind === 'LEADER' ? 'LEADER_RECEPTION' : 'RECEPTION', receptionId: reception.id };
  } else {
    const serves = await deps.prisma.staffRole.findFirst({ where: { personId: input.personId, kind: 'REPRESENTATIVE', stationId: input.where.visitStationId, revokedAt: null } });
    if (!serves) throw new DomainError('forbidden', 'error-forbidden', { action: 'recordVisit' });
    stationId = input.where.visitStationId;
    recordedBy = { personId: input.personId, channel: 'VISIT' };
  }
  return submitOpinion(deps, {
    residentId: input.residentId ?? null,
    recordedBy,
    stationId,
    categoryId: input.categoryId,
    text: input.text,
    shareContact: false,
    locale: input.locale,
    ...(input.submissionKey ? { submissionKey: input.submissionKey } : {}),
  });
}

/** The stations a representative serves (for visits). */
export async function representativeStations(deps: Pick<DomainDeps, 'prisma'>, input: { personId: number }) {
  const roles = await deps.prisma.staffRole.findMany({
    where: { personId: input.personId, kind: 'REPRESENTATIVE', revokedAt: null, stationId: { not: null } },
    select: { station: { select: { id: true, nameZh: true, nameEn: true } } },
    orderBy: { stationId: 'asc' },
  });
  return roles.flatMap((role) => (role.station ? [role.station] : []));
}

/** Where a district admin holds 主任接待日: the Representatives' Homes (代表之家) of their district. */
export async function leaderReceptionStations(deps: Pick<DomainDeps, 'prisma'>, input: { personId: number }) {
  const { roles } = await loadPrincipal(deps.prisma, { kind: 'person', personId: input.personId });
  const stations = await districtAdminStations(deps.prisma, roles);
  if (!stations) return [];
  return deps.prisma.station.findMany({ where: { ...stations, tier: 'HOME', active: true }, orderBy: { id: 'asc' }, take: 20, select: { id: true, nameZh: true, nameEn: true } });
}
