// The monthly closure report of a scope (the district, or one street / town): the
// figures of the month, the previous month and the year to date, for the scope and per
// breakdown, with the most overdue cases and the hot topics. Names are resolved here so
// every output format (src/reports) only lays the report out.
import type { ReportDeps, Dimension, Figures, OverdueCase } from './figures.js';
import { DIMENSIONS, computePeriodFigures, emptyFigures, mostOverdueCases } from './figures.js';
import { computeHotTopics, type HotTopic } from './hot-topics.js';
import { PERIOD_NAMES, monthSpan, spanPeriods, startOfYear, type PeriodName, type ReportMonth, type ReportPeriods, type ReportSpan } from './period.js';
import { computeProposalFigures, emptyProposalFigures, type ProposalFigures } from './proposals.js';
import { computeRepresentativeFigures, emptyRepresentativeFigures, type RepresentativeFigures } from './representatives.js';
import { computeStationNetwork, type StationActivity, type StationNetworkFigures } from './stations.js';

export interface Named {
  id: number;
  nameZh: string;
  nameEn: string;
}

export type FiguresByPeriod = Record<PeriodName, Figures>;

export interface BreakdownRow extends Named, FiguresByPeriod {}

export interface NamedHotTopic extends Omit<HotTopic, 'categoryId' | 'streetId' | 'stationIds'> {
  category: Named;
  street: Named | null;
  stations: Named[];
}

export interface ProposalSection {
  totals: Record<PeriodName, ProposalFigures>;
  /** Per lead agency (co-handled proposals counted apart). */
  byAgency: (Named & Record<PeriodName, ProposalFigures>)[];
}

export interface RepresentativeSection {
  totals: Record<PeriodName, RepresentativeFigures>;
  byRepresentative: (Named & Record<PeriodName, RepresentativeFigures>)[];
}

export interface StationNetworkSection {
  totals: Record<PeriodName, Omit<StationNetworkFigures, 'stations'>>;
  /** Activity per station in the period asked for, most active first. */
  stations: (Named & StationActivity)[];
}

export interface MonthlyReport {
  /** The period's last month (names files and deliveries). */
  month: ReportMonth;
  span: ReportSpan;
  timeZone: string;
  periods: ReportPeriods;
  /** null: the whole district. */
  street: Named | null;
  totals: FiguresByPeriod;
  breakdowns: Record<Dimension, BreakdownRow[]>;
  mostOverdue: OverdueCase[];
  hotTopics: NamedHotTopic[];
  /** The district's business: null in a street / town report. */
  proposals: ProposalSection | null;
  representatives: RepresentativeSection;
  stationNetwork: StationNetworkSection;
}

export interface MonthlyReportInput {
  /** A month's report… */
  month?: ReportMonth;
  /** …or any span of months (takes precedence). */
  span?: ReportSpan;
  /** A street admin's report: only this street / town. */
  streetId?: number | null;
  /** The month under way, to this instant (month to date). */
  asOf?: Date;
}

type NameLookup = Record<Dimension, Map<number, Named>>;

async function lookupNames(deps: Pick<ReportDeps, 'prisma'>, ids: Record<Dimension, Set<number>>): Promise<NameLookup> {
  const select = { id: true, nameZh: true, nameEn: true } as const;
  const [streets, stations, categories, agencies, officers] = await Promise.all([
    deps.prisma.region.findMany({ where: { id: { in: [...ids.street] } }, select }),
    deps.prisma.station.findMany({ where: { id: { in: [...ids.station] } }, select }),
    deps.prisma.category.findMany({ where: { id: { in: [...ids.category] } }, select }),
    deps.prisma.agency.findMany({ where: { id: { in: [...ids.agency] } }, select }),
    deps.prisma.person.findMany({ where: { id: { in: [...ids.officer] } }, select: { id: true, displayName: true } }),
  ]);
  const byId = (rows: Named[]) => new Map(rows.map((row) => [row.id, row]));
  return {
    street: byId(streets),
    station: byId(stations),
    category: byId(categories),
    agency: byId(agencies),
    officer: byId(officers.map((o) => ({ id: o.id, nameZh: o.displayName ?? `#${o.id}`, nameEn: o.displayName ?? `#${o.id}` }))),
  };
}

function nameOf(lookup: NameLookup, dimension: Dimension, id: number): Named {
  return lookup[dimension].get(id) ?? { id, nameZh: `#${id}`, nameEn: `#${id}` };
}

type ByPeriod<T> = Record<PeriodName, T>;

/** Rows of a breakdown: every key with figures in any period, named, empty figures where a period has none. */
function rowsOf<T>(byPeriod: ByPeriod<Map<number, T>>, name: (id: number) => Named, empty: () => T): (Named & ByPeriod<T>)[] {
  const ids = new Set(PERIOD_NAMES.flatMap((period) => [...byPeriod[period].keys()]));
  return [...ids].map((id) => ({
    ...name(id),
    month: byPeriod.month.get(id) ?? empty(),
    previousMonth: byPeriod.previousMonth.get(id) ?? empty(),
    yearToDate: byPeriod.yearToDate.get(id) ?? empty(),
  }));
}

async function allPeriods<T>(compute: (name: PeriodName) => Promise<T>): Promise<ByPeriod<T>> {
  const [month, previousMonth, yearToDate] = await Promise.all(PERIOD_NAMES.map(compute));
  return { month: month!, previousMonth: previousMonth!, yearToDate: yearToDate! };
}

