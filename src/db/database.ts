// Opens the database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise,
// applies pending migrations, and hands back one Prisma client for both.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrations, type SqlRunner } from './migrate.js';

export type { PrismaClient } from '../generated/prisma/client.js';
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw SQL for what Prisma does not express well (report aggregates, migrations). */
  sql: SqlRunner;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps everything in memory (tests). */
  pgliteDir?: string;
  migrate?: boolean;
  /** Told when PostgreSQL drops an idle pooled connection (a server restart, a failover). */
  onConnectionError?: (error: Error) => void;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.onConnectionError)
    : await openPglite(options.pgliteDir ?? 'memory://');
  if (options.migrate ?? true) {
    try {
      await applyMigrations(database.sql);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openPostgres(connectionString: string, onConnectionError: ((error: Error) => void) | undefined): Database {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Without a listener an idle connection the server closes would crash the process; the
  // pool discards it and the next query connects afresh.
  pool.on('error', (error) => onConnectionError?.(error));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    sql: {
      query: async (text, params) => (await pool.query(text, params as unknown[])) as never,
      exec: async (text) => pool.query(text),
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dir: string): Promise<Database> {
  if (!dir.startsWith('memory://')) await mkdir(resolve(dir), { recursive: true });
  const pglite = new PGlite(dir);
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    prisma,
    sql: {
      query: async (text, params) => (await pglite.query(text, params)) as never,
      exec: async (text) => pglite.exec(text),
    },
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** Readiness: what is wrong with the database now (empty when a query answers within 3 s). */
export async function databaseProblems(db: Database): Promise<string[]> {
  const timeoutMs = 3000;
  try {
    await Promise.race([
      db.sql.query('SELECT 1'),
      delay(timeoutMs, undefined, { ref: false }).then(() => Promise.reject(new Error(`no answer within ${timeoutMs / 1000} s`))),
    ]);
    return [];
  } catch (error) {
    return [`database: ${(error as Error).message}`];
  }
}
