/** Keys and bodies the signing tests share. RSA keys are generated once per test file (they are slow). */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

export const INSTAFILL_BODY = Buffer.from(
  '{"event":"form.completed","event_id":"evt_1","timestamp":"2024-02-16T10:30:00Z","data":{"session_id":"sess_abc123","form_id":"form_xyz789","field_data":{"applicant_name":"John Smith","city":"Zürich"}}}',
);

/** An Instnt-style event; `created` is filled in per test so the tolerance check can be steered. */
export function instntBody(createdUnix: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: 'evt_fh238sh3',
      name: 'Document image.png submitted',
      type: 'document.submitted',
      created: createdUnix,
      data: { uuid4: '5f0c6f44-8c47-4ad4-a2b3-6a1b8e0c51f1', formKey: 'v1234', documentType: 'passport' },
    }),
  );
}

export interface RsaPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  privatePem: string;
  publicPem: string;
}

export function rsaPair(bits = 2048): RsaPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    privateKey,
    publicKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const nowSec = (): number => Math.floor(Date.now() / 1000);
