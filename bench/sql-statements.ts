// Counts the SQL statements this process sends, on both backends: every pg client query
// (PostgreSQL, through Prisma's adapter or the driver) and every PGlite query, exec and
// transaction (BEGIN and COMMIT counted). Importing this module installs the counting.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

let statements = 0;

/** Statements sent since this module was loaded: read it before and after what you measure. */
export const sqlStatements = (): number => statements;

const countPg = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (countPg as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;
for (const method of ['query', 'exec'] as const) {
  const original = PGlite.prototype[method] as (...a: unknown[]) => unknown;
  (PGlite.prototype as unknown as Record<string, unknown>)[method] = function (this: PGlite, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
}
const originalTransaction = PGlite.prototype.transaction;
PGlite.prototype.transaction = function (this: PGlite, callback: Parameters<PGlite['transaction']>[0]) {
  statements += 2; // BEGIN, COMMIT
  return originalTransaction.call(this, (tx) => {
    const query = tx.query.bind(tx);
    tx.query = ((...args: Parameters<typeof query>) => (statements++, query(...args))) as typeof tx.query;
    return callback(tx);
  });
} as typeof PGlite.prototype.transaction;
