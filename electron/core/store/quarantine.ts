/**
 * Moving damaged files aside. Nothing a user wrote is ever deleted: a file we cannot use is copied (or its
 * unusable bytes saved) under `quarantine/` next to it, with a timestamped name, and reported as a StoreIssue
 * so health and the UI can show what happened and where the bytes went.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { StoreIssue } from '../../../shared/contract/system.js';
import { ensurePrivateDir, ensurePrivateDirSync, isNotFound, PRIVATE_FILE_MODE } from './private-fs.js';
import { QuarantineFullError } from './store-errors.js';

export const QUARANTINE_DIR = 'quarantine';
/** Enough to survive many damaged files within the same millisecond; more means something loops. */
const MAX_NAME_ATTEMPTS = 100;

export interface QuarantineTarget {
  /** Issue paths are reported relative to this directory (the data dir). */
  root: string;
  /** The damaged file (absolute). Its quarantine copy goes to `<its dir>/quarantine/`. */
  file: string;
  /** Extra name part, e.g. "tail" for the cut-off end of a segment. */
  tag?: string;
  at: number;
}

/** ISO time without ':' (not allowed in Windows file names), e.g. 2025-01-31T10-20-30.123Z. */
export const safeTimestamp = (ms: number): string => new Date(ms).toISOString().replaceAll(':', '-');

const toReported = (root: string, file: string): string =>
  path.relative(root, file).split(path.sep).join('/');

function candidate(target: QuarantineTarget, attempt: number): string {
  const ext = path.extname(target.file);
  const base = path.basename(target.file, ext);
  const parts = [base, target.tag, safeTimestamp(target.at)].filter(Boolean).join('.');
  const unique = attempt === 0 ? '' : `-${attempt + 1}`;
  return path.join(path.dirname(target.file), QUARANTINE_DIR, `${parts}${unique}${ext}`);
}

function issue(target: QuarantineTarget, movedTo: string, reason: string): StoreIssue {
  return {
    file: toReported(target.root, target.file),
    movedTo: toReported(target.root, movedTo),
    reason,
    at: new Date(target.at).toISOString(),
  };
}

const exists = (err: unknown): boolean => (err as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';

function tooMany(target: QuarantineTarget): Error {
  return new QuarantineFullError(target.file, MAX_NAME_ATTEMPTS);
}

/**
 * Moves a file aside synchronously (config stores open synchronously). The bytes written are the ones the
 * caller read before anything else touched the file, so the quarantine holds the original even if a
 * library rewrote the live file while failing on it. The live file is then removed.
 */
export function moveAsideSync(target: QuarantineTarget, original: Buffer, reason: string): StoreIssue {
  ensurePrivateDirSync(path.join(path.dirname(target.file), QUARANTINE_DIR));
  for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
    const dest = candidate(target, attempt);
    let fd: number;
    try {
      fd = fs.openSync(dest, 'wx', PRIVATE_FILE_MODE);
    } catch (err) {
      if (exists(err)) continue;
      throw err;
    }
    try {
      fs.writeFileSync(fd, original);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.unlinkSync(target.file);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    return issue(target, dest, reason);
  }
  throw tooMany(target);
}

/** Copies a whole file aside (streamed by the OS, never loaded into memory); the original stays in place. */
export async function copyAside(target: QuarantineTarget, reason: string): Promise<StoreIssue> {
  await ensurePrivateDir(path.join(path.dirname(target.file), QUARANTINE_DIR));
  for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
    const dest = candidate(target, attempt);
    try {
      await fsp.copyFile(target.file, dest, fs.constants.COPYFILE_EXCL);
    } catch (err) {
      if (exists(err)) continue;
      throw err;
    }
    // The caller may rewrite the original next, so the copy must be on disk first.
    const handle = await fsp.open(dest, 'r+');
    try {
      await handle.chmod(PRIVATE_FILE_MODE);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return issue(target, dest, reason);
  }
  throw tooMany(target);
}

/** Saves some bytes of a file aside (e.g. a cut-off tail) before the caller removes them from the file. */
export async function saveBytesAside(
  target: QuarantineTarget,
  bytes: Buffer,
  reason: string,
): Promise<StoreIssue> {
  await ensurePrivateDir(path.join(path.dirname(target.file), QUARANTINE_DIR));
  for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
    const dest = candidate(target, attempt);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(dest, 'wx', PRIVATE_FILE_MODE);
    } catch (err) {
      if (exists(err)) continue;
      throw err;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return issue(target, dest, reason);
  }
  throw tooMany(target);
}
