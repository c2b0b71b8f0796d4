// PostgreSQL for tests: one template database migrated once per suite run, and a
// fresh copy of it per test file (CREATE DATABASE … TEMPLATE is much faster than migrating).
// PGlite likewise: a migrated data folder saved once, loaded by each test database.
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { readMigrations } from '../../src/db/migrate.js';

export const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function migrationsHash(): Promise<string> {
  const migrations = await readMigrations();
  return createHash('sha256').update(migrations.map((m) => m.checksum).join()).digest('hex').slice(0, 12);
}

export async function templateName(): Promise<string> {
  return `minyi_template_${await migrationsHash()}`;
}

/** The migrated PGlite data folder (a tar of `dumpDataDir`) that PGlite test databases start from; written by global set-up. */
export async function pgliteSnapshotFile(): Promise<string> {
  return join(tmpdir(), `minyi-pglite-${await migrationsHash()}.tar`);
}

/** Runs `work` on a connection of its own to the server's maintenance database (benches pass theirs). */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty-but-migrated database for one test file and returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = await templateName();
  // The creation time in the name lets a later run drop only leftovers, never the
  // databases of a run in progress.
  const name = `minyi_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // Another worker may be copying the template at this very moment.
        if (attempt > 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  return {
    url: databaseUrl(name),
    drop: () => withAdmin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
