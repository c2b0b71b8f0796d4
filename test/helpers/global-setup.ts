// Runs once per `vitest run`: migrates the PostgreSQL template that test files copy, and
// the PGlite snapshot that PGlite test databases load.
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { applyMigrations } from '../../src/db/migrate.js';
import { databaseUrl, pgliteSnapshotFile, templateName, withAdmin } from './postgres.js';

/** One per migration set, kept in the temporary folder (runs in parallel write it alike: the rename is atomic). */
async function writePgliteSnapshot(): Promise<void> {
  const file = await pgliteSnapshotFile();
  if (existsSync(file)) return;
  const pglite = new PGlite('memory://');
  try {
    await applyMigrations({ query: (text, params) => pglite.query(text, params) as never, exec: (text) => pglite.exec(text) });
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    await rename(partial, file);
  } finally {
    await pglite.close();
  }
}

/** Serialises set-up between runs that start at the same time (several developers' shells, CI). */
const setupLock = 7_746_001;

export default async function setup(): Promise<void> {
  await writePgliteSnapshot();
  const template = await templateName();
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [setupLock]);
    try {
      await dropLeftovers(admin, template);
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!exists.rowCount) await admin.query(`CREATE DATABASE "${template}"`);
      // Idempotent: also completes a template whose creating run was interrupted.
      await migrateTemplate(template);
      // Marked as a template, PostgreSQL refuses to drop it: a run of another branch (other
      // migrations) on the same server cannot pull it from under this run's test files.
      // The creation time lets later runs drop it once it is a day old and unused.
      await admin.query(`ALTER DATABASE "${template}" IS_TEMPLATE true`);
      if (!exists.rowCount) await admin.query(`COMMENT ON DATABASE "${template}" IS '${Date.now()}'`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [setupLock]);
    }
  });
}

/**
 * Test copies older than an hour (a run in progress keeps its own: the creation time is
 * in the name) and templates of other migration sets older than a day (runs of other
 * branches on the same server may still be using theirs; one of unknown age is kept).
 */
async function dropLeftovers(admin: pg.Client, template: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; comment: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname LIKE 'minyi\\_%'`,
  );
  const hourAgo = Date.now() - 3_600_000;
  const dayAgo = Date.now() - 24 * 3_600_000;
  for (const { datname, comment } of rows) {
    const created = Number(datname.match(/^minyi_test_(\d+)_/)?.[1] ?? 0);
    if (datname.startsWith('minyi_test_') && created < hourAgo) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } else if (datname.startsWith('minyi_template_') && datname !== template && comment !== null && Number(comment) < dayAgo) {
      // A template another run is still copying refuses to drop: leave it for a later run.
      await admin.query(`ALTER DATABASE "${datname}" IS_TEMPLATE false`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
    }
  }
}

async function migrateTemplate(template: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(template) });
  await client.connect();
  try {
    await applyMigrations({ query: (text, params) => client.query(text, params) as never, exec: (text) => client.query(text) });
  } finally {
    await client.end();
  }
}
