// Applies prisma/migrations/*/migration.sql in order and records each one in
// `_prisma_migrations` exactly as Prisma Migrate does, so that an online
// `prisma migrate deploy` later agrees with what was applied here.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectPath } from '../paths.js';

export const defaultMigrationsDir = projectPath('prisma', 'migrations');

/** The two calls the runner needs, satisfied by PGlite and by a `pg` client alike. */
export interface SqlRunner {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const createLedger = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies the pending migrations; returns the names applied now. */
export async function applyMigrations(sql: SqlRunner, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await sql.exec(createLedger);
  const { rows } = await sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const applied = new Map(rows.map((row) => [row.migration_name, row]));
  const appliedNow: string[] = [];
  for (const migration of all) {
    const previous = applied.get(migration.name);
    if (previous) {
      if (previous.finished_at === null) {
        throw new MigrationError(`Migration ${migration.name} started earlier but never finished; repair the database first.`);
      }
      if (previous.checksum !== migration.checksum) {
        throw new MigrationError(`Migration ${migration.name} was changed after it was applied.`);
      }
      continue;
    }
    // Sent as one simple-protocol script, which PostgreSQL runs as one implicit
    // transaction: a failing migration leaves neither its changes nor its ledger row.
    const record = `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
      VALUES (${literal(randomUUID())}, ${literal(migration.checksum)}, now(), ${literal(migration.name)}, 1);`;
    try {
      await sql.exec(`${migration.sql}\n;\n${record}`);
    } catch (error) {
      throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
    appliedNow.push(migration.name);
  }
  return appliedNow;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
