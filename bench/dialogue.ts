// `npm run bench:dialogue [-- --residents 200 --concurrency 50 --rounds 3 --backend both]`:
// the resident's whole submission dialogue (/new, street, station, category, text, skip
// photos, skip location, skip phone, confirm: 9 updates) through `bot.handleUpdate` with
// a fake Telegram, N residents with C at once, against a floor: a minimal grammY bot that
// does one INSERT and sends one reply per update, on the same database and the same fake
// Telegram. Product and floor alternate over rounds; medians are printed with the ratio,
// and the CPU this process spent per update (steadier than the rates on a busy machine).
// `--ceilings` adds what a durable draft costs at its least: per update one read of the
// person with their draft and one version-checked save, with the product's Telegram calls
// (20 in 9 updates), once through Prisma and once as the same SQL on the driver.
// `--memory` (run under `NODE_OPTIONS=--expose-gc`) prints, after a full GC, the process's
// memory at the start, after the set-up, after each of the product's runs (by submissions
// so far) and after 30 and 60 s idle.
// PostgreSQL: a database of its own (minyi_bench_dialogue_<random>, bench/database.ts), dropped at the end.
import { parseArgs } from 'node:util';
import { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { createDeps } from '../src/app.js';
import { createBot } from '../src/bot/create-bot.js';
import { findPerson } from '../src/bot/middleware/app-context.js';
import { ManualClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import type { DatabaseKind } from '../src/db/database.js';
import { seedDemoDistrict } from '../src/domain/seed/demo-district.js';
import { createLogger } from '../src/logger.js';
import { openBenchDatabase } from './database.js';
import { sqlStatements } from './sql-statements.js';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    backend: { type: 'string', default: 'both' },
    ceilings: { type: 'boolean', default: false },
    memory: { type: 'boolean', default: false },
  },
});
const residents = Number(values.residents);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);
const backends: DatabaseKind[] = values.backend === 'both' ? ['postgres', 'pglite'] : [values.backend as DatabaseKind];
if (![residents, concurrency, rounds].every((n) => Number.isInteger(n) && n > 0) || !backends.every((b) => b === 'postgres' || b === 'pglite')) {
  console.error('Usage: npm run bench:dialogue -- [--residents N] [--concurrency C] [--rounds R (≥ 1)] [--backend postgres|pglite|both] [--ceilings] [--memory]');
  process.exit(2);
}
if (values.memory && !globalThis.gc) {
  console.error('--memory needs a full GC before each sample: run with NODE_OPTIONS=--expose-gc');
  process.exit(2);
}

// ───────────────────────────── A fake Telegram ─────────────────────────────

