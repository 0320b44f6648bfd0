/**
 * The receiver's optional HTTPS certificate: self-signed, for localhost, 127.0.0.1 and ::1. node:crypto
 * cannot build X.509 certificates, so node-forge does; the RSA key itself comes from node:crypto because
 * forge's pure-JS key generation takes seconds.
 */
import { generateKeyPair, type KeyObject, sign as nodeSign, randomBytes, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import type { CertInfo } from '../../../../shared/contract/signing.js';
import { HookscopeError } from '../../../../shared/errors.js';
import { colonHex, sha256 } from '../bytes.js';
import { KeyFormatError } from '../errors.js';

const generateKeyPairAsync = promisify(generateKeyPair);
/** Part of forge's public API, missing from @types/node-forge. */
const forgePki = forge.pki as unknown as { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 };

export const CERT_KEY_BITS = 2048;
/** Browsers reject longer-lived leaf certificates (398 days); a year is plenty for a local tool. */
export const CERT_VALIDITY_DAYS = 365;
/** Backdate a little so a client whose clock runs slow still accepts it. */
const BACKDATE_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;
const SERIAL_BYTES = 16;
export const DEFAULT_SANS = ['localhost', '127.0.0.1', '::1'] as const;

export interface GeneratedCertificate extends CertInfo {
  /** PKCS#8 private key for the HTTPS server. Keep it with the same care as any key. */
  keyPem: string;
}

export interface CertificateOptions {
  commonName?: string;
  /** Host names and IP addresses; defaults to localhost, 127.0.0.1, ::1. */
  sans?: readonly string[];
  days?: number;
  /** Milliseconds since the epoch; Date.now() when omitted. */
  now?: number;
}

const IP_PATTERN = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:]*)$/i;

export async function generateSelfSignedCertificate(
  options: CertificateOptions = {},
): Promise<GeneratedCertificate> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', { modulusLength: CERT_KEY_BITS });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const sans = [...(options.sans ?? DEFAULT_SANS)];
  const now = options.now ?? Date.now();

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial: clear the top bit so DER does not read it as negative.
  const serial = randomBytes(SERIAL_BYTES);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(now - BACKDATE_MS);
  cert.validity.notAfter = new Date(now + (options.days ?? CERT_VALIDITY_DAYS) * DAY_MS);
  const subject = [
    { name: 'commonName', value: options.commonName ?? 'Hookscope local receiver' },
    { name: 'organizationName', value: 'Hookscope' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: sans.map((s) => (IP_PATTERN.test(s) ? { type: 7, ip: s } : { type: 2, value: s })),
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  signWithNode(cert, privateKey);
  const pem = forge.pki.certificateToPem(cert);
  return { ...describeCertificate(pem), keyPem };
}

/**
 * What forge's `cert.sign` does, with the RSA operation done by node:crypto: forge's pure-JS private-key
 * operation takes about a second, OpenSSL's a millisecond.
 */
function signWithNode(cert: forge.pki.Certificate, privateKey: KeyObject): void {
  const oid = forge.pki.oids.sha256WithRSAEncryption;
  if (!oid) throw new Error('node-forge lacks the sha256WithRSAEncryption OID');
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  const tbs = forge.asn1.toDer(forgePki.getTBSCertificate(cert)).getBytes();
  cert.signature = nodeSign('sha256', Buffer.from(tbs, 'binary'), privateKey).toString('binary');
}

/** Node shows IPv6 SANs expanded (0:0:0:0:0:0:0:1); people know them compressed (::1). */
function compressIPv6(address: string): string {
  if (!/^[0-9a-f]+(:[0-9a-f]+){7}$/i.test(address)) return address;
  const groups = address.split(':').map((g) => g.replace(/^0+(?=.)/, '').toLowerCase());
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.start < 0) return groups.join(':');
  const head = groups.slice(0, best.start).join(':');
  const tail = groups.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

/** Fingerprint, validity and SANs of a PEM certificate, as shown in the UI. */
export function describeCertificate(pem: string): CertInfo {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(pem);
  } catch (err) {
    throw new KeyFormatError(`not a readable X.509 certificate (${(err as Error).message})`);
  }
  const sans = (x509.subjectAltName ?? '')
    .split(', ')
    .filter(Boolean)
    .map((entry) => compressIPv6(entry.replace(/^(DNS|IP Address):/, '')));
  return {
    pem: x509.toString(),
    fingerprint: colonHex(sha256(x509.raw)),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
    sans,
  };
}

/**
 * What GET /api/certificate shows: the certificate the receiver serves HTTPS with. The host generates it
 * (generateSelfSignedCertificate) and passes it in; without one the receiver speaks plain HTTP.
 */
export function receiverCertificate(tls: { cert: string } | undefined): CertInfo {
  if (!tls) {
    throw new HookscopeError(
      'unavailable',
      'the receiver runs plain HTTP, so there is no certificate; enable HTTPS for the receiver first',
    );
  }
  return describeCertificate(tls.cert);
}
