// A job whose worker process is killed mid-run (SIGKILL: no chance to hand it back) is run
// again by another instance within seconds when its definition sets crashRecoveryMs,
// instead of BullMQ's default 30 s lock plus 30 s stall check.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { JobQueue } from '../../src/jobs/queue.js';
import { crashJob, queueDeps } from './fixtures/crash-recovery-job.js';
import { queueFor, redisNamespace, redisUrl, waitFor } from './helpers.js';

const namespace = redisNamespace('crash');
let survivor: JobQueue | undefined;
afterAll(async () => {
  await survivor?.stop();
  await namespace.cleanup();
});

it('runs a killed worker’s job again on another instance within seconds', async () => {
  const prefix = namespace.next();
  const worker = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/hanging-worker.ts', import.meta.url)), redisUrl, prefix], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  await waitFor(() => output.includes('active'), { timeoutMs: 60_000 });
  worker.kill('SIGKILL');
  await exited;

  const runs: number[] = [];
  survivor = queueFor('bullmq', queueDeps, [crashJob(async ({ n }) => void runs.push(n))], prefix);
  await survivor.start();
  // Lock 1 s, stall check every 1 s: a few seconds even on a loaded machine; the default would be 30–60 s.
  await waitFor(() => runs.length > 0, { timeoutMs: 20_000 });
  expect(runs).toEqual([1]);
}, 120_000);
