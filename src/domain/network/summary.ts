// The import's outcome in the reader's language: each error with its sheet, row and column,
// or per sheet what was (or would be) added, changed and deactivated, by code.
import type { ImportResult } from './import.js';
import { SHEET_KINDS, SHEETS } from './sheets.js';

export type Translator = (key: string, vars?: Record<string, string | number>) => string;

export function describeImport(t: Translator, result: ImportResult): string[] {
  if (!result.ok) {
    const lines = [t('import-refused', { count: result.issueCount })];
    for (const issue of result.issues) {
      const message = t(issue.key, issue.vars);
      lines.push(t('import-issue', { sheet: SHEETS[issue.sheet].name, row: issue.row, column: issue.columnLetter, header: issue.header, message }));
    }
    if (result.issueCount > result.issues.length) lines.push(t('import-refused-more', { count: result.issueCount - result.issues.length }));
    return lines;
  }
  const lines = [t(result.dryRun ? 'import-dry-run' : 'import-applied')];
  let anything = false;
  for (const kind of SHEET_KINDS) {
    const changes = result.changes[kind];
    const sheet = SHEETS[kind].name;
    if (changes.added + changes.changed + changes.deactivated === 0) {
      lines.push(t('import-sheet-unchanged', { sheet }));
      continue;
    }
    anything = true;
    lines.push(t('import-sheet-changes', { sheet, added: changes.added, changed: changes.changed, deactivated: changes.deactivated }));
    for (const what of ['added', 'changed', 'deactivated'] as const) {
      const codes = changes.samples[what];
      if (codes.length > 0) lines.push(`  ${t(`import-codes-${what}`, { codes: codes.join(', ') + (changes[what] > codes.length ? ', …' : '') })}`);
    }
  }
  if (!anything) lines.push(t('import-nothing-changes'));
  if (result.invitationsIssued > 0) lines.push(t('import-invitations', { count: result.invitationsIssued }));
  return lines;
}
