// Issue 8, points 5 and 7, from outside: the program `npm start` runs (src/main.ts, through tsx here) with a bad setting
// stops with one sentence naming the variable, exit code 1 and no stack trace; a service
// that does not answer is reported within 15 s (and retried); the CLI refuses to open the
// data folder a running bot holds.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDatabaseIn } from '../../src/db/database.js';
import { lockDataDir } from '../../src/db/data-dir-lock.js';
import { createLogger } from '../../src/logger.js';
import { untilReachable } from '../../src/startup.js';
import { freePort } from '../helpers/private-redis.js';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const workDir = mkdtempSync(join(tmpdir(), 'minyi-startup-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stderr: string;
}

/** Runs a script of src/ in an empty folder (no .env) with only the given settings. */
function runScript(script: string, env: Record<string, string>, { args = [] as string[], until }: { args?: string[]; until?: RegExp } = {}): Promise<Outcome> {
  return new Promise((resolveOutcome) => {
    const child = spawn(tsx, [join(root, script), ...args], {
      cwd: workDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: join(workDir, 'data'), ...env },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (until?.test(stderr)) child.kill('SIGKILL');
    });
    child.on('exit', (code) => resolveOutcome({ code, stderr }));
  });
}

/** A Bot API that knows the token "1:good" only. */
let telegram: Server;
let telegramRoot: string;
beforeAll(async () => {
  telegram = createServer((req, res) => {
    const known = req.url?.startsWith('/bot1:good/');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        known
          ? { ok: true, result: { id: 1, is_bot: true, first_name: 'minyi', username: 'minyi_bot' } }
          : { ok: false, error_code: 401, description: 'Unauthorized' },
      ),
    );
  });
  await new Promise<void>((done) => telegram.listen(0, '127.0.0.1', done));
  const address = telegram.address();
  telegramRoot = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => telegram.close(() => done())));

function expectOneSentence(outcome: Outcome, variable: RegExp): void {
  expect(outcome.code).toBe(1);
  const lines = outcome.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(variable);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
}

describe('npm start with a bad setting', () => {
  // Every spawn pays tsx's start-up (tens of seconds on a loaded machine): few of them.
  it('stops with one sentence naming the variable', async () => {
    const good = { BOT_TOKEN: '1:good', TELEGRAM_API_ROOT: telegramRoot, LOG_LEVEL: 'error' };
    const badJson = join(workDir, 'limits.json');
    writeFileSync(badJson, '{ not json');
    const cases: [Record<string, string>, RegExp][] = [
      [{ DATABASE_URL: 'mysql://localhost/minyi' }, /DATABASE_URL — expected a URL such as postgresql:/],
      [{ STAGE_LIMITS_FILE: badJson }, /STAGE_LIMITS_FILE — expected a valid JSON file/],
      [{ BOT_TOKEN: '1:revoked' }, /BOT_TOKEN — Telegram refused it \(401/],
    ];
    const several = {
      REDIS_URL: 'localhost:6379',
      TIME_ZONE: 'Mars/Olympus',
      CALENDAR_FILE: join(workDir, 'missing.json'),
      STAGE_LIMITS_FILE: join(workDir, 'missing.json'),
      HTTP_PORT: 'eighty',
    };
    const [outcomes, all] = await Promise.all([
      Promise.all(cases.map(([env]) => runScript('src/main.ts', { ...good, ...env }))),
      runScript('src/main.ts', { ...good, ...several }),
    ]);
    outcomes.forEach((outcome, i) => expectOneSentence(outcome, cases[i]![1]));
    // Several bad values: one sentence (line) each.
    expect(all.code).toBe(1);
    expect(all.stderr).not.toMatch(/^\s+at /m);
    expect(all.stderr.trim().split('\n').sort()).toEqual([
      expect.stringMatching(/^Invalid configuration: CALENDAR_FILE — expected the path of an existing file\.$/),
      expect.stringMatching(/^Invalid configuration: HTTP_PORT — /),
      expect.stringMatching(/^Invalid configuration: REDIS_URL — expected a URL such as redis:\/\/localhost:6379\.$/),
      expect.stringMatching(/^Invalid configuration: STAGE_LIMITS_FILE — expected the path of an existing file\.$/),
      expect.stringMatching(/^Invalid configuration: TIME_ZONE — expected an IANA time zone such as Asia\/Shanghai\.$/),
    ]);
  }, 300_000);
});

describe('npm start with a service that does not answer', () => {
  it('reports Telegram, Redis and PostgreSQL at the first failed attempt and retries', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const good = { BOT_TOKEN: '1:good', TELEGRAM_API_ROOT: telegramRoot };
    const cases: [Record<string, string>, RegExp][] = [
      [{ TELEGRAM_API_ROOT: `http://${closed}` }, /Telegram \(TELEGRAM_API_ROOT http:\/\/127\.0\.0\.1:\d+\) is unreachable; retrying in 1 s/],
      [{ REDIS_URL: `redis://${closed}` }, /Redis \(REDIS_URL\) is unreachable; retrying in 1 s/],
      [{ DATABASE_URL: `postgresql://postgres@${closed}/minyi` }, /PostgreSQL \(DATABASE_URL\) is unreachable; retrying in 1 s/],
    ];
    // Each process is killed as soon as it has said so; a hang would end in the test's timeout.
    const started = Date.now();
    const outcomes = await Promise.all(cases.map(([env, said]) => runScript('src/main.ts', { ...good, ...env }, { until: said })));
    outcomes.forEach((outcome, i) => expect(outcome.stderr).toMatch(cases[i]![1]));
    // tsx's own start-up (slow on a loaded machine) is included.
    expect(Date.now() - started).toBeLessThan(150_000);
  }, 300_000);
});