const botInfo = { id: 4242, is_bot: true, first_name: 'minyi', username: 'minyi_bench_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } as UserFromGetMe;

/** Answers every Bot API call like Telegram, and keeps each chat's latest inline buttons (callback data). */
class BenchTelegram {
  readonly buttons = new Map<number, string[]>();
  #messageId = 1;
  readonly fetch = (async (_input: string | URL | Request, init?: RequestInit) => {
    const payload = JSON.parse(String(init?.body ?? '{}')) as { chat_id?: number; reply_markup?: { inline_keyboard?: { callback_data?: string }[][] } };
    const inline = payload.reply_markup?.inline_keyboard;
    if (payload.chat_id !== undefined && inline) this.buttons.set(payload.chat_id, inline.flat().flatMap((b) => b.callback_data ?? []));
    // The summary's buttons removed: submitted (or abandoned); the chat is forgotten (--memory).
    if (payload.chat_id !== undefined && String(_input).endsWith('/editMessageReplyMarkup')) this.buttons.delete(payload.chat_id);
    const result = payload.chat_id === undefined ? true : { message_id: this.#messageId++, date: 0, chat: { id: payload.chat_id, type: 'private' } };
    return new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

  has(chatId: number, prefix: string): boolean {
    return this.buttons.get(chatId)?.some((b) => b.startsWith(prefix)) ?? false;
  }

  press(chatId: number, prefix: string): string {
    const data = this.buttons.get(chatId)?.find((b) => b.startsWith(prefix));
    if (!data) throw new Error(`chat ${chatId}: no button ${prefix} in ${this.buttons.get(chatId)?.join(' | ')}`);
    return data;
  }
}

// ───────────────────────────── The dialogue, as updates ─────────────────────────────

let updateId = 1;
function message(userId: number, text: string): Update {
  const entities = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.length }] : undefined;
  const from = { id: userId, is_bot: false, first_name: 'Bench', language_code: 'zh-hans' };
  return { update_id: updateId++, message: { message_id: updateId, date: 0, chat: { id: userId, type: 'private', first_name: 'Bench' }, from, text, ...(entities ? { entities } : {}) } } as Update;
}
function press(userId: number, data: string): Update {
  const from = { id: userId, is_bot: false, first_name: 'Bench', language_code: 'zh-hans' };
  return {
    update_id: updateId++,
    callback_query: { id: String(updateId), from, chat_instance: 'bench', data, message: { message_id: 1, date: 0, chat: { id: userId, type: 'private', first_name: 'Bench' }, text: 'x' } },
  } as Update;
}

interface Place {
  streetId: number;
  stationId: number;
  categoryId: number;
}

/**
 * One resident's submission, step by step: each step builds its update from what the bot
 * last showed, or undefined when there is nothing to send (no refused submission to retry).
 */
function dialogue(userId: number, place: Place, telegram: BenchTelegram): (() => Update | undefined)[] {
  // A submission refused under load ("please tap Submit again") is tapped again, as a person would.
  const retry = () => (telegram.has(userId, 'op:confirm') ? (retries++, press(userId, telegram.press(userId, 'op:confirm'))) : undefined);
  return [
    () => message(userId, '/new'),
    () => press(userId, telegram.press(userId, `stn:r:${place.streetId}`)),
    () => press(userId, telegram.press(userId, `stn:s:${place.stationId}`)),
    () => press(userId, telegram.press(userId, `op:category:${place.categoryId}`)),
    () => message(userId, '菜市场门口的下水道堵了，污水流到路上，请尽快疏通。'),
    () => press(userId, telegram.press(userId, 'op:done')),
    () => message(userId, '跳过'),
    () => message(userId, '跳过'),
    () => press(userId, telegram.press(userId, 'op:confirm')),
    retry,
    retry,
  ];
}
let retries = 0;
const STEPS = 9;

interface RunResult {
  seconds: number;
  updates: number;
  latencies: number[];
  /** Latencies by the step's position in the dialogue. */
  bySteps: number[][];
  statements: number;
  /** CPU time of this process (user + system), ms: less at the mercy of a busy machine than the rates. */
  cpuMs: number;
}

/** N residents, C at once; each resident's updates in order, as a person sends them. */
async function run(handle: (update: Update) => Promise<void>, users: number[], steps: (userId: number) => (() => Update | undefined)[]): Promise<RunResult> {
  const latencies: number[] = [];
  const bySteps: number[][] = [];
  const before = sqlStatements();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, users.length) }, async () => {
      while (next < users.length) {
        const userId = users[next++]!;
        for (const [index, step] of steps(userId).entries()) {
          const update = step();
          if (!update) continue;
          const at = performance.now();
          await handle(update);
          latencies.push(performance.now() - at);
          (bySteps[index] ??= []).push(performance.now() - at);
        }
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - started) / 1000, updates: latencies.length, latencies, bySteps, statements: sqlStatements() - before, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const MiB = (bytes: number) => (bytes / 2 ** 20).toFixed(1).padStart(8);
/** The process's memory after a full GC, as a table row. */
function memoryRow(label: string | number): string {
  globalThis.gc!();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return `${String(label).padStart(11)} ${MiB(rss)} ${MiB(heapUsed)} ${MiB(heapTotal)} ${MiB(external)} ${MiB(arrayBuffers)}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

// ───────────────────────────── Per backend ─────────────────────────────

async function benchBackend(kind: DatabaseKind): Promise<void> {
  // Rows of memory samples: before the database is opened, after the set-up, after each product run.
  const memory = values.memory ? [memoryRow('start')] : [];
  const { db, drop } = await openBenchDatabase(kind, 'dialogue');
  try {
    const clock = new ManualClock(new Date('2026-11-23T01:00:00Z'));
    await seedDemoDistrict(db.prisma, { now: clock.now() });
    const config = loadConfig({ BOT_TOKEN: 'bench-token', LOG_LEVEL: 'silent', OPINIONS_PER_HOUR: '1000000' });
    const deps = await createDeps(config, { db, clock, logger: createLogger(process.env.BENCH_LOG_LEVEL === 'error' ? 'error' : 'silent') });
    const telegram = new BenchTelegram();
    const product = createBot({ token: 'bench-token', deps, botInfo, client: { fetch: telegram.fetch } });

    await db.sql.exec('CREATE TABLE bench_floor (id SERIAL PRIMARY KEY, chat_id BIGINT NOT NULL, update_id INT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const floor = new Bot('bench-token', { botInfo, client: { fetch: telegram.fetch } });
    floor.on(['message', 'callback_query'], async (ctx) => {
      await db.sql.query('INSERT INTO bench_floor (chat_id, update_id) VALUES ($1, $2)', [ctx.chatId, ctx.update.update_id]);
      await ctx.reply('ok');
    });

    // The street's Representatives' Home: the street's menu lists it directly.
    const station = await db.prisma.station.findFirstOrThrow({ where: { nameZh: '中山路街道代表之家' } });
    const category = await db.prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
    const place: Place = { streetId: station.regionId, stationId: station.id, categoryId: category.id };

    // What the least durable draft does per update: read the person with their draft, save it
    // with a version check, and make the product's Telegram calls for that step.
    const callsPerStep = [2, 2, 3, 3, 1, 2, 2, 2, 3];
    const draftBot = (readAndSave: (telegramId: number, updateId: number) => Promise<void>) => {
      const bot = new Bot('bench-token', { botInfo, client: { fetch: telegram.fetch } });
      bot.on(['message', 'callback_query'], async (ctx) => {
        await readAndSave(ctx.from.id, ctx.update.update_id);
        const step = Number(ctx.message?.text ?? ctx.callbackQuery?.data);
        for (let i = 0; i < callsPerStep[step]!; i++) await ctx.reply('ok');
      });
      return bot;
    };
    const viaPrisma = draftBot(async (telegramId, updateId) => {
      const draft = (await findPerson(deps, telegramId))!.opinionDraft!;
      await deps.prisma.opinionDraft.updateMany({ where: { id: draft.id, version: draft.version }, data: { step: 'text', data: { updateId }, version: { increment: 1 } } });
    });
    const viaDriver = draftBot(async (telegramId, updateId) => {
      const { rows } = await db.sql.query<{ draft: { id: number; version: number } }>(
        `SELECT p.*, (SELECT coalesce(json_agg(r), '[]') FROM "StaffRole" r WHERE r."personId" = p.id AND r."revokedAt" IS NULL) AS roles,
           (SELECT row_to_json(d) FROM "OpinionDraft" d WHERE d."residentId" = p.id) AS draft
         FROM "Person" p WHERE p."telegramId" = $1`,
        [String(telegramId)],
      );
      const { id, version } = rows[0]!.draft;
      await db.sql.query('UPDATE "OpinionDraft" SET "step" = $1, "data" = $2, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $3 AND "version" = $4', ['text', JSON.stringify({ updateId }), id, version]);
    });

    // The step's number is the update's text or data: nothing kept per update (--memory).
    const floorSteps = (id: number) => Array.from({ length: STEPS }, (_, i) => () => (i % 2 ? press(id, String(i)) : message(id, String(i))));
    const contenders = [
      { name: 'product', handle: (u: Update) => product.handleUpdate(u), steps: (id: number) => dialogue(id, place, telegram) },
      { name: 'floor', handle: (u: Update) => floor.handleUpdate(u), steps: floorSteps },
      ...(values.ceilings
        ? [
            { name: 'draft via Prisma', handle: (u: Update) => viaPrisma.handleUpdate(u), steps: floorSteps },
            { name: 'draft via SQL', handle: (u: Update) => viaDriver.handleUpdate(u), steps: floorSteps },
          ]
        : []),
    ];
    // Consented residents, fresh ones for every contender and round (the same state shape each time).
    const residentIds = (round: number, contender: number) => Array.from({ length: residents }, (_, i) => 5_000_000 + (round * contenders.length + contender) * residents + i);
    const now = clock.now();
    for (let round = 0; round <= rounds; round++) {
      for (const [index, contender] of contenders.entries()) {
        await db.prisma.person.createMany({
          data: residentIds(round, index).map((id) => ({ telegramId: BigInt(id), chatId: BigInt(id), displayName: 'Bench', locale: 'zh-CN', consentedAt: now })),
        });
        if (contender.name.startsWith('draft')) {
          const first = residentIds(round, index)[0]!;
          await db.sql.query(`INSERT INTO "OpinionDraft" ("residentId", "step", "data", "updatedAt") SELECT "id", 'text', '{}', now() FROM "Person" WHERE "telegramId" BETWEEN $1 AND $2`, [first, first + residents - 1]);
        }
      }
    }

    const runs: RunResult[][] = contenders.map(() => []);
    if (values.memory) memory.push(memoryRow(0));
    const runContender = async (round: number, index: number) => {
      const result = await run(contenders[index]!.handle, residentIds(round, index), contenders[index]!.steps);
      if (values.memory && index === 0) memory.push(memoryRow(residents * (round + 1)));
      return result;
    };
    // Warm-up (JIT, connections, caches), not counted.
    for (const index of contenders.keys()) await runContender(0, index);
    for (let round = 1; round <= rounds; round++) {
      // Alternate who goes first, so that none always meets a warmer machine.
      const order = [...contenders.keys()];
      if (round % 2 === 0) order.reverse();
      for (const index of order) runs[index]!.push(await runContender(round, index));
    }
    // V8 gives back the heap it grew under load once the process is idle.
    if (values.memory) {
      for (const seconds of [30, 60]) {
        await new Promise((resolve) => setTimeout(resolve, 30_000));
        memory.push(memoryRow(`idle ${seconds} s`));
      }
    }
    const [productRuns, floorRuns] = [runs[0]!, runs[1]!];
    const submitted = await db.prisma.opinion.count();
    if (submitted !== residents * (rounds + 1)) console.log(`${kind}: ${residents * (rounds + 1) - submitted} of ${residents * (rounds + 1)} dialogues did not end in an opinion`);
    if (retries > 0) console.log(`${kind}: ${retries} submissions refused under load and tapped again`);
    retries = 0;

    const summarise = (runs: RunResult[]) => ({
      perSecond: median(runs.map((r) => r.updates / r.seconds)),
      p50: median(runs.map((r) => percentile(r.latencies, 0.5))),
      p95: median(runs.map((r) => percentile(r.latencies, 0.95))),
      statements: median(runs.map((r) => r.statements / r.updates)),
      cpu: median(runs.map((r) => r.cpuMs / r.updates)),
    });
    const row = (name: string, s: ReturnType<typeof summarise>) =>
      `${name.padEnd(16)} ${s.perSecond.toFixed(1).padStart(9)} ${s.p50.toFixed(1).padStart(9)} ${s.p95.toFixed(1).padStart(9)} ${s.statements.toFixed(2).padStart(10)} ${s.cpu.toFixed(2).padStart(10)}`;
    console.log(`\n${kind}: ${residents} residents × ${STEPS} updates, ${concurrency} at once, ${rounds} rounds (medians)`);
    console.log(`${''.padEnd(16)} ${'updates/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'SQL/update'.padStart(10)} ${'CPU ms/upd'.padStart(10)}`);
    const summaries = runs.map(summarise);
    for (const [index, contender] of contenders.entries()) console.log(row(contender.name, summaries[index]!));
    const [p, f] = [summaries[0]!, summaries[1]!];
    const stepNames = ['/new', 'street', 'station', 'category', 'text', 'no photos', 'no location', 'no phone', 'confirm', 'confirm again'];
    const byStep = stepNames.flatMap((name, i) => {
      const p50s = productRuns.flatMap((r) => (r.bySteps[i] ? [percentile(r.bySteps[i]!, 0.5)] : []));
      return p50s.length ? [`${name} ${median(p50s).toFixed(0)}`] : [];
    });
    console.log(`product p50 ms by step: ${byStep.join(', ')}`);
    console.log(`CPU of this process per update, floor/product: ${(f.cpu / p.cpu).toFixed(2)}× (PGlite runs the database in this process too)`);
    const perRound = (own: RunResult[]) => own.map((r, i) => (r.updates / r.seconds / (floorRuns[i]!.updates / floorRuns[i]!.seconds)).toFixed(2)).join(', ');
    console.log(`ratio product/floor: ${(p.perSecond / f.perSecond).toFixed(2)}×  (per round: ${perRound(productRuns)})`);
    for (const [index, contender] of contenders.entries()) {
      if (index > 1) console.log(`ratio ${contender.name}/floor: ${(summaries[index]!.perSecond / f.perSecond).toFixed(2)}×  (per round: ${perRound(runs[index]!)})`);
    }
    if (values.memory) {
      console.log(`\nmemory after a full GC, MiB, by the product's submissions so far (the floor's runs in between)`);
      console.log(`${'submissions'.padStart(11)} ${'rss'.padStart(8)} ${'heapUsed'.padStart(8)} ${'heapTot'.padStart(8)} ${'external'.padStart(8)} ${'arrayBuf'.padStart(8)}`);
      for (const line of memory) console.log(line);
    }
  } finally {
    await drop();
  }
}

console.log('floor: a grammY bot that does one INSERT and sends one reply per update, same database, same fake Telegram');
for (const kind of backends) await benchBackend(kind);
