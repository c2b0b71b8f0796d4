// A read whose connection PostgreSQL dropped (pg_terminate_backend, a restart, a failover)
// is recognised as such through Prisma and tried once more on a fresh connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLostConnection, readRetryingLostConnection } from '../../src/db/lost-connection.js';
import { openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { withAdmin } from '../helpers/postgres.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase('postgres');
});
afterAll(() => db.destroy());

/** Runs a slow read through Prisma and terminates its backend while it runs. */
async function readWhoseConnectionIsDropped(): Promise<unknown> {
  const marker = `lost_connection_${Date.now()}`;
  // Prisma's promises are lazy: then() sends the statement.
  const read = db.prisma.$queryRawUnsafe(`SELECT pg_sleep(30) AS ${marker}`).then(
    () => null,
    (error: unknown) => error,
  );
  await withAdmin(async (admin) => {
    for (;;) {
      const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`, [`%AS ${marker}%`]);
      if (rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  return read;
}

describe('a lost connection', () => {
  it('is recognised in the error Prisma throws', async () => {
    const error = await readWhoseConnectionIsDropped();
    expect(error).toBeInstanceOf(Error);
    expect(isLostConnection(error)).toBe(true);
    expect(isLostConnection(new Error('duplicate key value violates unique constraint'))).toBe(false);
  });

  it('makes a read try once more, and the read answers', async () => {
    let attempts = 0;
    const answer = await readRetryingLostConnection(async () => {
      if (++attempts === 1) throw await readWhoseConnectionIsDropped();
      return db.prisma.person.count();
    });
    expect({ attempts, answer }).toEqual({ attempts: 2, answer: 0 });
    // Any other failure is not retried.
    attempts = 0;
    await expect(readRetryingLostConnection(async () => (attempts++, Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(attempts).toBe(1);
  });
});
