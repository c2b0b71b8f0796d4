import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Socket } from 'node:net';
import { createPool, openDatabase } from '../../src/db/database.js';
import { applyMigrations, readMigrations } from '../../src/db/migrate.js';
import { backends, openTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createTestDatabase, withAdmin } from '../helpers/postgres.js';

describe.each(backends)('database on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('records every migration the way Prisma Migrate does, once', async () => {
    const { rows } = await db.sql.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const files = await readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((m) => m.checksum));
    expect(await applyMigrations(db.sql)).toEqual([]);
  });

  it('refuses a migration edited after it was applied', async () => {
    const files = await readMigrations();
    const edited = files.map((m, i) => (i === 0 ? { ...m, checksum: 'x'.repeat(64) } : m));
    await expect(applyMigrations(db.sql, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls back a failing migration completely', async () => {
    const files = await readMigrations();
    const broken = { name: '99990101000000_broken', checksum: 'b'.repeat(64), sql: 'CREATE TABLE "Half" (id int); SELECT nonsense_fn();' };
    await expect(applyMigrations(db.sql, [...files, broken])).rejects.toThrow(/99990101000000_broken failed/);
    const { rows } = await db.sql.query(`SELECT to_regclass('"Half"') AS t`);
    expect(rows[0]).toEqual({ t: null });
  });

  it('runs raw SQL in one transaction: one session, committed when the work ends, rolled back when it throws', async () => {
    const made = await db.transaction(async (sql) => {
      await sql.query('CREATE TEMP TABLE session_only (n int) ON COMMIT DROP');
      await sql.query('INSERT INTO session_only SELECT * FROM json_populate_recordset(NULL::session_only, $1::json)', [JSON.stringify([{ n: 1 }, { n: 2 }])]);
      await sql.query(`INSERT INTO "Category"(code, "nameZh", "nameEn") SELECT 'kept-' || n, '留', 'Kept' FROM session_only`);
      return (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM session_only')).rows[0]!.n;
    });
    expect(made).toBe(2);
    await expect(
      db.transaction(async (sql) => {
        await sql.query(`INSERT INTO "Category"(code, "nameZh", "nameEn") VALUES ('dropped', '弃', 'Dropped')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const { rows } = await db.sql.query<{ code: string }>(`SELECT code FROM "Category" WHERE code IN ('kept-1', 'kept-2', 'dropped') ORDER BY code`);
    expect(rows.map((row) => row.code)).toEqual(['kept-1', 'kept-2']);
  });

  it('round-trips a region, station and opinion with its first event', async () => {
    const district = await db.prisma.region.create({ data: { code: 'D1', kind: 'DISTRICT', nameZh: '测试区', nameEn: 'Test' } });
    const station = await db.prisma.station.create({
      data: {
        code: 'S1', tier: 'HOME', nameZh: '代表之家', nameEn: 'Home', regionId: district.id,
        addressZh: '地址', addressEn: 'Addr', latitude: 29.5, longitude: 106.5, openingHoursZh: '周一至周五', openingHoursEn: 'Mon-Fri',
      },
    });
    const category = await db.prisma.category.create({ data: { code: 'road', nameZh: '道路', nameEn: 'Roads' } });
    const opinion = await db.prisma.opinion.create({
      data: {
        trackingNo: 'MY-2611-0001', stationId: station.id, categoryId: category.id, text: '路灯坏了很久了',
        events: { create: { type: 'COLLECTED', toStage: 'COLLECTED', data: { via: 'test' } } },
      },
      include: { events: true },
    });
    expect(opinion.events[0]?.data).toEqual({ via: 'test' });
    const person = await db.prisma.person.create({ data: { telegramId: 9007199254740993n } });
    expect(person.telegramId).toBe(9007199254740993n);
  });
});

describe('PostgreSQL connections', () => {
  it('survives the server closing an idle pooled connection, and says so', async () => {
    const copy = await createTestDatabase();
    const lost: Error[] = [];
    const db = await openDatabase({ databaseUrl: copy.url, migrate: false, onConnectionError: (error) => lost.push(error) });
    try {
      await db.prisma.region.count();
      const name = new URL(copy.url).pathname.slice(1);
      // What a server restart or a failover does to an idle connection.
      await withAdmin((client) => client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]));
      for (let waited = 0; lost.length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lost[0]?.message).toMatch(/terminating connection/);
      expect(await db.prisma.region.count()).toBe(0);
    } finally {
      await db.close();
      await copy.drop();
    }
  });

  it('lets a query wait for a busy pool longer than a connection may take to open', async () => {
    const copy = await createTestDatabase();
    const pool = createPool(copy.url, { max: 1, connectTimeoutMs: 200, slotWaitTimeoutMs: 60_000 });
    try {
      const held = await pool.connect();
      const waiting = pool.query<{ one: number }>('SELECT 1 AS one');
      // Longer than the connect bound: with one bound for both, the waiting query failed here.
      await new Promise((resolve) => setTimeout(resolve, 600));
      held.release();
      expect((await waiting).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
      await copy.drop();
    }
  });

  it('gives up on a server that accepts but never answers within the connect bound', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const pool = createPool(`postgresql://nobody@127.0.0.1:${port}/none`, { max: 1, connectTimeoutMs: 300, slotWaitTimeoutMs: 60_000 });
    try {
      await expect(pool.query('SELECT 1')).rejects.toThrow(/timeout/);
    } finally {
      await pool.end();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
