// `npm run bench:faults`: the fault harness. Real bot processes (`npm start`'s bundle, webhook mode,
// the production shape for several instances) against the local Bot API emulator, on a
// PostgreSQL database and a Redis server of its own; residents scripted as people behave
// (they answer what the bot last asked, and repeat their last action when nothing comes).
// Each fault of issue 8 is injected and counted: drafts lost, opinions duplicated,
// notifications lost or sent twice, and seconds to recover. Targets: 0, 0, 0, 0, < 60 s.
//
//   npm run bench:faults [-- --only kill-dialogue,redis-restart-dialogue] [--keep-logs]
//
// Needs PostgreSQL on BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
// and `redis-server` on the PATH; starts and stops everything else itself.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openDatabase } from '../src/db/database.js';
import { createBotApiEmulator, type BotApiEmulator, type Persona } from '../src/demo/index.js';
import type { ChatEntry, SimulatedFailure, TgUpdate } from '../src/demo/bot-api/types.js';
import { seedDemoDistrict } from '../src/domain/seed/demo-district.js';
import { createTranslate } from '../src/i18n/index.js';

const { values: args } = parseArgs({ options: { only: { type: 'string' }, 'keep-logs': { type: 'boolean', default: false } } });
const only = args.only ? new Set(args.only.split(',')) : null;

const TOKEN = '424242:FAULTS-harness';
const SECRET = 'faults-harness-secret';
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const t = (key: string, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const translate = createTranslate('zh-CN');
const workDir = mkdtempSync(join(tmpdir(), 'minyi-faults-'));

// ───────────────────────────── infrastructure ─────────────────────────────

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntil(probe: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await Promise.resolve().then(probe).catch(() => false)) return true;
    await sleep(everyMs);
  }
  return false;
}

class OwnRedis {
  process: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    client.on('error', () => undefined);
    const up = await waitUntil(async () => {
      await client.connect().catch(() => undefined);
      return (await client.ping()) === 'PONG';
    }, 10_000);
    client.disconnect();
    if (!up) throw new Error(`redis-server on ${this.port} did not start`);
  }
  /** A restart without persistence: the data is gone, as after a crash or failover. */
  async restartEmpty(): Promise<void> {
    this.process?.kill('SIGKILL');
    await new Promise((resolve) => this.process?.once('exit', resolve));
    await this.start();
  }
  /** Job schedulers registered (BullMQ keeps them in `<prefix>:<queue>:repeat`). */
  async schedulerCount(): Promise<number> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1 });
    try {
      let total = 0;
      for (const key of await client.keys('*:repeat')) total += await client.zcard(key);
      return total;
    } finally {
      client.disconnect();
    }
  }
  stop(): void {
    this.process?.kill('SIGKILL');
  }
}

/** One bot process in webhook mode; `kill()` is SIGKILL, `start()` runs it again on the same port. */
class BotInstance {
  process: ChildProcess | null = null;
  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly emulator: BotApiEmulator,
  ) {}
  get webhookUrl() {
    return `http://127.0.0.1:${this.port}/telegram`;
  }
  get alive() {
    return this.process !== null && this.process.exitCode === null && this.process.signalCode === null;
  }
  async start(): Promise<void> {
    const log = openSync(join(workDir, `${this.name}.log`), 'a');
    const webhooksBefore = this.emulator.calls.filter((call) => call.method === 'setWebhook').length;
    this.process = spawn(process.execPath, ['--enable-source-maps', 'dist/main.mjs'], {
      env: { ...this.env, WEBHOOK_URL: this.webhookUrl, HTTP_PORT: String(this.port), DATA_DIR: join(workDir, this.name) },
      stdio: ['ignore', log, log],
    });
    const ready = await waitUntil(async () => {
      const response = await fetch(`http://127.0.0.1:${this.port}/health`);
      return response.ok && this.emulator.calls.filter((call) => call.method === 'setWebhook').length > webhooksBefore;
    }, 180_000, 200);
    if (!ready) throw new Error(`${this.name} did not become ready: see ${join(workDir, `${this.name}.log`)}`);
  }
  async kill(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.process!.once('exit', resolve));
    this.process!.kill('SIGKILL');
    await exited;
  }
  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.process!.once('exit', resolve));
    this.process!.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => this.process?.kill('SIGKILL'))]);
  }
}

