/** Ids for events, deliveries and subscriptions: a prefix, the creation time in base 36, then randomness. */
import { randomFillSync } from 'node:crypto';

const RANDOM_BYTES = 8;
/** Random bytes are drawn in blocks: one syscall-backed fill per 512 ids instead of one per id. */
const POOL_BYTES = RANDOM_BYTES * 512;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

function randomHex(): string {
  if (offset + RANDOM_BYTES > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const hex = pool.toString('hex', offset, offset + RANDOM_BYTES);
  offset += RANDOM_BYTES;
  return hex;
}

/** e.g. `dlv_lt1k2m3n9f3a0c1d2e3f4a5b`: alphanumeric only, so it is safe in paths, headers and file names. */
export function newId(prefix: 'evt' | 'dlv' | 'sub' | 'run' | 'alr', now = Date.now()): string {
  return `${prefix}_${now.toString(36)}${randomHex()}`;
}
