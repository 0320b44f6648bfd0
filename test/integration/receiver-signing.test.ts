/**
 * Verify on arrival, with signatures made independently of Hookscope (node:crypto, the seeds' recipes):
 * valid Instafill and Instnt requests verify; tampered ones are invalid with the doctor's diagnosis.
 */
import { createHash, createHmac, createSign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIdOf, type ReceiverHarness, send, startReceiver } from '../helpers/receiver-harness.js';

const INSTAFILL_SECRET = 'whsec-instafill-test-secret';

function instafillSignature(body: string, secret = INSTAFILL_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** As Instnt's TypeScript sample verifies: RSA-SHA256 over the body's SHA-256 digest (so SHA-256 twice). */
function instntSignature(body: string, privateKeyPem: string): string {
  const digest = createHash('sha256').update(body).digest();
  return createSign('RSA-SHA256').update(digest).sign(privateKeyPem, 'base64');
}

describe('verification on arrival', () => {
  let rx: ReceiverHarness;
  let instntPem: string;

  beforeAll(async () => {
    rx = await startReceiver();
    const hmac = rx.keys.importSecret(INSTAFILL_SECRET, 'Instafill secret', 'instafill-hmac');
    const rsa = await rx.keys.generate({ type: 'rsa', bits: 2048, name: 'Instnt key' });
    instntPem = rx.keys.privateKeyPem(rsa.id);
    await rx.call('createEndpoint', {
      path: '/instafill',
      verify: { scheme: 'instafill-hmac', keyId: hmac.id },
    });
    await rx.call('createEndpoint', {
      path: '/instafill/strict',
      verify: { scheme: 'instafill-hmac', secret: INSTAFILL_SECRET, rejectInvalid: true },
    });
    await rx.call('createEndpoint', { path: '/instnt', verify: { scheme: 'instnt-rsa', keyId: rsa.id } });
  });
  afterAll(() => rx.close());

  const formCompleted = JSON.stringify({
    event: 'form.completed',
    event_id: 'evt_sig_1',
    timestamp: new Date().toISOString(),
    data: { session_id: 'sess_abc123', form_id: 'form_xyz789' },
  });

  it('marks a correctly signed Instafill request valid', async () => {
    const res = await send(`${rx.url}/instafill`, {
      headers: [
        ['X-Instafill-Signature', instafillSignature(formCompleted)],
        ['X-Instafill-Event', 'form.completed'],
        ['Content-Type', 'application/json'],
      ],
      body: formCompleted,
    });
    expect(res.status).toBe(200);
    const detail = await rx.call('getCapture', { id: captureIdOf(res) });
    expect(detail.verdict).toBe('valid');
    expect(detail.verification).toMatchObject({ valid: true, scheme: 'instafill-hmac', diagnosis: [] });
  });

  it('marks a re-serialised Instafill body invalid and the doctor says why', async () => {
    const pretty = JSON.stringify(JSON.parse(formCompleted), null, 2);
    const res = await send(`${rx.url}/instafill`, {
      headers: [
        ['X-Instafill-Signature', instafillSignature(formCompleted)],
        ['Content-Type', 'application/json'],
      ],
      body: pretty,
    });
    expect(res.status).toBe(200);
    const detail = await rx.call('getCapture', { id: captureIdOf(res) });
    expect(detail.verdict).toBe('invalid');
    expect(detail.verification?.diagnosis.map((d) => d.code)).toContain('body_reserialised');
    expect((await rx.call('listCaptures', { verdict: 'invalid' })).items.map((c) => c.id)).toContain(
      detail.id,
    );
  });

  it('answers 401 on an endpoint that rejects invalid signatures, and still keeps the capture', async () => {
    const res = await send(`${rx.url}/instafill/strict`, {
      headers: [['X-Instafill-Signature', instafillSignature(formCompleted).toUpperCase()]],
      body: formCompleted,
    });
    expect(res.status).toBe(401);
    const detail = await rx.call('getCapture', { id: captureIdOf(res) });
    expect(detail.verdict).toBe('invalid');
    expect(detail.verification?.diagnosis.length).toBeGreaterThan(0);
    const ok = await send(`${rx.url}/instafill/strict`, {
      headers: [['X-Instafill-Signature', instafillSignature('{"event_id":"evt_sig_2"}')]],
      body: '{"event_id":"evt_sig_2"}',
    });
    expect(ok.status).toBe(200);
  });

  it('marks a correctly signed Instnt request valid', async () => {
    const body = JSON.stringify({
      id: 'evt_fh238sh3',
      name: 'Document image.png submitted',
      type: 'document.submitted',
      data: {},
    });
    const res = await send(`${rx.url}/instnt`, {
      headers: [
        ['Instnt-Signature', instntSignature(body, instntPem)],
        ['Content-Type', 'application/json'],
      ],
      body,
    });
    const detail = await rx.call('getCapture', { id: captureIdOf(res) });
    expect(detail.verdict).toBe('valid');
    expect(detail).toMatchObject({ eventId: 'evt_fh238sh3', eventType: 'document.submitted' });
  });

  it('marks a tampered Instnt request invalid, with the DigestInfo and a diagnosis', async () => {
    const body = JSON.stringify({
      id: 'evt_tamper',
      type: 'transaction.accepted',
      data: { decision: 'REJECT' },
    });
    const tampered = body.replace('REJECT', 'ACCEPT');
    const res = await send(`${rx.url}/instnt`, {
      headers: [['Instnt-Signature', instntSignature(body, instntPem)]],
      body: tampered,
    });
    const detail = await rx.call('getCapture', { id: captureIdOf(res) });
    expect(detail.verdict).toBe('invalid');
    expect(detail.verification?.diagnosis.length).toBeGreaterThan(0);
    expect(detail.verification?.digestInfo?.algorithm).toMatch(/sha-?256/i);
  });

  it('diagnoses a missing signature header', async () => {
    const res = await send(`${rx.url}/instnt`, { headers: [['X-Instnt-Signature', 'abc=']], body: '{}' });
    const detail = await rx.call('getCapture', { id: captureIdOf(res) });
    expect(detail.verdict).toBe('invalid');
    const codes = detail.verification?.diagnosis.map((d) => d.code) ?? [];
    expect(codes.some((c) => c === 'header_missing' || c === 'header_misspelled')).toBe(true);
  });
});