/**
 * Telegram's side of the webhook: POSTs each update to an instance and redelivers until an
 * instance answers 2xx (Telegram retries for much longer; two minutes bound the harness).
 * `route` chooses the instance for an update (round-robin by default).
 */
class WebhookDelivery {
  instances: BotInstance[] = [];
  route: (update: TgUpdate, attempt: number) => BotInstance[] = (_update, attempt) => {
    const alive = this.instances.filter((instance) => instance.alive);
    return alive.length > 0 ? [alive[(this.next++ + attempt) % alive.length]!] : [];
  };
  undelivered = 0;
  private next = 0;
  private inFlight = new Set<Promise<void>>();

  push = (update: TgUpdate): void => {
    const delivery = this.deliver(update).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  };

  private async deliver(update: TgUpdate): Promise<void> {
    const until = Date.now() + 120_000;
    for (let attempt = 0; Date.now() < until; attempt++) {
      const targets = this.route(update, attempt);
      const results = await Promise.all(targets.map((instance) => this.post(instance, update)));
      if (results.length > 0 && results.some(Boolean)) return;
      await sleep(300);
    }
    this.undelivered++;
  }

  private async post(instance: BotInstance, update: TgUpdate): Promise<boolean> {
    try {
      const response = await fetch(instance.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(65_000),
      });
      return response.ok;
    } catch {
      return false;
    }
  }
}

// ───────────────────────────── residents ─────────────────────────────

