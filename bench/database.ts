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
  const db = await openDatabase({ databaseUrl: url.toString() });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS "${name}"`);
    },
  };
}
