/**
 * The signing area's domain model: schemes, key types, the doctor's diagnosis codes and the result shapes
 * the UI shows. Pure data and types (the renderer imports it); the API's param schemas are in signing.ts.
 */
export const SCHEME_IDS = ['instafill-hmac', 'instnt-rsa', 'standard-webhooks', 'stripe', 'github'] as const;
export type SchemeId = (typeof SCHEME_IDS)[number];

export const KEY_TYPES = ['rsa', 'ed25519', 'hmac'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const RSA_KEY_BITS = [2048, 3072, 4096] as const;
export type RsaKeyBits = (typeof RSA_KEY_BITS)[number];

/** Standard Webhooks' recommended replay window; also our default wherever a scheme carries a timestamp. */
export const DEFAULT_TOLERANCE_SEC = 300;
/** Largest body the API accepts for sign/verify (the receiver has its own per-endpoint limit). */
export const MAX_API_BODY_BYTES = 25 * 1024 * 1024;

/** What the UI shows beside each scheme. */
export const SCHEME_INFO: Record<
  SchemeId,
  { label: string; keyTypes: readonly KeyType[]; signatureHeader: string; timestamped: boolean }
> = {
  'instafill-hmac': {
    label: 'Instafill (HMAC-SHA256)',
    keyTypes: ['hmac'],
    signatureHeader: 'X-Instafill-Signature',
    timestamped: false,
  },
  'instnt-rsa': {
    label: 'Instnt (RSA PKCS#1 v1.5)',
    keyTypes: ['rsa'],
    signatureHeader: 'Instnt-Signature',
    timestamped: true,
  },
  'standard-webhooks': {
    label: 'Standard Webhooks (v1 HMAC / v1a ed25519)',
    keyTypes: ['hmac', 'ed25519'],
    signatureHeader: 'webhook-signature',
    timestamped: true,
  },
  stripe: { label: 'Stripe', keyTypes: ['hmac'], signatureHeader: 'Stripe-Signature', timestamped: true },
  github: { label: 'GitHub', keyTypes: ['hmac'], signatureHeader: 'X-Hub-Signature-256', timestamped: false },
};

/**
 * Everything the signature doctor can say, in the order findings are reported: what is missing first,
 * then how the signature is written, which key and which bytes were signed, and the clock last.
 */
export const DIAGNOSIS_CODES = [
  'header_missing',
  'header_misspelled',
  'signature_malformed',
  'key_type_mismatch',
  'prefix_missing',
  'prefix_extra',
  'hex_uppercase',
  'base64_not_hex',
  'hex_not_base64',
  'secret_whitespace',
  'whsec_used_raw',
  'whsec_decoded_wrongly',
  'secret_base64_decoded',
  'body_reserialised',
  'signed_content_mismatch',
  'rsa_single_hash',
  'rsa_digest_encoding',
  'rsa_digest_algorithm',
  'rsa_digest_of_other_body',
  'rsa_wrong_key',
  'no_match',
  'timestamp_malformed',
  'timestamp_outside_tolerance',
] as const;
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];

export interface Diagnosis {
  code: DiagnosisCode;
  title: string;
  /** What happened and what to change, in a sentence or two. */
  detail: string;
  /** The facts behind the finding, e.g. which body variant matched, the skew in seconds. */
  evidence?: Record<string, string>;
}

/** What an RSA signature contains once opened with the public key (PKCS#1 v1.5 DigestInfo). */
export interface DigestInfoView {
  algorithm: string;
  oid: string;
  digestHex: string;
  /** What that digest turned out to be a digest of, when the doctor found out. */
  digestOf?: string;
}

export interface VerifyReport {
  valid: boolean;
  scheme: SchemeId;
  /** One line for lists and the CLI, e.g. "valid" or the first finding's title. */
  summary: string;
  /** Empty when valid. Ordered as DIAGNOSIS_CODES. */
  diagnosis: Diagnosis[];
  digestInfo?: DigestInfoView;
  /** What we computed, for side-by-side display: expected signature, body digest, signed content… */
  computed?: Record<string, string>;
  /** The signed timestamp (unix seconds) when the scheme carries one. */
  signedAt?: number;
  /** now − signedAt in seconds; positive means the signature is from the past. */
  skewSec?: number;
}

export interface KeyInfo {
  id: string;
  name: string;
  type: KeyType;
  bits?: number;
  /** The scheme the key was made for, when one was named. */
  scheme?: SchemeId;
  origin: 'generated' | 'imported';
  createdAt: string;
  /** SHA-256, colon-separated hex: of the SPKI DER for key pairs, truncated for HMAC secrets. */
  fingerprint: string;
  /** false for imported public keys: they can verify but not sign. */
  hasPrivate: boolean;
  publicKeyPem?: string;
  /** ed25519 public key in Standard Webhooks form (whpk_…). */
  whpk?: string;
  /** Only with `reveal`: the HMAC secret itself. */
  secret?: string;
}

export interface CertInfo {
  pem: string;
  /** SHA-256 of the certificate DER, colon-separated uppercase hex (what browsers show). */
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  sans: string[];
}

export interface SignResult {
  scheme: SchemeId;
  /** The headers a sender adds, in order. */
  headers: Record<string, string>;
}
