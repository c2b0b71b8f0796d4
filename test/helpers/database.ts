// A fresh, migrated database per test file, on either backend.
import { openDatabase, type Database, type DatabaseKind } from '../../src/db/database.js';
import { readFile } from 'node:fs/promises';
import { createTestDatabase, pgliteSnapshotFile } from './postgres.js';

export const backends: DatabaseKind[] = ['pglite', 'postgres'];

export interface TestDatabase extends Database {
  /** Drops the copy (PostgreSQL) after closing. */
  destroy(): Promise<void>;
}

export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    // From the migrated snapshot global set-up wrote: opening an empty PGlite (its initdb) took
    // most of a file's set-up, over a minute when the machine was loaded.
    const database = await openDatabase({ pgliteDir: 'memory://', pgliteSnapshot: new Blob([await readFile(await pgliteSnapshotFile())]) });
    return { ...database, destroy: database.close };
  }
  const copy = await createTestDatabase();
  const database = await openDatabase({ databaseUrl: copy.url, migrate: false });
  return {
    ...database,
    destroy: async () => {
      await database.close();
      await copy.drop();
    },
  };
}
