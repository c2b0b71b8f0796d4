// `npm run bench:delivery`: the notification outbox against the local Bot API emulator
// enforcing Telegram's limits (30 messages in any rolling second, 1 a second per chat,
// 429 with retry_after beyond them), beside the floor those limits allow.
//
// Workloads: 900 chats once each; mixed (most chats once, three chats many times); a
// monthly-report fan-out (300 chats, three messages each). Set-ups: in-process (pacing
// and wake-ups in memory) and on Redis (shared, as BullMQ deployments are), each with
// one and with two delivery workers. Rounds interleave the set-ups; medians are printed.
//
// Floor: max(N / 30, k − 1) seconds for N messages of which k go to the busiest chat.
// Measured: from the wake-up after the rows were written to the last message Telegram
// accepted. ratio = floor / measured (1.00 is the limit itself).
//
//   npm run bench:delivery -- [--rounds 1] [--scale 1] [--workloads once,mixed,report]
//     [--setups in-process-1,in-process-2,redis-1,redis-2]
// PostgreSQL: BENCH_POSTGRES_URL (default 127.0.0.1:5432, a database created and dropped
// here); Redis: BENCH_REDIS_URL (default 127.0.0.1:6379, a unique key prefix, deleted after).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { AppDeps } from '../src/deps.js';
import { createDeliveryApi, createDeliveryPacer, createOutboxSignal, startDelivery, type Delivery, type NotificationMessage } from '../src/delivery/index.js';
import { createBotApiEmulator, type Persona } from '../src/demo/index.js';
import { createLogger } from '../src/logger.js';
import { createBenchPostgres } from './database.js';
import { median } from './median.js';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    scale: { type: 'string', default: '1' },
    workloads: { type: 'string', default: 'once,mixed,report' },
    setups: { type: 'string', default: 'in-process-1,in-process-2,redis-1,redis-2' },
  },
});
const rounds = Number(args.rounds);
const scale = Number(args.scale);
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = '424242:bench-token';

interface Workload {
  name: string;
  /** Messages per chat. */
  perChat: number[];
}

const n = (count: number) => Math.max(1, Math.round(count * scale));
const workloads: Workload[] = [
  { name: 'once', perChat: Array.from({ length: n(900) }, () => 1) },
  { name: 'mixed', perChat: [n(20), n(20), n(20), ...Array.from({ length: n(300) }, () => 1)] },
  { name: 'report', perChat: Array.from({ length: n(300) }, () => 3) },
].filter((w) => args.workloads.split(',').includes(w.name));

interface Setup {
  name: string;
  redis: boolean;
  workers: number;
}
const setups: Setup[] = [
  { name: 'in-process, 1 worker', redis: false, workers: 1 },
  { name: 'in-process, 2 workers', redis: false, workers: 2 },
  { name: 'Redis, 1 worker', redis: true, workers: 1 },
  { name: 'Redis, 2 workers', redis: true, workers: 2 },
].filter((s) => args.setups.split(',').includes(`${s.redis ? 'redis' : 'in-process'}-${s.workers}`));

const floorSeconds = (w: Workload) => Math.max(w.perChat.reduce((a, b) => a + b, 0) / 30, Math.max(...w.perChat) - 1);

interface Result {
  seconds: number;
  messages: number;
  rateLimited: number;
}

async function main(): Promise<void> {
  const database = await createBenchPostgres('delivery');
  const prefixBase = `minyi-bench-delivery-${randomBytes(4).toString('hex')}`;
  const logger = createLogger('warn');
  const deps = await createDeps(loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'warn' }), { logger });
  const maxChats = Math.max(...workloads.map((w) => w.perChat.length));
  const personas: Persona[] = Array.from({ length: maxChats }, (_, i) => ({ id: `p${i}`, userId: 100_000 + i, firstName: `P${i}`, languageCode: 'zh-hans', role: 'resident' }));
  await deps.prisma.person.createMany({ data: personas.map((p) => ({ telegramId: BigInt(p.userId), chatId: BigInt(p.userId), locale: 'zh-CN' })) });
  const people = await deps.prisma.person.findMany({ orderBy: { id: 'asc' } });

  const results = new Map<string, Result[]>();
  let run = 0;
  try {
    // Warm-up (connections, JIT), not counted.
    await measure(deps, { name: 'warm-up', perChat: Array.from({ length: 30 }, () => 1) }, setups[0]!, people, personas, `${prefixBase}-${++run}`);
    for (let round = 1; round <= rounds; round++) {
      for (const workload of workloads) {
        for (const setup of setups) {
          const result = await measure(deps, workload, setup, people, personas, `${prefixBase}-${++run}`);
          const key = `${workload.name}|${setup.name}`;
          results.set(key, [...(results.get(key) ?? []), result]);
          console.log(`round ${round} ${workload.name.padEnd(7)} ${setup.name.padEnd(22)} ${format(result, workload)}`);
        }
      }
    }
  } finally {
    await deps.outbox.close();
    await deps.db.close();
    await database.drop();
    await deleteKeys(`${prefixBase}-*`);
  }

  console.log(`\nMedians over ${rounds} round(s), ${new Date().toISOString().slice(0, 10)}; floor = max(N/30, busiest chat's messages − 1) s`);
  console.log('| workload | set-up | messages | seconds | msg/s | 429s | floor s | floor/measured |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const workload of workloads) {
    for (const setup of setups) {
      const all = results.get(`${workload.name}|${setup.name}`)!;
      const med = (pick: (r: Result) => number) => median(all.map(pick));
      const seconds = med((r) => r.seconds);
      const floor = floorSeconds(workload);
      console.log(
        `| ${workload.name} | ${setup.name} | ${all[0]!.messages} | ${seconds.toFixed(1)} | ${(all[0]!.messages / seconds).toFixed(1)} | ${med((r) => r.rateLimited)} | ${floor.toFixed(1)} | ${(floor / seconds).toFixed(2)} |`,
      );
    }
  }
}

