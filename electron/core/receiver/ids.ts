/**
 * Ids for endpoints, captures and replays. Capture and replay ids start with the time in base 36 so they
 * sort by arrival in file listings and logs; the random tail keeps concurrent requests apart.
 */
import { randomUUID } from 'node:crypto';

const RANDOM_HEX_CHARS = 12;
/**
 * Letters and digits only: ids end up in file names, URLs and shell commands. randomUUID draws from a
 * pre-filled entropy cache, which keeps this off the per-request profile (randomBytes was 2 % of it).
 */
const random = (): string => randomUUID().replace(/-/g, '').slice(0, RANDOM_HEX_CHARS);

export const newEndpointId = (): string => `ep_${random()}`;
export const newCaptureId = (at: number): string => `cap_${at.toString(36)}_${random()}`;
export const newReplayId = (at: number): string => `rpl_${at.toString(36)}_${random()}`;
