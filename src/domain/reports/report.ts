// The monthly closure report of a scope (the district, or one street / town): the
// figures of the month, the previous month and the year to date, for the scope and per
// breakdown, with the most overdue cases and the hot topics. Names are resolved here so
// every output format (src/reports) only lays the report out.
import type { ReportDeps, Dimension, Figures, OverdueCase } from './figures.js';
import { DIMENSIONS, computePeriodFigures, emptyFigures, mostOverdueCases } from './figures.js';
import { computeHotTopics, type HotTopic } from './hot-topics.js';
import { PERIOD_NAMES, reportPeriods, type PeriodName, type ReportMonth, type ReportPeriods } from './period.js';

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

export interface MonthlyReport {
  month: ReportMonth;
  timeZone: string;
  periods: ReportPeriods;
  /** null: the whole district. */
  street: Named | null;
  totals: FiguresByPeriod;
  breakdowns: Record<Dimension, BreakdownRow[]>;
  mostOverdue: OverdueCase[];
  hotTopics: NamedHotTopic[];
}

export interface MonthlyReportInput {
  month: ReportMonth;
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

export async function buildMonthlyReport(deps: ReportDeps, input: MonthlyReportInput): Promise<MonthlyReport> {
  const timeZone = deps.config.TIME_ZONE;
  const periods = reportPeriods(input.month, timeZone, input.asOf);
  const scope = { streetId: input.streetId ?? null };
  const [month, previousMonth, yearToDate, mostOverdue, topics] = await Promise.all([
    computePeriodFigures(deps, periods.month, scope),
    computePeriodFigures(deps, periods.previousMonth, scope),
    computePeriodFigures(deps, periods.yearToDate, scope),
    mostOverdueCases(deps, periods.month, scope),
    computeHotTopics(deps, periods.month, scope, { proposalSize: deps.config.HOT_TOPIC_PROPOSAL_SIZE }),
  ]);
  const byPeriod = { month, previousMonth, yearToDate };

  const ids = Object.fromEntries(DIMENSIONS.map((d) => [d, new Set<number>()])) as Record<Dimension, Set<number>>;
  for (const name of PERIOD_NAMES) for (const d of DIMENSIONS) for (const id of byPeriod[name].byDimension[d].keys()) ids[d].add(id);
  for (const topic of topics) {
    ids.category.add(topic.categoryId);
    if (topic.streetId !== null) ids.street.add(topic.streetId);
    for (const id of topic.stationIds) ids.station.add(id);
  }
  if (scope.streetId !== null) ids.street.add(scope.streetId);
  const names = await lookupNames(deps, ids);

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

  return {
    month: input.month,
    timeZone,
    periods,
    street: scope.streetId === null ? null : nameOf(names, 'street', scope.streetId),
    totals: { month: month.district, previousMonth: previousMonth.district, yearToDate: yearToDate.district },
    breakdowns,
    mostOverdue,
    hotTopics: topics.map(({ categoryId, streetId, stationIds, ...topic }) => ({
      ...topic,
      category: nameOf(names, 'category', categoryId),
      street: streetId === null ? null : nameOf(names, 'street', streetId),
      stations: stationIds.map((id) => nameOf(names, 'station', id)),
    })),
  };
}
