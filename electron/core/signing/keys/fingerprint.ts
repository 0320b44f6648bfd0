/** SHA-256 fingerprints people can compare across tools. */
import type { KeyObject } from 'node:crypto';
import { colonHex, sha256 } from '../bytes.js';
import { publicOf } from './pem.js';

/** Of the SPKI DER, like `openssl pkey -pubout -outform DER | sha256sum`, colon-separated. */
export const keyFingerprint = (key: KeyObject): string =>
  colonHex(sha256(publicOf(key).export({ format: 'der', type: 'spki' })));

/** Only enough to tell two secrets apart: a full hash of a weak secret would help guess it offline. */
const SECRET_FINGERPRINT_BYTES = 8;
const SECRET_FINGERPRINT_CONTEXT = 'hookscope secret fingerprint\0';

export const secretFingerprint = (secret: string): string =>
  colonHex(sha256(SECRET_FINGERPRINT_CONTEXT + secret).subarray(0, SECRET_FINGERPRINT_BYTES));
