// Opens the database: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise,
// applies pending migrations, and hands back one Prisma client for both.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { lockDataDir } from './data-dir-lock.js';
import { applyMigrations, type SqlRunner } from './migrate.js';

export type { PrismaClient } from '../generated/prisma/client.js';
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw SQL for what Prisma does not express well (report aggregates, migrations). */
  sql: SqlRunner;
  /**
   * Raw SQL in one transaction on one connection (committed unless `work` throws), for bulk
   * work such as the network import: Prisma's raw queries cost about 20 ms of CPU per 300 kB
   * of parameters and keep the last hundred queries' parameters in memory.
   */
  transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Prisma's default error format captures a stack trace on every query (to point at the
 * calling line if it fails): a fifth of a simple query's CPU. Errors still carry their
 * code and message, which is what the logs and the code use.
 */
const PRISMA_ERROR_FORMAT = 'minimal';

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps everything in memory (tests). */
  pgliteDir?: string;
  /**
   * PGlite: start from this data folder (`dumpDataDir()`), e.g. an already migrated one:
   * much faster than PGlite's own initdb, which dominates opening an empty one (tests).
   */
  pgliteSnapshot?: Blob;
  migrate?: boolean;
  /**
   * PGlite: a lock file that keeps a second process out of the data folder (see
   * data-dir-lock.ts); `dataDir` names the folder in the refusal.
   */
  lock?: { file: string; dataDir: string };
  /** Told when PostgreSQL drops an idle pooled connection (a server restart, a failover). */
  onConnectionError?: (error: Error) => void;
}

/** The embedded database of a DATA_DIR: PGlite's folder and the lock that keeps it single-writer. */
export function embeddedDatabaseIn(dataDir: string): Pick<OpenDatabaseOptions, 'pgliteDir' | 'lock'> {
  return { pgliteDir: join(dataDir, 'pglite'), lock: { file: join(dataDir, 'minyi.lock'), dataDir } };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.onConnectionError)
    : await openPglite(options.pgliteDir ?? 'memory://', options.lock, options.pgliteSnapshot);
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

export interface PoolBounds {
  max: number;
  /** A server that does not answer fails a new connection after this, instead of hanging it. */
  connectTimeoutMs: number;
  /**
   * How long a query may wait for a free connection. pg-pool bounds this with the connect
   * timeout unless told otherwise; but a full pool (a report's queries side by side on a
   * loaded machine) is not a dead server, and failing the query then lost work for nothing.
   */
  slotWaitTimeoutMs: number;
}

const POOL_BOUNDS: PoolBounds = { max: 10, connectTimeoutMs: 10_000, slotWaitTimeoutMs: 120_000 };

/** A pg pool whose connect timeout and wait for a free connection are bounded separately. */
export function createPool(connectionString: string, bounds: PoolBounds = POOL_BOUNDS): pg.Pool {
  // pg-pool hands its own options to each client it makes: the client gets the connect bound.
  class BoundedConnectClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super({ ...(typeof config === 'string' ? { connectionString: config } : config), connectionTimeoutMillis: bounds.connectTimeoutMs });
    }
  }
  return new pg.Pool({ connectionString, max: bounds.max, connectionTimeoutMillis: bounds.slotWaitTimeoutMs, Client: BoundedConnectClient });
}

function openPostgres(connectionString: string, onConnectionError: ((error: Error) => void) | undefined): Database {
  const pool = createPool(connectionString);
  // Without a listener an idle connection the server closes would crash the process; the
  // pool discards it and the next query connects afresh.
  pool.on('error', (error) => onConnectionError?.(error));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), errorFormat: PRISMA_ERROR_FORMAT });
  return {
    kind: 'postgres',
    prisma,
    sql: {
      query: async (text, params) => (await pool.query(text, params as unknown[])) as never,
      exec: async (text) => pool.query(text),
    },
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work({ query: async (text, params) => (await client.query(text, params as unknown[])) as never, exec: (text) => client.query(text) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot roll back is discarded, not returned to the pool.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dir: string, lock: OpenDatabaseOptions['lock'], snapshot: Blob | undefined): Promise<Database> {
  if (!dir.startsWith('memory://')) await mkdir(resolve(dir), { recursive: true });
  const held = lock ? lockDataDir(lock.file, lock.dataDir) : undefined;
  // Loaded only for the embedded database: on PostgreSQL, PGlite would cost start-up time and memory for nothing.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  let pglite: PGlite;
  try {
    pglite = new PGlite(dir, snapshot ? { loadDataDir: snapshot } : {});
    await pglite.waitReady;
  } catch (error) {
    held?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), errorFormat: PRISMA_ERROR_FORMAT });
  return {
    kind: 'pglite',
    prisma,
    sql: {
      query: async (text, params) => (await pglite.query(text, params)) as never,
      exec: async (text) => pglite.exec(text),
    },
    transaction: (work) => pglite.transaction((tx) => work({ query: async (text, params) => (await tx.query(text, params)) as never, exec: (text) => tx.exec(text) })),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
      held?.release();
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