export async function buildMonthlyReport(deps: ReportDeps, input: MonthlyReportInput): Promise<MonthlyReport> {
  const timeZone = deps.config.TIME_ZONE;
  const span = input.span ?? monthSpan(input.month!);
  const periods = spanPeriods(span, timeZone, input.asOf);
  const streetId = input.streetId ?? null;
  const scope = { streetId, silenceCountsAsSolved: deps.config.SILENCE_COUNTS_AS_SOLVED };
  const [byPeriod, mostOverdue, topics, proposals, representatives, network] = await Promise.all([
    allPeriods((name) => computePeriodFigures(deps, periods[name], scope)),
    mostOverdueCases(deps, periods.month, scope),
    computeHotTopics(deps, periods.month, scope, { proposalSize: deps.config.HOT_TOPIC_PROPOSAL_SIZE }),
    streetId === null ? allPeriods((name) => computeProposalFigures(deps, periods[name], startOfYear(periods[name], timeZone))) : null,
    allPeriods((name) => computeRepresentativeFigures(deps, periods[name], streetId)),
    allPeriods((name) => computeStationNetwork(deps, periods[name], { streetId, littleUsedMaxActivity: deps.config.LITTLE_USED_STATION_MAX_ACTIVITY })),
  ]);
  const { month, previousMonth, yearToDate } = byPeriod;
  const ids = Object.fromEntries(DIMENSIONS.map((d) => [d, new Set<number>()])) as Record<Dimension, Set<number>>;
  for (const name of PERIOD_NAMES) for (const d of DIMENSIONS) for (const id of byPeriod[name].byDimension[d].keys()) ids[d].add(id);
  for (const topic of topics) {
    ids.category.add(topic.categoryId);
    if (topic.streetId !== null) ids.street.add(topic.streetId);
    for (const id of topic.stationIds) ids.station.add(id);
  }
  if (streetId !== null) ids.street.add(streetId);
  // Names for the new sections: agencies, representatives (as officers are: people), stations.
  const lookupIds = { ...ids, agency: new Set(ids.agency), officer: new Set(ids.officer), station: new Set(ids.station) };
  if (proposals) for (const name of PERIOD_NAMES) for (const id of proposals[name].byAgency.keys()) lookupIds.agency.add(id);
  for (const name of PERIOD_NAMES) for (const id of representatives[name].byRepresentative.keys()) lookupIds.officer.add(id);
  for (const station of network.month.stations) lookupIds.station.add(station.stationId);
  const names = await lookupNames(deps, lookupIds);

  const breakdowns = Object.fromEntries(
    DIMENSIONS.map((dimension) => {
      const rows = [...ids[dimension]]
        .filter((id) => PERIOD_NAMES.some((name) => byPeriod[name].byDimension[dimension].has(id)))
        .map((id) => ({
          ...nameOf(names, dimension, id),
          month: month.byDimension[dimension].get(id) ?? emptyFigures(),
          previousMonth: previousMonth.byDimension[dimension].get(id) ?? emptyFigures(),
          yearToDate: yearToDate.byDimension[dimension].get(id) ?? emptyFigures(),
        }))
        .sort((a, b) => b.month.received - a.month.received || b.yearToDate.received - a.yearToDate.received || a.id - b.id);
      return [dimension, rows];
    }),
  ) as Record<Dimension, BreakdownRow[]>;

  const pick = <S, T>(all: ByPeriod<S>, part: (section: S) => T): ByPeriod<T> => ({
    month: part(all.month),
    previousMonth: part(all.previousMonth),
    yearToDate: part(all.yearToDate),
  });

  return {
    month: span.to,
    span,
    timeZone,
    periods,
    street: streetId === null ? null : nameOf(names, 'street', streetId),
    totals: { month: month.district, previousMonth: previousMonth.district, yearToDate: yearToDate.district },
    breakdowns,
    mostOverdue,
    hotTopics: topics.map(({ categoryId, streetId: topicStreet, stationIds, ...topic }) => ({
      ...topic,
      category: nameOf(names, 'category', categoryId),
      street: topicStreet === null ? null : nameOf(names, 'street', topicStreet),
      stations: stationIds.map((id) => nameOf(names, 'station', id)),
    })),
    proposals: proposals && {
      totals: pick(proposals, (p) => p.district),
      byAgency: rowsOf(pick(proposals, (p) => p.byAgency), (id) => nameOf(names, 'agency', id), emptyProposalFigures).sort(
        (a, b) => b.month.received - a.month.received || b.yearToDate.received - a.yearToDate.received || a.id - b.id,
      ),
    },
    representatives: {
      totals: pick(representatives, (r) => r.district),
      byRepresentative: rowsOf(pick(representatives, (r) => r.byRepresentative), (id) => nameOf(names, 'officer', id), emptyRepresentativeFigures).sort(
        (a, b) => b.month.visits - a.month.visits || b.month.opinionsCollected - a.month.opinionsCollected || a.id - b.id,
      ),
    },
    stationNetwork: {
      totals: pick(network, ({ stations: _stations, ...counts }) => counts),
      stations: network.month.stations.map((station) => ({ ...nameOf(names, 'station', station.stationId), ...station })),
    },
  };
}
