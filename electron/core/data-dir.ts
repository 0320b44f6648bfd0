/**
 * Where Hookscope keeps its data, and the lock that stops two processes (say the desktop app and a
 * headless host) from writing the same files at once. The default matches Electron's userData for the
 * product name, so the desktop app and `hookscope serve` share one data set.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { HookscopeError } from '../../shared/errors.js';

export const PRODUCT_NAME = 'Hookscope';
const LOCK_FILE = 'hookscope.lock';
/** Folders locked by this process: the pid in the file cannot tell two engines in one process apart. */
const heldHere = new Set<string>();

export class DataDirLockedError extends HookscopeError {
  constructor(dir: string, pid: number) {
    super(
      'conflict',
      `the data folder ${dir} is in use by another Hookscope (process ${pid}). Quit it, or pass --data DIR to use another folder.`,
    );
  }
}

/** Electron's app.getPath('userData') for our product name, computed without Electron. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.HOOKSCOPE_DATA) return env.HOOKSCOPE_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** Creates the folder (0700) and takes the lock; returns the release function. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lockPath = join(dir, LOCK_FILE);
  if (heldHere.has(lockPath)) throw new DataDirLockedError(dir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      heldHere.add(lockPath);
      return () => {
        if (!heldHere.delete(lockPath)) return;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid))
        throw new DataDirLockedError(dir, pid);
      // A stale lock from a process that died (kill -9, power loss): take it over.
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(dir, -1);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
