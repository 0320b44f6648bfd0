/**
 * Small JSON config stores (settings, endpoints, subscriptions, keys) on top of conf or electron-store.
 * conf rewrites the whole file on every set, which is fine for these few-kilobyte files only; high-volume
 * data goes to RecordStore. We read the file ourselves before conf does so that a damaged file is moved
 * aside and reported instead of crashing start-up (or, with clearInvalidConfig, being silently wiped).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDirSync, isNotFound, PRIVATE_FILE_MODE } from './private-fs.js';
import { moveAsideSync } from './quarantine.js';
import { ConfigStoreOpenError } from './store-errors.js';
import type { ConfBackend, ConfBackendOptions, ConfLike, IssueSink } from './types.js';

/** conf's default extension; the file is `<cwd>/<name>.json`. */
const CONFIG_EXTENSION = '.json';

export interface ConfigStoreOptions<T extends Record<string, unknown>> {
  cwd: string;
  /** File name without extension, e.g. "settings". */
  name: string;
  defaults: T;
  schema?: Record<string, unknown>;
  migrations?: Record<string, (store: ConfLike<T>) => void>;
  projectVersion: string;
  onIssue: IssueSink;
  /** Issue paths are reported relative to this directory (the data dir); defaults to `cwd`. */
  issueRoot?: string;
  /** Clock for quarantine names and issue times; tests pin it. */
  now?: () => number;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Why conf must not see these bytes, or undefined if they are a JSON object it can take. */
function unusableJson(bytes: Buffer): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return `not valid JSON: ${(err as Error).message}`;
  }
  // conf would quietly treat an array or a number as an empty store and overwrite it with the defaults.
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return 'not a JSON object';
  }
  return undefined;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function openConfigStore<T extends Record<string, unknown>>(
  backend: ConfBackend,
  opts: ConfigStoreOptions<T>,
): ConfLike<T> {
  const now = opts.now ?? Date.now;
  ensurePrivateDirSync(opts.cwd);
  const file = path.join(opts.cwd, `${opts.name}${CONFIG_EXTENSION}`);
  const backendOptions: ConfBackendOptions<T> = {
    cwd: opts.cwd,
    configName: opts.name,
    defaults: opts.defaults,
    projectVersion: opts.projectVersion,
    clearInvalidConfig: false,
    configFileMode: PRIVATE_FILE_MODE,
    ...(opts.schema ? { schema: opts.schema } : {}),
    ...(opts.migrations ? { migrations: opts.migrations } : {}),
  };
  const original = readIfPresent(file);
  const quarantine = (bytes: Buffer, reason: string) =>
    moveAsideSync({ root: opts.issueRoot ?? opts.cwd, file, at: now() }, bytes, reason);

  const badJson = original && unusableJson(original);
  if (original && badJson) {
    opts.onIssue(quarantine(original, badJson));
    return startFresh(backend, backendOptions, opts.name, file);
  }
  try {
    return secure(backend(backendOptions), file);
  } catch (err) {
    if (!original) throw new ConfigStoreOpenError(opts.name, err);
    // Only blame the file if the store works without it; otherwise the defaults, schema or a migration are
    // broken, and the user's file is put back untouched so a fixed build can still read it.
    const issue = quarantine(original, `conf rejected it: ${message(err)}`);
    try {
      const store = startFresh(backend, backendOptions, opts.name, file);
      opts.onIssue(issue);
      return store;
    } catch (freshErr) {
      restore(file, original);
      throw freshErr;
    }
  }
}

function startFresh<T extends Record<string, unknown>>(
  backend: ConfBackend,
  options: ConfBackendOptions<T>,
  name: string,
  file: string,
): ConfLike<T> {
  try {
    return secure(backend(options), file);
  } catch (err) {
    throw new ConfigStoreOpenError(name, err);
  }
}

/** Files written by an older build (or by hand) may be world-readable; conf only applies the mode on write. */
function secure<T extends Record<string, unknown>>(store: ConfLike<T>, file: string): ConfLike<T> {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  return store;
}

function restore(file: string, original: Buffer): void {
  const temp = `${file}.restore`;
  fs.writeFileSync(temp, original, { mode: PRIVATE_FILE_MODE });
  fs.renameSync(temp, file);
}
