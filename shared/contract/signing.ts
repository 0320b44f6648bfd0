/**
 * Signing, verification, keys and the receiver certificate: the API's methods and their param schemas.
 * Pure zod and types, so the renderer can import it; nothing here may touch node:crypto.
 */
import { z } from 'zod';
import { defineMethods, returns } from './define.js';
import {
  type CertInfo,
  KEY_TYPES,
  type KeyInfo,
  MAX_API_BODY_BYTES,
  RSA_KEY_BITS,
  SCHEME_IDS,
  type SignResult,
  type VerifyReport,
} from './signing-model.js';

export * from './signing-model.js';

const MAX_BASE64_CHARS = Math.ceil(MAX_API_BODY_BYTES / 3) * 4;
const MAX_PEM_CHARS = 64 * 1024;
const MAX_SECRET_CHARS = 1024;
const MAX_NAME_CHARS = 100;
const MAX_HEADERS = 500;
const MAX_HEADER_NAME_CHARS = 256;
const MAX_HEADER_VALUE_CHARS = 16 * 1024;
const MAX_TOLERANCE_SEC = 365 * 24 * 3600;
/** Unix seconds up to the year 2286; enough for any timestamp a person types. */
const MAX_UNIX_SECONDS = 9_999_999_999;

const keyId = z.string().regex(/^key_[A-Za-z0-9]{1,64}$/, 'a key id looks like key_… (see GET /api/keys)');
const name = z.string().trim().min(1).max(MAX_NAME_CHARS);
const secret = z.string().min(1, 'the secret is empty').max(MAX_SECRET_CHARS);
const pem = z.string().min(1).max(MAX_PEM_CHARS).includes('-----BEGIN ', { message: 'not a PEM block' });
/** Header-safe token: printable ASCII without spaces, so it can never smuggle a CR/LF into a header. */
const headerToken = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!-~]+$/, 'printable ASCII without spaces');
const booleanParam = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const headersParam = z.union([
  z
    .record(
      z.string().min(1).max(MAX_HEADER_NAME_CHARS),
      z.union([
        z.string().max(MAX_HEADER_VALUE_CHARS),
        z.array(z.string().max(MAX_HEADER_VALUE_CHARS)).max(50),
      ]),
    )
    .refine((r) => Object.keys(r).length <= MAX_HEADERS, `at most ${MAX_HEADERS} headers`),
  z
    .array(z.tuple([z.string().min(1).max(MAX_HEADER_NAME_CHARS), z.string().max(MAX_HEADER_VALUE_CHARS)]))
    .max(MAX_HEADERS),
]);

const bodyFields = {
  body: z.string().max(MAX_API_BODY_BYTES, 'body is over 25 MiB').optional(),
  bodyBase64: z
    .base64('bodyBase64 is not valid base64')
    .max(MAX_BASE64_CHARS, 'body is over 25 MiB')
    .optional(),
};

/** Exactly one of the listed fields must be present. */
const exactlyOne =
  (fields: readonly string[], what: string) =>
  (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const given = fields.filter((f) => value[f] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [given[1] ?? fields[0] ?? ''],
        message: `give exactly one of ${fields.join(', ')} (${what})`,
      });
    }
  };

export const verifyParamsSchema = z
  .object({
    scheme: z.enum(SCHEME_IDS),
    ...bodyFields,
    headers: headersParam,
    keyId: keyId.optional(),
    secret: secret.optional(),
    publicKeyPem: pem.optional(),
    /** 0 turns the timestamp check off; omitted = the scheme's default (300 s). */
    toleranceSec: z.number().int().min(0).max(MAX_TOLERANCE_SEC).optional(),
  })
  .strict()
  .superRefine(exactlyOne(['body', 'bodyBase64'], 'the raw body'))
  .superRefine(exactlyOne(['keyId', 'secret', 'publicKeyPem'], 'the key to verify with'));
export type VerifyParams = z.input<typeof verifyParamsSchema>;

export const signParamsSchema = z
  .object({
    scheme: z.enum(SCHEME_IDS),
    ...bodyFields,
    keyId: keyId.optional(),
    secret: secret.optional(),
    privateKeyPem: pem.optional(),
    id: headerToken.optional(),
    timestamp: z.number().int().min(0).max(MAX_UNIX_SECONDS).optional(),
    event: headerToken.optional(),
  })
  .strict()
  .superRefine(exactlyOne(['body', 'bodyBase64'], 'the raw body'))
  .superRefine(exactlyOne(['keyId', 'secret', 'privateKeyPem'], 'the key to sign with'));
export type SignParams = z.input<typeof signParamsSchema>;

export const createKeyParamsSchema = z.union(
  [
    z
      .object({
        type: z.enum(KEY_TYPES),
        bits: z.literal(RSA_KEY_BITS, 'bits must be 2048, 3072 or 4096').optional(),
        name: name.optional(),
        scheme: z.enum(SCHEME_IDS).optional(),
      })
      .strict(),
    z.object({ pem, name }).strict(),
    z.object({ secret, name, scheme: z.enum(SCHEME_IDS).optional() }).strict(),
  ],
  {
    error:
      'give {type: rsa|ed25519|hmac, bits?, name?, scheme?} to generate a key, {pem, name} to import a PEM key, or {secret, name, scheme?} to import a secret',
  },
);
export type CreateKeyParams = z.output<typeof createKeyParamsSchema>;

const byId = z.object({ id: keyId }).strict();

export const signingMethods = defineMethods({
  listKeys: {
    route: 'GET /api/keys',
    params: z.object({}).strict(),
    result: returns<KeyInfo[]>(),
    summary: 'Lists the stored signing keys and secrets (never their private material).',
  },
  createKey: {
    route: 'POST /api/keys',
    params: createKeyParamsSchema,
    result: returns<KeyInfo>(),
    summary: 'Generates an RSA (2048/3072/4096), ed25519 or HMAC key, or imports a PEM key or a secret.',
  },
  getKey: {
    route: 'GET /api/keys/:id',
    params: z.object({ id: keyId, reveal: booleanParam.optional() }).strict(),
    result: returns<KeyInfo>(),
    summary: "One key; with reveal=true an HMAC key's secret is included.",
  },
  getPublicKeyPem: {
    route: 'GET /api/keys/:id/public.pem',
    params: byId,
    result: returns<string>(),
    raw: 'application/x-pem-file',
    summary: 'The public key as an SPKI PEM file, to give to receivers.',
  },
  deleteKey: {
    route: 'DELETE /api/keys/:id',
    params: byId,
    result: returns<{ id: string; deleted: true }>(),
    summary: 'Deletes a key.',
  },
  verifySignature: {
    route: 'POST /api/verify',
    params: verifyParamsSchema,
    result: returns<VerifyReport>(),
    summary:
      "Verifies a raw body against its headers; when invalid, the signature doctor's diagnosis says why.",
  },
  signBody: {
    route: 'POST /api/sign',
    params: signParamsSchema,
    result: returns<SignResult>(),
    summary: "Signs a raw body the way the scheme's sender does and returns the headers to add.",
  },
  getCertificate: {
    route: 'GET /api/certificate',
    params: z.object({}).strict(),
    result: returns<CertInfo>(),
    summary: "The receiver's HTTPS certificate: PEM, SHA-256 fingerprint, expiry and SANs.",
  },
});
