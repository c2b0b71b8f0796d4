// What a resident sees of the station network: regions to browse, nearby stations,
// and one station's card. Read-only; every result is plain, serializable data.
import { z } from 'zod';
import type { RegionKind, StationTier } from '../../generated/prisma/client.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { haversineMetres, type Coordinates } from './geo.js';

export interface RegionItem {
  id: number;
  kind: RegionKind;
  nameZh: string;
  nameEn: string;
}

export interface StationItem {
  id: number;
  tier: StationTier;
  nameZh: string;
  nameEn: string;
}

export interface NearbyStation extends StationItem {
  distanceMetres: number;
}

export interface StationCard extends StationItem {
  addressZh: string;
  addressEn: string;
  openingHoursZh: string;
  openingHoursEn: string;
  phone: string | null;
  latitude: number;
  longitude: number;
  regionZh: string;
  regionEn: string;
  officers: string[];
  receptions: { startsAt: Date; endsAt: Date; representative: string; level: string | null; noteZh: string | null; noteEn: string | null }[];
}

const stationItemSelect = { id: true, tier: true, nameZh: true, nameEn: true } as const;
/** A Home first, then stations, then points: the network's own order. */
const tierOrder: Record<StationTier, number> = { HOME: 0, STATION: 1, POINT: 2 };
const byTierThenName = (a: StationItem, b: StationItem) => tierOrder[a.tier] - tierOrder[b.tier] || a.nameZh.localeCompare(b.nameZh, 'zh-CN');

export const RECEPTION_WINDOW_DAYS = 14;
export const NEARBY_STATIONS = 5;

/** Streets and towns that have at least one active station in them or below them. */
export async function listStationAreas(deps: Pick<DomainDeps, 'prisma'>): Promise<RegionItem[]> {
  const withStations = { stations: { some: { active: true } } };
  return deps.prisma.region.findMany({
    where: { kind: { in: ['STREET', 'TOWN'] }, OR: [withStations, { children: { some: withStations } }] },
    select: { id: true, kind: true, nameZh: true, nameEn: true },
    orderBy: { code: 'asc' },
  });
}

/**
 * One level down: inside a street or town, its communities / villages that have
 * stations and the stations sitting directly in it (its Home); inside a community,
 * its stations.
 */
export async function browseRegion(
  deps: Pick<DomainDeps, 'prisma'>,
  regionId: number,
): Promise<{ region: RegionItem & { parentId: number | null }; children: RegionItem[]; stations: StationItem[] }> {
  // One statement: the region with its children and stations joined in.
  const found = await deps.prisma.region.findUnique({
    where: { id: regionId },
    select: {
      id: true,
      kind: true,
      nameZh: true,
      nameEn: true,
      parentId: true,
      children: { where: { stations: { some: { active: true } } }, select: { id: true, kind: true, nameZh: true, nameEn: true }, orderBy: { code: 'asc' } },
      stations: { where: { active: true }, select: stationItemSelect },
    },
  });
  if (!found) throw new DomainError('not-found', 'stations-not-found');
  const { children, stations, ...region } = found;
  return { region, children, stations: stations.sort(byTierThenName) };
}

export const coordinatesSchema = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

/** The nearest active stations, nearest first. A district has at most a few thousand: computed in memory. */
export async function nearestStations(deps: Pick<DomainDeps, 'prisma'>, from: Coordinates, limit = NEARBY_STATIONS): Promise<NearbyStation[]> {
  const origin = coordinatesSchema.parse(from);
  const stations = await deps.prisma.station.findMany({ where: { active: true }, select: { ...stationItemSelect, latitude: true, longitude: true } });
  return stations
    .map(({ latitude, longitude, ...station }) => ({ ...station, distanceMetres: Math.round(haversineMetres(origin, { latitude, longitude })) }))
    .sort((a, b) => a.distanceMetres - b.distanceMetres)
    .slice(0, limit);
}

export async function getStationItem(deps: Pick<DomainDeps, 'prisma'>, stationId: number): Promise<StationItem> {
  const station = await deps.prisma.station.findFirst({ where: { id: stationId, active: true }, select: stationItemSelect });
  if (!station) throw new DomainError('not-found', 'stations-not-found');
  return station;
}

/** The card: where, when open, who works there, and who receives residents in the coming two weeks. */
export async function getStationCard(deps: Pick<DomainDeps, 'prisma' | 'clock'>, stationId: number): Promise<StationCard> {
  const now = deps.clock.now();
  const until = new Date(now.getTime() + RECEPTION_WINDOW_DAYS * 86_400_000);
  const station = await deps.prisma.station.findFirst({
    where: { id: stationId, active: true },
    include: {
      region: true,
      staffRoles: { where: { kind: 'LIAISON_OFFICER', revokedAt: null }, include: { person: { select: { displayName: true } } } },
      receptionDays: {
        where: { endsAt: { gte: now }, startsAt: { lte: until } },
        orderBy: { startsAt: 'asc' },
        include: { representative: { select: { displayName: true, representativeLevel: true } } },
      },
    },
  });
  if (!station) throw new DomainError('not-found', 'stations-not-found');
  return {
    id: station.id,
    tier: station.tier,
    nameZh: station.nameZh,
    nameEn: station.nameEn,
    addressZh: station.addressZh,
    addressEn: station.addressEn,
    openingHoursZh: station.openingHoursZh,
    openingHoursEn: station.openingHoursEn,
    phone: station.phone,
    latitude: station.latitude,
    longitude: station.longitude,
    regionZh: station.region.nameZh,
    regionEn: station.region.nameEn,
    officers: [...new Set(station.staffRoles.flatMap((role) => (role.person.displayName ? [role.person.displayName] : [])))],
    receptions: station.receptionDays.flatMap((day) =>
      day.representative.displayName
        ? [{ startsAt: day.startsAt, endsAt: day.endsAt, representative: day.representative.displayName, level: day.representative.representativeLevel, noteZh: day.noteZh, noteEn: day.noteEn }]
        : [],
    ),
  };
}
