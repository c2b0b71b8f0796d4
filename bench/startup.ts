// `npm run bench:startup [-- --rounds 3 --idle-seconds 5]`: cold start and idle memory of
// `npm start` on PostgreSQL (polling, in-process jobs) against its floor, a minimal grammY
// bot (bench/floors/minimal-bot.mjs), both talking to the local Bot API emulator. Measured:
// seconds from spawning the command to its first getUpdates, and after `idle-seconds` of
// idling the resident memory (RSS) and the number of processes of the whole process tree
// (npm, the shell, node, helpers). Product and floor alternate over rounds; medians printed.
// PostgreSQL: a database of its own (minyi_bench_startup_<random>), dropped at the end.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.js';
import { createBotApiEmulator } from '../src/demo/index.js';
import { seedDemoDistrict } from '../src/domain/seed/demo-district.js';
import { createBenchPostgres } from './database.js';
import { median } from './median.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, 'idle-seconds': { type: 'string', default: '5' }, 'cpu-prof': { type: 'string' } },
});
const rounds = Number(values.rounds);
const idleMs = Number(values['idle-seconds']) * 1000;
const TOKEN = '434343:STARTUP-bench';

/** The pid and every descendant of it, from /proc. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command (field 2) may contain spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree: number[] = [];
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

function rssMiB(pids: number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Ended meanwhile.
    }
  }
  return kib / 1024;
}

interface Sample {
  startSeconds: number;
  rssMiB: number;
  processes: number;
}

async function main(): Promise<void> {
  const database = await createBenchPostgres('startup');
  const databaseUrl = database.url;
  const db = await openDatabase({ databaseUrl });
  await seedDemoDistrict(db.prisma, { now: new Date() });
  await db.close();

  const emulator = createBotApiEmulator({ token: TOKEN, personas: [], onUnknownMethod: () => undefined });
  let firstPoll: (() => void) | null = null;
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('/getUpdates')) firstPoll?.();
    emulator.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', HTTP_PORT: '0' };

  async function measure(command: string, args: string[]): Promise<Sample> {
    const polled = new Promise<void>((resolve) => (firstPoll = resolve));
    const started = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await Promise.race([polled, exited.then(() => Promise.reject(new Error(`${command} ${args.join(' ')} exited before polling`)))]);
    const startSeconds = (performance.now() - started) / 1000;
    firstPoll = null;
    await sleep(idleMs);
    const tree = processTree(child.pid!);
    const sample = { startSeconds, rssMiB: rssMiB(tree), processes: tree.length };
    for (const pid of tree.reverse()) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Gone already.
      }
    }
    await exited;
    await sleep(500); // let the tree finish exiting before the next start
    return sample;
  }

  const product: Sample[] = [];
  const bundle: Sample[] = [];
  const floor: Sample[] = [];
  // --cpu-prof DIR: profiles of the bundle's starts, for finding what start-up spends its time on.
  const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [];
  for (let round = 0; round < rounds; round++) {
    product.push(await measure('npm', ['start', '--silent']));
    // What `npm start` runs after building: the one process a service manager would start.
    bundle.push(await measure(process.execPath, [...profile, '--enable-source-maps', 'dist/main.mjs']));
    floor.push(await measure(process.execPath, ['bench/floors/minimal-bot.mjs']));
    console.error(`round ${round + 1}/${rounds}: product ${product.at(-1)!.startSeconds.toFixed(2)} s, floor ${floor.at(-1)!.startSeconds.toFixed(2)} s`);
  }
  server.closeAllConnections();
  server.close();
  emulator.close();
  await database.drop();

  const row = (name: string, samples: Sample[]) =>
    `| ${name} | ${median(samples.map((s) => s.startSeconds)).toFixed(2)} | ${median(samples.map((s) => s.rssMiB)).toFixed(0)} | ${median(samples.map((s) => s.processes))} |`;
  console.log(`\nstart-up, ${new Date().toISOString()}, ${rounds} rounds, medians (targets: start ≤ 2 s, idle RSS ≤ 200 MiB, one node process)\n`);
  console.log('| what | seconds to first getUpdates | idle RSS of the process tree, MiB | processes |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(row('`npm start` (PostgreSQL, polling; builds first if src/ changed, then runs the bundle)', product));
  console.log(row('`node dist/main.mjs` (the bundle alone)', bundle));
  console.log(row('minimal grammY bot (floor)', floor));
  const ratio = (samples: Sample[], of: (sample: Sample) => number) => (median(samples.map(of)) / median(floor.map(of))).toFixed(2);
  console.log(`\nratio to the floor: npm start ${ratio(product, (s) => s.startSeconds)}× start, ${ratio(product, (s) => s.rssMiB)}× memory; bundle ${ratio(bundle, (s) => s.startSeconds)}× start, ${ratio(bundle, (s) => s.rssMiB)}× memory`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
