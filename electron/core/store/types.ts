/**
 * The persistence seams. The engine depends on these interfaces only; electron/main injects
 * electron-store + safeStorage, the headless host and tests inject conf + file permissions.
 */
import type { StoreIssue } from '../../../shared/contract/system.js';

/** The subset of conf's API we rely on; electron-store extends conf, so both fit. */
export interface ConfLike<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
  readonly store: T;
  readonly path: string;
}

/** Options passed to the backend, a subset of conf's own (names and meaning unchanged). */
export interface ConfBackendOptions<T extends Record<string, unknown>> {
  cwd: string;
  configName: string;
  defaults: T;
  /** JSON schema per top-level key, as conf expects. */
  schema?: Record<string, unknown>;
  /** conf's semver-keyed migrations; run when projectVersion moves past a key. */
  migrations?: Record<string, (store: ConfLike<T>) => void>;
  projectVersion: string;
  /** Never let conf wipe a file it cannot parse: we quarantine instead. */
  clearInvalidConfig: false;
  /** Mode for the file conf writes (atomically, so every write re-applies it): 0o600, owner only. */
  configFileMode: number;
}

/** Creates a conf or electron-store instance. */
export type ConfBackend = <T extends Record<string, unknown>>(options: ConfBackendOptions<T>) => ConfLike<T>;

/** Where damaged files are reported (health, live event, log). */
export type IssueSink = (issue: StoreIssue) => void;

/**
 * Encrypts secrets at rest. Desktop: Electron safeStorage. Headless: identity, and the files are 0600.
 * `kind` is shown to the user so nobody believes a secret is encrypted when it is not.
 */
export interface SecretBox {
  readonly kind: 'encrypted' | 'file-permissions';
  seal(plain: string): string;
  open(sealed: string): string;
}