describe('a service that neither answers nor refuses', () => {
  it('is given up after the attempt timeout, reported and tried again', async () => {
    const warnings: string[] = [];
    const logger = { ...createLogger('silent'), warn: (message: string, fields?: Record<string, unknown>) => void warnings.push(`${message} ${String(fields?.reason)}`) };
    let attempts = 0;
    const value = await untilReachable(
      'Silent service',
      () => (++attempts < 2 ? new Promise<never>(() => undefined) : Promise.resolve('up')),
      logger,
      { attemptTimeoutMs: 200, maxDelayMs: 10 },
    );
    expect(value).toBe('up');
    expect(warnings).toEqual(['Silent service is unreachable; retrying in 0.01 s no answer within 0.2 s']);
  });
});

describe('the embedded database is single-writer', () => {
  it('CLI commands refuse the data folder a running process holds, with one sentence', async () => {
    // This test process plays the running bot: it holds the lock (opening PGlite too would only add time).
    const dataDir = join(workDir, 'held');
    mkdirSync(dataDir, { recursive: true });
    const held = lockDataDir(embeddedDatabaseIn(dataDir).lock!.file, dataDir);
    try {
      const outcomes = await Promise.all([
        runScript('src/cli/invite.ts', { DATA_DIR: dataDir }, { args: ['--role', 'DISTRICT_ADMIN'] }),
        runScript('src/cli/seed.ts', { DATA_DIR: dataDir }),
      ]);
      for (const outcome of outcomes) expectOneSentence(outcome, new RegExp(`DATA_DIR=${dataDir} is in use by another minyi process \\(pid ${process.pid}.*set DATABASE_URL`));
    } finally {
      held.release();
    }
  }, 300_000);

  it('takes over the lock of a process that is gone', async () => {
    const dataDir = join(workDir, 'stale');
    const { file } = embeddedDatabaseIn(dataDir).lock!;
    const gone = spawn('true');
    const pid = await new Promise<number>((done) => gone.on('exit', () => done(gone.pid!)));
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ pid, command: 'src/main.ts' }));
    const lock = lockDataDir(file, dataDir);
    lock.release();
  });
});
