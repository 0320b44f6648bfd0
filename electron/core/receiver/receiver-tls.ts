/**
 * The receiver's HTTPS identity: a self-signed certificate from the signing area, made once and kept in
 * the data folder (0600, the key is in it) so a user who trusted it once is not asked again. Renewed when
 * it is unreadable or within RENEW_BEFORE_DAYS of expiring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describeCertificate, generateSelfSignedCertificate } from '../signing/forge/certificate.js';
import { ensurePrivateDirSync, PRIVATE_FILE_MODE } from '../store/private-fs.js';

const FILE = 'receiver-tls.json';
const RENEW_BEFORE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ReceiverTls {
  cert: string;
  key: string;
}

export async function loadOrCreateReceiverTls(
  dataDir: string,
  now: () => number = Date.now,
): Promise<ReceiverTls> {
  const dir = path.join(dataDir, 'config');
  const file = path.join(dir, FILE);
  const existing = read(file);
  if (
    existing &&
    Date.parse(describeCertificate(existing.cert).notAfter) - now() > RENEW_BEFORE_DAYS * DAY_MS
  ) {
    return existing;
  }
  const made = await generateSelfSignedCertificate({ now: now() });
  const tls = { cert: made.pem, key: made.keyPem };
  ensurePrivateDirSync(dir);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(tls), { mode: PRIVATE_FILE_MODE });
  fs.renameSync(temp, file);
  return tls;
}

function read(file: string): ReceiverTls | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ReceiverTls>;
    if (typeof parsed.cert !== 'string' || typeof parsed.key !== 'string') return undefined;
    describeCertificate(parsed.cert); // throws if unreadable: then we make a new one
    return { cert: parsed.cert, key: parsed.key };
  } catch {
    // Missing, not JSON or not a certificate: a fresh one replaces it.
    return undefined;
  }
}
