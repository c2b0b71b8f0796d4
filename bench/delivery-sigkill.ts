// `npm run bench:delivery-sigkill`: how often a notification goes out twice when a
// delivery process is killed (SIGKILL) with sends in flight, and how long the rows it
// held wait. Two delivery processes (PostgreSQL + Redis, as two production instances)
// send to the local Bot API emulator enforcing Telegram's limits; after a random number
// of accepted messages one is killed and a replacement started, `--kills` times.
// Every message text is its row's dedupeKey, so the emulator's log shows each duplicate.
//
//   npm run bench:delivery-sigkill -- [--kills 20] [--batch 60]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Redis } from 'ioredis';
import { createDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeliveryApi, startDelivery } from '../src/delivery/index.js';
import { createBotApiEmulator, type Persona } from '../src/demo/index.js';
import { createLogger } from '../src/logger.js';

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '20' },
    batch: { type: 'string', default: '60' },
    child: { type: 'boolean', default: false },
  },
});
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = '424242:bench-token';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The delivery process: delivers until killed. */
async function child(): Promise<void> {
  const deps = await createDeps(loadConfig({ DATABASE_URL: process.env.BENCH_DB_URL!, REDIS_URL: redisUrl, LOG_LEVEL: 'silent' }));
  await startDelivery(deps, {
    api: createDeliveryApi(TOKEN, { apiRoot: process.env.BENCH_API_ROOT! }),
    render: (notification) => ({ method: 'sendMessage', params: { chat_id: Number(notification.chatId), text: notification.dedupeKey } }),
    prefix: process.env.BENCH_PREFIX!,
    sweepEveryMs: 500,
  });
  process.send?.('ready');
}

async function parent(): Promise<void> {
  const kills = Number(args.kills);
  const batch = Number(args.batch);
  const dbName = `minyi_bench_sigkill_${randomBytes(4).toString('hex')}`;
  const prefix = `minyi-bench-sigkill-${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${dbName}`;
  const deps = await createDeps(loadConfig({ DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' }), { logger: createLogger('silent') });
  const personas: Persona[] = Array.from({ length: batch }, (_, i) => ({ id: `p${i}`, userId: 200_000 + i, firstName: `P${i}`, languageCode: 'zh-hans', role: 'resident' }));
  await deps.prisma.person.createMany({ data: personas.map((p) => ({ telegramId: BigInt(p.userId), chatId: BigInt(p.userId), locale: 'zh-CN' })) });
  const people = await deps.prisma.person.findMany({ orderBy: { id: 'asc' } });
  const emulator = createBotApiEmulator({ token: TOKEN, personas, rateLimits: { perSecond: 30, perChatIntervalMs: 1000 }, onUnknownMethod: () => {} });
  const server = createServer(emulator.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accepted = () => emulator.calls.filter((c) => c.method === 'sendMessage' && c.ok).length;

  const start = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child'], {
        env: { ...process.env, BENCH_DB_URL: url.toString(), BENCH_API_ROOT: apiRoot, BENCH_PREFIX: prefix },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      proc.once('message', () => resolve(proc));
      proc.once('exit', (code) => reject(new Error(`delivery process exited (${code}) before it was ready`)));
    });
  const killed = (proc: ChildProcess) => new Promise<void>((resolve) => {
    proc.removeAllListeners('exit');
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });

  const recoverySeconds: number[] = [];
  let heldTotal = 0;
  // Two delivery processes, as two instances: when one is killed the other takes over its
  // rows once their lease runs out, while a replacement starts.
  const procs = await Promise.all([start(), start()]);
  try {
    for (let kill = 1; kill <= kills; kill++) {
      await deps.prisma.notification.createMany({
        data: people.map((p, i) => ({ dedupeKey: `k${kill}-c${i}`, personId: p.id, chatId: p.chatId!, payload: { key: 'bench' } })),
      });
      const target = accepted() + 5 + Math.floor(Math.random() * (batch / 2));
      while (accepted() < target) await sleep(2);
      const victim = procs.shift()!;
      const pid = victim.pid;
      await killed(victim);
      const killedAt = Date.now();
      const replacement = start();
      // Rows the dead process held (claimed, lease running). Their claims carry the dead
      // process's attempt; a row the survivor holds at this moment is in the list too
      // and simply goes out as usual.
      const held = await deps.prisma.notification.findMany({ where: { status: 'PENDING', leaseExpiresAt: { not: null } }, select: { id: true } });
      heldTotal += held.length;
      const ids = held.map((h) => h.id);
      while ((await deps.prisma.notification.count({ where: { id: { in: ids }, status: 'PENDING' } })) > 0) await sleep(20);
      if (ids.length > 0) recoverySeconds.push((Date.now() - killedAt) / 1000);
      process.stdout.write(`kill ${kill} (pid ${pid}): ${held.length} rows held, all sent ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill\n`);
      procs.push(await replacement);
    }
    while ((await deps.prisma.notification.count({ where: { status: 'PENDING' } })) > 0) await sleep(50);
    for (const proc of procs) proc.kill('SIGTERM');
  } finally {
    const texts = emulator.calls.filter((c) => c.method === 'sendMessage' && c.ok).map((c) => String(c.params.text));
    const counts = new Map<string, number>();
    for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
    const twice = [...counts.values()].filter((count) => count > 1).length;
    const rows = await deps.prisma.notification.count();
    const sent = await deps.prisma.notification.count({ where: { status: 'SENT' } });
    console.log(`\n${kills} × SIGKILL with sends in flight; ${rows} notifications, ${sent} SENT, ${counts.size} distinct delivered`);
    console.log(`sent twice: ${twice} (${((100 * twice) / rows).toFixed(2)} % of notifications, ${(twice / kills).toFixed(2)} per kill); 429s: ${emulator.rateLimited}`);
    console.log(`rows held by the killed process: ${heldTotal}; sent again at most ${Math.max(0, ...recoverySeconds).toFixed(1)} s after the kill (median ${median(recoverySeconds).toFixed(1)} s, including the new process's start)`);
    emulator.close();
    server.closeAllConnections();
    server.close();
    await deps.outbox.close();
    await deps.db.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

(args.child ? child() : parent()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
