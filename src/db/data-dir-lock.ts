// PGlite keeps its data in a folder that one process at a time may open: two engines
// writing one folder corrupt it, and neither sees the other's rows. The process that
// opens it writes a lock file (its pid and command) next to it; another process finding
// the lock of a live pid refuses with one sentence. A lock whose pid is gone (a crash, a
// SIGKILL) is stale and taken over.
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../config.js';

export class DataDirLockedError extends ConfigError {
  override name = 'DataDirLockedError';
}

export interface DataDirLock {
  release(): void;
}

interface LockOwner {
  pid: number;
  command: string;
}

export function lockDataDir(lockFile: string, dataDir: string): DataDirLock {
  const me: LockOwner = { pid: process.pid, command: process.argv.slice(1).join(' ') };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const owner = readOwner(lockFile);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DataDirLockedError(
          `The data folder DATA_DIR=${dataDir} is in use by another minyi process (pid ${owner.pid}: ${owner.command}): stop it first (run CLI commands while the bot is stopped), or set DATABASE_URL to a PostgreSQL database, which several processes can share.`,
        );
      }
      // Stale: its process is gone.
      removeIfOwnedBy(lockFile, owner?.pid);
    }
  }
  const release = () => removeIfOwnedBy(lockFile, process.pid);
  // A normal exit without close() (process.exit in a CLI) still frees the folder.
  process.once('exit', release);
  return {
    release: () => {
      process.off('exit', release);
      release();
    },
  };
}

function readOwner(lockFile: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' ? { pid: owner.pid, command: String(owner.command ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfOwnedBy(lockFile: string, pid: number | undefined): void {
  try {
    if (readOwner(lockFile)?.pid === pid) unlinkSync(lockFile);
  } catch {
    // Already gone.
  }
}
