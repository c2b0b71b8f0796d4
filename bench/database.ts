// A database of a benchmark's own: PGlite in memory, or a PostgreSQL database
// (minyi_bench_<purpose>_<random>) on BENCH_POSTGRES_URL's server, dropped at the end.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../src/db/database.js';

export async function openBenchDatabase(kind: DatabaseKind, purpose: string): Promise<{ db: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const db = await openDatabase({ pgliteDir: 'memory://' });
    return { db, drop: () => db.close() };
  }
  const created = await createBenchPostgres(purpose);
  const db = await openDatabase({ databaseUrl: created.url });
  return {
    db,
    drop: async () => {
      await db.close();
      await created.drop();
    },
  };
}

/** An empty PostgreSQL database of the benchmark's own, by URL (for processes it starts), and how to drop it. */
export async function createBenchPostgres(purpose: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `minyi_bench_${purpose}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // FORCE: a process the benchmark started may still hold a connection.
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
