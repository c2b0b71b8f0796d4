// Imports a district's network and staff from the spreadsheet: reads it as a stream, checks
// every cell and row, and when nothing is wrong applies it in one transaction. A dry run (and
// any error) rolls the transaction back: nothing is written.
import type { Readable } from 'node:stream';
import type { AppDeps } from '../../deps.js';
import type { DomainDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { ADMIN_ROLE_KINDS } from '../staff/scope.js';
import { checkAcrossRows, type ImportScope, type RowIssue } from './checks.js';
import { mergeNetwork, type NetworkChanges } from './merge.js';
import { readNetworkWorkbook } from './read-workbook.js';
import { columnLetter, headerText, SHEETS, type SheetKind } from './sheets.js';
import { createStagingTables, StagingWriter } from './staging.js';

/** Enough to fix a file in one pass; the count tells how many more there are. */
const MAX_ISSUES = 200;

export interface ImportIssue extends RowIssue {
  /** The column's letter ("C") and its header, for the reader to find the cell. */
  columnLetter: string;
  header: string;
}

export type ImportResult =
  | { ok: false; issues: ImportIssue[]; issueCount: number }
  | { ok: true; dryRun: boolean; changes: NetworkChanges; invitationsIssued: number; rows: Record<SheetKind, number> };

export interface ImportInput {
  file: Readable | string;
  dryRun: boolean;
  /** The admin importing from chat; absent for the CLI, which may change the whole network. */
  actorId?: number | undefined;
}

/** Thrown inside the transaction to roll it back with a result in hand. */
class RollBack extends Error {
  constructor(readonly result: ImportResult) {
    super('rollback');
  }
}

/**
 * The import is set-based SQL on temporary tables from start to end, so it runs on a raw
 * session of its own rather than through Prisma (see Database.transaction).
 */
export async function importNetwork(deps: Pick<DomainDeps, 'prisma' | 'clock' | 'config'> & Pick<AppDeps, 'db'>, input: ImportInput): Promise<ImportResult> {
  const scope = input.actorId === undefined ? { regionCodes: null, districtWide: true } : await importerScope(deps, input.actorId);
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      // Each statement runs once, on tables made moments ago: compiling it (JIT, when the
      // planner's estimate is high) took longer than running it.
      await tx.query('SET LOCAL jit = off');
      await createStagingTables(tx);
      const staging = new StagingWriter(tx);
      const issues: ImportIssue[] = [];
      let issueCount = 0;
      const columns = new Map<SheetKind, ReadonlyMap<string, number>>();
      const rows = Object.fromEntries(Object.keys(SHEETS).map((kind) => [kind, 0])) as Record<SheetKind, number>;
      const locate = (issue: RowIssue): ImportIssue => {
        const spec = SHEETS[issue.sheet];
        const column = spec.columns.find((candidate) => candidate.key === issue.column) ?? spec.columns[0]!;
        const index = columns.get(issue.sheet)?.get(column.key);
        return { ...issue, columnLetter: index === undefined ? '?' : columnLetter(index), header: headerText(column) };
      };
      const report = (issue: RowIssue) => {
        issueCount++;
        if (issues.length < MAX_ISSUES) issues.push(locate(issue));
      };

      for await (const event of readNetworkWorkbook(input.file)) {
        if (event.type === 'sheet') columns.set(event.spec.kind, event.columns);
        else if (event.type === 'missing-column') report({ sheet: event.spec.kind, row: 1, column: event.column, key: 'import-error-missing-column', vars: {} });
        else {
          for (const issue of event.issues) report({ sheet: event.spec.kind, row: event.rowNumber, ...issue });
          rows[event.spec.kind]++;
          await staging.add(event.spec.kind, event.rowNumber, event.row, event.issues.length > 0);
        }
      }
      await staging.flushAll();
      const across = await checkAcrossRows(tx, scope, MAX_ISSUES);
      for (const issue of across.issues) report(issue);
      issueCount += across.count - across.issues.length;
      if (issueCount > 0) throw new RollBack({ ok: false, issues: sortIssues(issues), issueCount });

      const merged = await mergeNetwork(tx, {
        scope,
        now,
        actorId: input.actorId ?? null,
        invitationExpiresAt: new Date(now.getTime() + deps.config.INVITATION_TTL_HOURS * 3_600_000),
      });
      const result: ImportResult = { ok: true, dryRun: input.dryRun, ...merged, rows };
      if (input.dryRun) throw new RollBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
}

const SHEET_ORDER = Object.keys(SHEETS);

function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort((a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row || a.columnLetter.localeCompare(b.columnLetter));
}

/** A district admin reaches their district(s), a street admin their street(s) or town(s). */
export async function importerScope(deps: Pick<DomainDeps, 'prisma'>, actorId: number): Promise<ImportScope> {
  const roles = await deps.prisma.staffRole.findMany({ where: { personId: actorId, revokedAt: null, kind: { in: [...ADMIN_ROLE_KINDS] } }, include: { region: true } });
  if (roles.length === 0) throw new DomainError('forbidden', 'error-forbidden');
  return {
    regionCodes: roles.flatMap((role) => (role.region ? [role.region.code] : [])),
    districtWide: roles.some((role) => role.kind === 'DISTRICT_ADMIN'),
  };
}