type Stage = 'resume' | 'keep' | 'category' | 'text' | 'photos' | 'location' | 'phone' | 'share' | 'summary' | 'submitted';
const stageOrder: Stage[] = ['resume', 'keep', 'category', 'text', 'photos', 'location', 'phone', 'share', 'summary', 'submitted'];
const before = (text: string) => text.split(/[{（(]/)[0]!.trim();

/** What the bot asks in a message, if it is one of the dialogue's prompts. */
function promptOf(entry: ChatEntry): Stage | null {
  const text = entry.message.text ?? '';
  const buttons = entry.message.reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [];
  if (/MY-\d{4}-\d+/.test(text)) return 'submitted';
  if (buttons.includes(t('opinion-confirm'))) return 'summary';
  // An unfinished draft offered again ("continue where you were").
  if (buttons.some((label) => label.includes('继续'))) return 'resume';
  if (buttons.includes(t('opinion-station-keep'))) return 'keep';
  if (text === t('opinion-category-ask')) return 'category';
  if (text.startsWith(before(t('opinion-text-ask', { min: 1, max: 2 })))) return 'text';
  if (buttons.includes(t('opinion-photos-skip')) || buttons.includes(t('opinion-photos-done'))) return 'photos';
  if (text === t('opinion-location-ask')) return 'location';
  if (text === t('opinion-phone-ask')) return 'phone';
  if (buttons.includes(t('opinion-share-no'))) return 'share';
  return null;
}

interface ResidentOutcome {
  submitted: boolean;
  /** The dialogue started over (the draft was gone). */
  restarted: boolean;
  /** The bot stayed silent past the resident's patience; they came back once it was up again. */
  cameBack: boolean;
  apologies: number;
}

const residentPersona = (index: number): Persona => ({ id: `r${index}`, userId: 700_000 + index, firstName: `居民${index}`, languageCode: 'zh-hans', role: '居民' });

class Resident {
  readonly text: string;
  /** Called once, when the resident is about to answer this stage. */
  beforeStage: Partial<Record<Stage, () => Promise<void> | void>> = {};
  doubleTapConfirm = false;
  constructor(
    readonly emulator: BotApiEmulator,
    readonly persona: Persona,
  ) {
    this.text = `故障测试 ${persona.userId}：小区东门外的路灯坏了两个星期，晚上很黑，请尽快维修。`;
  }
  get userId(): number {
    return this.persona.userId;
  }

  private botEntries(): ChatEntry[] {
    return this.emulator.chat(this.persona.id).filter((entry) => entry.sender === 'bot');
  }

  /** The newest prompt the bot showed after position `after` (edits keep a message's position). */
  private promptAfter(after: number): { stage: Stage; index: number; entry: ChatEntry } | null {
    const entries = this.botEntries();
    for (let index = entries.length - 1; index > after; index--) {
      const stage = promptOf(entries[index]!);
      if (stage) return { stage, index, entry: entries[index]! };
    }
    return null;
  }

  private press(entry: ChatEntry, label: string): void {
    const button = entry.message.reply_markup?.inline_keyboard.flat().find((candidate) => candidate.text === label);
    if (button?.callback_data) this.emulator.pressButton(this.persona.id, entry.message.message_id, button.callback_data);
    else this.emulator.pressInlineButton(this.persona.id, label);
  }

  private answer(stage: Stage, entry: ChatEntry): void {
    const firstButton = () => entry.message.reply_markup!.inline_keyboard.flat()[0]!.text;
    switch (stage) {
      case 'resume':
        return this.press(entry, entry.message.reply_markup!.inline_keyboard.flat().find((button) => button.text.includes('继续'))!.text);
      case 'keep':
        return this.press(entry, t('opinion-station-keep'));
      case 'category':
      case 'photos':
        return this.press(entry, firstButton());
      case 'text':
        return void this.emulator.sendText(this.persona.id, this.text);
      case 'location':
      case 'phone':
        return void this.emulator.sendText(this.persona.id, t('opinion-skip'));
      case 'share':
        return this.press(entry, t('opinion-share-no'));
      case 'summary':
        this.press(entry, t('opinion-confirm'));
        if (this.doubleTapConfirm) this.press(entry, t('opinion-confirm'));
        return;
      case 'submitted':
        return;
    }
  }

  /**
   * Plays /new to the end: answers the newest prompt; when nothing new comes within a few
   * seconds, does the last thing again (as people do), at most `patience` times in a row.
   * Then, once, they come back when `back()` says the bot is up again and send /new: a
   * draft that survived is offered to continue; one that did not starts over (lost).
   */
  async submit({ patience = 6, waitMs = 6_000, back }: { patience?: number; waitMs?: number; back?: () => Promise<void> } = {}): Promise<ResidentOutcome> {
    let reached = -1;
    let restarted = false;
    let cameBack = false;
    let last: { stage: Stage; index: number; entry: ChatEntry } | null = null;
    let repeats = 0;
    const outcome = (submitted: boolean): ResidentOutcome => ({
      submitted,
      restarted,
      cameBack,
      apologies: this.botEntries().filter((entry) => entry.message.text === t('error-generic')).length,
    });
    this.emulator.sendText(this.persona.id, '/new');
    for (;;) {
      const after = last?.index ?? -1;
      await waitUntil(() => this.promptAfter(after) !== null, waitMs, 50);
      const prompt = this.promptAfter(after);
      if (prompt?.stage === 'submitted') return outcome(true);
      if (!prompt && repeats >= patience && back && !cameBack) {
        cameBack = true;
        repeats = 0;
        await back();
        this.emulator.sendText(this.persona.id, '/new');
        continue;
      }
      if (!prompt) {
        if (++repeats > patience) return outcome(false);
        // Nothing new: do the last thing again (press again, send again).
        if (last) this.safely(() => this.answer(last!.stage, last!.entry));
        else this.emulator.sendText(this.persona.id, '/new');
        continue;
      }
      repeats = 0;
      const order = stageOrder.indexOf(prompt.stage);
      if (prompt.stage === 'keep' && reached > order) restarted = true;
      reached = Math.max(reached, order);
      const hook = this.beforeStage[prompt.stage];
      if (hook) {
        delete this.beforeStage[prompt.stage];
        await hook();
      }
      last = prompt;
      this.safely(() => this.answer(prompt.stage, prompt.entry));
    }
  }

  private safely(action: () => void): void {
    try {
      action();
    } catch {
      // The button is gone (the message was edited): the next round reads the chat again.
    }
  }
}

function transcript(emulator: BotApiEmulator, personaId: string): string {
  return emulator
    .chat(personaId)
    .map((entry) => {
      const buttons = entry.message.reply_markup?.inline_keyboard.flat().map((button) => `[${button.text}]`).join(' ') ?? '';
      return `${new Date(entry.message.date * 1000).toISOString()} ${entry.sender}${entry.edited ? ' (edited)' : ''}: ${entry.message.text ?? entry.message.caption ?? '(media)'} ${buttons}`;
    })
    .join('\n');
}

// ───────────────────────────── the harness ─────────────────────────────

interface Row {
  fault: string;
  attempts: number;
  draftsLost: number;
  opinionsDuplicated: number;
  notificationsLost: number;
  notificationsTwice: number;
  recoverySeconds: number | null;
  note?: string;
}

async function main(): Promise<void> {
  // The instances run what `npm start` runs: the bundle, built once here.
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const databaseName = `minyi_faults_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();
  const sql = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // The pg_terminate_backend fault closes the harness's own idle connections too.
  sql.on('error', () => undefined);

  const delivery = new WebhookDelivery();
  const personas = Array.from({ length: 80 }, (_, index) => residentPersona(index));
  const emulator = createBotApiEmulator({
    token: TOKEN,
    personas,
    pushUpdate: delivery.push,
    onUnknownMethod: (method) => console.error(`emulator: unknown method ${method}`),
  });
  const residents = personas.map((persona) => new Resident(emulator, persona));
  const apiServer: Server = createHttpServer(emulator.handler);
  await new Promise<void>((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;

  const redis = new OwnRedis(await freePort());
  await redis.start();

  // The district and the residents (consented, their station remembered).
  const db = await openDatabase({ databaseUrl });
  const now = new Date();
  await seedDemoDistrict(db.prisma, { now });
  const station = await db.prisma.station.findUniqueOrThrow({ where: { code: 'YP-STATION' } });
  await db.prisma.person.createMany({
    data: residents.map((resident) => ({
      telegramId: BigInt(resident.userId),
      chatId: BigInt(resident.userId),
      displayName: resident.persona.firstName,
      locale: 'zh-CN',
      consentedAt: now,
      lastStationId: station.id,
    })),
  });
  await db.close();

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    WEBHOOK_SECRET: SECRET,
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    OPINIONS_PER_HOUR: '100',
  };
  const a = new BotInstance('instance-a', await freePort(), env, emulator);
  const b = new BotInstance('instance-b', await freePort(), env, emulator);
  delivery.instances = [a];
  await a.start();

  let nextResident = 0;
  const take = (count: number) => residents.slice(nextResident, (nextResident += count));
  const opinionsWithText = async (text: string) => Number((await sql.query('SELECT count(*) FROM "Opinion" WHERE text = $1', [text])).rows[0].count);
  const rows: Row[] = [];

  /** Residents submit concurrently with a fault at a stage; counts lost drafts and duplicates. */
  async function dialogueScenario(fault: string, group: Resident[], inject: (resident: Resident, index: number) => void, recoveryFrom?: () => number | null) {
    if (only && !only.has(fault)) return;
    for (const [index, resident] of group.entries()) inject(resident, index);
    const started = Date.now();
    // Back means every instance answers /health again.
    const back = async () => {
      await waitUntil(async () => {
        const answers = await Promise.all(delivery.instances.map((instance) => instance.alive && fetch(`http://127.0.0.1:${instance.port}/health`).then((r) => r.ok)));
        return answers.every(Boolean);
      }, 180_000, 500);
    };
    const outcomes = await Promise.all(group.map((resident) => resident.submit({ back })));
    let lost = 0;
    let duplicated = 0;
    for (const [index, resident] of group.entries()) {
      const count = await opinionsWithText(resident.text);
      if (count === 0) lost++;
      if (count > 1) duplicated += count - 1;
      // With --keep-logs, the chat of a resident who lost a draft or had to come back is kept beside the instances' logs.
      if (count === 0 || outcomes[index]!.cameBack) writeFileSync(join(workDir, `${fault}-${resident.persona.id}.txt`), transcript(emulator, resident.persona.id));
    }
    const restarted = outcomes.filter((outcome) => outcome.restarted).length;
    const apologies = outcomes.reduce((sum, outcome) => sum + outcome.apologies, 0);
    const cameBack = outcomes.filter((outcome) => outcome.cameBack).length;
    const faultAt = recoveryFrom?.() ?? started;
    rows.push({
      fault,
      attempts: group.length,
      draftsLost: lost + restarted,
      opinionsDuplicated: duplicated,
      notificationsLost: 0,
      notificationsTwice: 0,
      recoverySeconds: (Date.now() - faultAt) / 1000,
      note: `${apologies} apologies, ${restarted} dialogues started over, ${cameBack} residents came back after the bot fell silent`,
    });
    console.error(`done: ${fault}`);
  }

  // 1. SIGKILL mid-dialogue, then a restart.
  {
    let killedAt: number | null = null;
    let killing: Promise<void> | null = null;
    const killOnce = async () => {
      killing ??= (async () => {
        await a.kill();
        killedAt = Date.now();
        await a.start();
      })();
      await killing;
    };
    await dialogueScenario('kill-dialogue', take(5), (resident) => (resident.beforeStage.photos = killOnce), () => killedAt);
  }
  // 2. PostgreSQL closes every connection mid-dialogue.
  {
    let terminatedAt: number | null = null;
    const terminate = async () => {
      if (terminatedAt) return;
      terminatedAt = Date.now();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [databaseName]);
    };
    await dialogueScenario('pg-terminate-dialogue', take(5), (resident) => (resident.beforeStage.location = terminate), () => terminatedAt);
  }
  // 2b. Redis restarted empty just as residents answer: updates queued in BullMQ are gone
  // (the ledger's sweep must queue them again).
  {
    let restartedAt: number | null = null;
    const restartSoon = () => {
      if (restartedAt) return;
      restartedAt = Date.now();
      setTimeout(() => void redis.restartEmpty(), 30);
    };
    await dialogueScenario('redis-restart-dialogue', take(5), (resident) => (resident.beforeStage.text = restartSoon), () => restartedAt);
  }
  // 3. The Bot API fails the next call to the resident's chat.
  const apiFaults: [string, SimulatedFailure, number, Stage][] = [
    ['api-429-retry-60', { kind: 'too_many_requests', retryAfter: 60 }, 1, 'photos'],
    ['api-5xx-x4', { kind: 'server_error' }, 4, 'location'],
    ['api-query-too-old', { kind: 'query_too_old' }, 1, 'category'],
  ];
  for (const [fault, failure, count, stage] of apiFaults) {
    await dialogueScenario(fault, take(3), (resident) => {
      resident.beforeStage[stage] = () => emulator.failNext(resident.persona.id, failure, count);
    });
  }
  // 4. Every update delivered twice (a webhook answer lost on the way back).
  {
    const group = take(3);
    const chats = new Set(group.map((resident) => resident.userId));
    const defaultRoute = delivery.route;
    delivery.route = (update, attempt) => {
      const chatId = update.message?.chat.id ?? update.callback_query?.message?.chat.id;
      return chatId !== undefined && chats.has(chatId) && attempt === 0 ? [a, a] : defaultRoute(update, attempt);
    };
    await dialogueScenario('duplicate-delivery', group, () => undefined);
    delivery.route = defaultRoute;
  }
  // 5. Two instances, a double tap on 确认提交 reaching each.
  if (!only || only.has('two-instances-double-tap')) {
    await b.start();
    delivery.instances = [a, b];
    await dialogueScenario('two-instances-double-tap', take(5), (resident) => (resident.doubleTapConfirm = true));
    await b.stop();
    delivery.instances = [a];
  }

  // Notifications written straight to the outbox for residents' chats.
  async function queueNotifications(group: Resident[], tag: string): Promise<void> {
    for (const resident of group) {
      await sql.query(
        `INSERT INTO "Notification" ("dedupeKey", "personId", "chatId", payload)
         SELECT $1, id, "chatId", $2 FROM "Person" WHERE "telegramId" = $3`,
        [`faults:${tag}:${resident.userId}`, JSON.stringify({ key: 'privacy-forget-kept' }), resident.userId],
      );
    }
  }
  const deliveredCount = (resident: Resident) => emulator.chat(resident.persona.id).filter((entry) => entry.message.text === t('privacy-forget-kept')).length;

  // 6. Redis restarted empty: schedules must come back and the outbox must be swept.
  if (!only || only.has('redis-restart-empty')) {
    const group = take(10);
    const schedulers = await redis.schedulerCount();
    await redis.restartEmpty();
    const restartedAt = Date.now();
    await queueNotifications(group, 'redis');
    const back = await waitUntil(async () => (await redis.schedulerCount()) >= schedulers && schedulers > 0, 90_000, 500);
    const schedulersBackAt = Date.now();
    const delivered = await waitUntil(() => group.every((resident) => deliveredCount(resident) > 0), 90_000, 200);
    rows.push({
      fault: 'redis-restart-empty',
      attempts: group.length,
      draftsLost: 0,
      opinionsDuplicated: 0,
      notificationsLost: group.filter((resident) => deliveredCount(resident) === 0).length,
      notificationsTwice: group.filter((resident) => deliveredCount(resident) > 1).length,
      recoverySeconds: back && delivered ? (Date.now() - restartedAt) / 1000 : null,
      note: `schedulers ${schedulers} before; ${back ? `back after ${((schedulersBackAt - restartedAt) / 1000).toFixed(1)} s` : `${await redis.schedulerCount()} after 90 s`}`,
    });
    console.error('done: redis-restart-empty');
  }

  // 7. SIGKILL while the outbox is being delivered.
  if (!only || only.has('kill-delivery')) {
    const group = take(40);
    await queueNotifications(group, 'kill');
    await waitUntil(() => group.filter((resident) => deliveredCount(resident) > 0).length >= 3, 60_000, 10);
    await a.kill();
    const killedAt = Date.now();
    await a.start();
    const delivered = await waitUntil(() => group.every((resident) => deliveredCount(resident) > 0), 120_000, 200);
    await sleep(3_000); // a late duplicate would show now
    rows.push({
      fault: 'kill-delivery',
      attempts: group.length,
      draftsLost: 0,
      opinionsDuplicated: 0,
      notificationsLost: group.filter((resident) => deliveredCount(resident) === 0).length,
      notificationsTwice: group.filter((resident) => deliveredCount(resident) > 1).length,
      recoverySeconds: delivered ? (Date.now() - killedAt - 3_000) / 1000 : null,
    });
    console.error('done: kill-delivery');
  }

  await a.stop();
  await b.stop();
  redis.stop();
  emulator.close();
  apiServer.closeAllConnections();
  apiServer.close();
  await sql.end();
  await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await admin.end();

  printTable(rows, delivery.undelivered);
  if (!args['keep-logs']) rmSync(workDir, { recursive: true, force: true });
  else console.log(`logs: ${workDir}`);
}

function printTable(rows: Row[], undelivered: number): void {
  const header = ['fault', 'attempts', 'drafts lost', 'opinions duplicated', 'notifications lost', 'sent twice', 'seconds to recover', 'note'];
  const lines = rows.map((row) => [
    row.fault,
    String(row.attempts),
    String(row.draftsLost),
    String(row.opinionsDuplicated),
    String(row.notificationsLost),
    String(row.notificationsTwice),
    row.recoverySeconds === null ? 'not recovered' : row.recoverySeconds.toFixed(1),
    row.note ?? '',
  ]);
  console.log(`\nfault harness, ${new Date().toISOString()} (targets: 0 lost, 0 duplicated, recovery < 60 s)\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  if (undelivered > 0) console.log(`\n${undelivered} updates could not be delivered to any instance within two minutes.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
