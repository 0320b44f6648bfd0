/** The conf-backed ConfBackend for the headless host and tests (electron/main injects electron-store). */
import Conf, { type Options } from 'conf';
import type { ConfBackend, ConfBackendOptions, ConfLike } from './types.js';

export const confBackend: ConfBackend = <T extends Record<string, unknown>>(
  options: ConfBackendOptions<T>,
): ConfLike<T> =>
  // Our seam types schema and migrations loosely (conf's generics are deeper); the values are conf's own.
  new Conf<T>({ ...options } as Options<T>);
