// Runs once per `vitest run`: migrates the PostgreSQL template that test files copy.
import pg from 'pg';
import { applyMigrations } from '../../src/db/migrate.js';
import { databaseUrl, templateName, withAdmin } from './postgres.js';

/** Serialises set-up between runs that start at the same time (several developers' shells, CI). */
const setupLock = 7_746_001;

export default async function setup(): Promise<void> {
  const template = await templateName();
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [setupLock]);
    try {
      await dropLeftovers(admin, template);
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!exists.rowCount) await admin.query(`CREATE DATABASE "${template}"`);
      // Idempotent: also completes a template whose creating run was interrupted.
      await migrateTemplate(template);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [setupLock]);
    }
  });
}

/**
 * Test copies older than an hour (a run in progress keeps its own: the creation time is
 * in the name) and templates of other migration sets.
 */
async function dropLeftovers(admin: pg.Client, template: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'minyi\\_%'`);
  const hourAgo = Date.now() - 3_600_000;
  for (const { datname } of rows) {
    const created = Number(datname.match(/^minyi_test_(\d+)_/)?.[1] ?? 0);
    if (datname.startsWith('minyi_test_') && created < hourAgo) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } else if (datname.startsWith('minyi_template_') && datname !== template) {
      // A template another run is still copying refuses to drop: leave it for a later run.
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
