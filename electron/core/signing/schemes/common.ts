/** Small pieces the schemes share: option checks, key lists, clocks. */
import { randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_TOLERANCE_SEC, type SchemeId } from '../../../../shared/contract/signing.js';
import { KeyKindError, SignOptionsError } from '../errors.js';
import type { SigningKey } from '../signing-key.js';
import type { SignOptions, VerifyOptions } from './types.js';

/** Printable ASCII without spaces: a value that can never smuggle a CR/LF into a header. */
const HEADER_TOKEN = /^[!-~]{1,256}$/;

export function headerToken(value: string, what: string): string {
  if (!HEADER_TOKEN.test(value)) {
    throw new SignOptionsError(
      `${what} must be 1-256 printable ASCII characters without spaces, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function unixTimestamp(opts: SignOptions | undefined): number {
  if (opts?.timestamp !== undefined) {
    if (!Number.isSafeInteger(opts.timestamp) || opts.timestamp < 0) {
      throw new SignOptionsError(`timestamp must be whole unix seconds, got ${opts.timestamp}`);
    }
    return opts.timestamp;
  }
  return Math.floor((opts?.now ?? Date.now)() / 1000);
}

export const messageId = (opts: SignOptions | undefined): string =>
  opts?.id !== undefined ? headerToken(opts.id, 'the message id') : `msg_${randomBytes(12).toString('hex')}`;

export const deliveryId = (opts: SignOptions | undefined): string =>
  opts?.id !== undefined ? headerToken(opts.id, 'the delivery id') : randomUUID();

export const keyList = (key: SigningKey | readonly SigningKey[]): readonly SigningKey[] =>
  Array.isArray(key) ? key : [key as SigningKey];

/** For schemes whose header carries exactly one signature. */
export function singleKey(key: SigningKey | readonly SigningKey[], scheme: SchemeId): SigningKey {
  const keys = keyList(key);
  if (keys.length !== 1 || !keys[0]) {
    throw new KeyKindError(`${scheme} carries one signature; sign with exactly one key (got ${keys.length})`);
  }
  return keys[0];
}

export const toleranceOf = (opts: VerifyOptions | undefined): number =>
  opts?.toleranceSec ?? DEFAULT_TOLERANCE_SEC;
export const nowOf = (opts: VerifyOptions | undefined): number => opts?.now ?? Date.now();