async function measure(deps: AppDeps, workload: Workload, setup: Setup, people: { id: number; chatId: bigint | null }[], personas: Persona[], prefix: string): Promise<Result> {
  const emulator = createBotApiEmulator({ token: TOKEN, personas, rateLimits: { perSecond: 30, perChatIntervalMs: 1000 }, onUnknownMethod: () => {} });
  const server = createServer(emulator.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let lastAccepted = 0;
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await globalThis.fetch(input, init);
    if (response.ok) lastAccepted = Date.now();
    return response;
  }) as typeof globalThis.fetch;

  await deps.prisma.notification.deleteMany();
  const rows = workload.perChat.flatMap((count, chat) =>
    Array.from({ length: count }, (_, i) => ({
      dedupeKey: `${prefix}:${chat}:${i}`,
      personId: people[chat]!.id,
      chatId: people[chat]!.chatId!,
      payload: { key: `message ${i + 1}` } satisfies NotificationMessage,
    })),
  );
  // Interleaved as a day's writes would be: the busy chats' messages spread over the others'.
  rows.sort((a, b) => Number(a.dedupeKey.split(':').at(-1)) - Number(b.dedupeKey.split(':').at(-1)));
  await deps.prisma.notification.createMany({ data: rows });

  const logger = createLogger('warn');
  const signal = setup.redis ? createOutboxSignal({ redisUrl, channel: `${prefix}-outbox`, logger }) : createOutboxSignal({ logger });
  const workerDeps: AppDeps = { ...deps, outbox: signal };
  const started = Date.now();
  const workers: Delivery[] = [];
  // In-process, two workers are two loops of one process: they share its pacing.
  const pacer = setup.redis ? undefined : createDeliveryPacer();
  for (let i = 0; i < setup.workers; i++) {
    workers.push(
      await startDelivery(workerDeps, {
        api: createDeliveryApi(TOKEN, { apiRoot, fetch }),
        render: (notification) => ({ method: 'sendMessage', params: { chat_id: Number(notification.chatId), text: (notification.payload as unknown as NotificationMessage).key } }),
        redisUrl: setup.redis ? redisUrl : undefined,
        prefix,
        sweepEveryMs: 1000,
        ...(pacer ? { pacer } : {}),
      }),
    );
  }
  const deadline = started + 10 * 60_000;
  while ((await deps.prisma.notification.count({ where: { status: 'PENDING' } })) > 0) {
    if (Date.now() > deadline) throw new Error(`${workload.name} / ${setup.name}: not delivered within 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await Promise.all(workers.map((w) => w.stop()));
  await signal.close();
  emulator.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const sent = await deps.prisma.notification.count({ where: { status: 'SENT' } });
  if (sent !== rows.length) throw new Error(`${workload.name} / ${setup.name}: ${sent} of ${rows.length} sent`);
  return { seconds: (lastAccepted - started) / 1000, messages: rows.length, rateLimited: emulator.rateLimited };
}

function format(result: Result, workload: Workload): string {
  const floor = floorSeconds(workload);
  return `${result.messages} msgs ${result.seconds.toFixed(1)} s ${(result.messages / result.seconds).toFixed(1)} msg/s ${result.rateLimited} × 429 floor ${floor.toFixed(1)} s ratio ${(floor / result.seconds).toFixed(2)}`;
}

async function deleteKeys(pattern: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
