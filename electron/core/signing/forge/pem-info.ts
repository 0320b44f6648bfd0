/**
 * Reading PEM for people: what a block is, its algorithm, size and fingerprint, a certificate's names and
 * dates, and an outline of the ASN.1 structure (node-forge's DER parser) so a damaged or unexpected file
 * can be understood without openssl.
 */
import forge from 'node-forge';
import { KeyFormatError } from '../errors.js';
import { keyFingerprint } from '../keys/fingerprint.js';
import { parsePem, rsaBits } from '../keys/pem.js';
import { describeCertificate } from './certificate.js';

export interface PemInfo {
  label: string;
  kind: 'private-key' | 'public-key' | 'certificate';
  format: string;
  algorithm: string;
  bits?: number;
  /** Of the public key (SPKI DER); certificates also get `certificateFingerprint`. */
  fingerprint: string;
  certificateFingerprint?: string;
  subject?: string;
  issuer?: string;
  notBefore?: string;
  notAfter?: string;
  sans?: string[];
  /** One line per ASN.1 node, indented by depth, e.g. "  SEQUENCE (3)". */
  outline: string[];
}

const MAX_OUTLINE_LINES = 200;
const MAX_DEPTH = 8;
const TAG_NAMES: Record<number, string> = {
  1: 'BOOLEAN',
  2: 'INTEGER',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  5: 'NULL',
  6: 'OBJECT IDENTIFIER',
  12: 'UTF8String',
  16: 'SEQUENCE',
  17: 'SET',
  19: 'PrintableString',
  23: 'UTCTime',
  24: 'GeneralizedTime',
};

function outlineOf(node: forge.asn1.Asn1, depth: number, lines: string[]): void {
  if (lines.length >= MAX_OUTLINE_LINES) return;
  const indent = '  '.repeat(depth);
  const name =
    node.tagClass === forge.asn1.Class.UNIVERSAL
      ? (TAG_NAMES[node.type] ?? `tag ${node.type}`)
      : `[${node.type}]`;
  if (Array.isArray(node.value)) {
    lines.push(`${indent}${name} (${node.value.length})`);
    if (depth < MAX_DEPTH) for (const child of node.value) outlineOf(child, depth + 1, lines);
    return;
  }
  const raw = node.value;
  let shown = `${raw.length} bytes`;
  if (node.type === forge.asn1.Type.OID) {
    const oid = forge.asn1.derToOid(raw);
    shown = `${oid}${forge.pki.oids[oid] ? ` (${forge.pki.oids[oid]})` : ''}`;
  } else if ([12, 19, 23, 24].includes(node.type)) {
    shown = JSON.stringify(raw);
  }
  lines.push(`${indent}${name} ${shown}`);
}

/** Decodes the first PEM block's DER into an outline; never throws for malformed DER (says so instead). */
export function asn1Outline(pem: string): string[] {
  try {
    const der = forge.pem.decode(pem)[0]?.body;
    if (der === undefined) return ['(no PEM block)'];
    const lines: string[] = [];
    outlineOf(forge.asn1.fromDer(der), 0, lines);
    return lines;
  } catch (err) {
    return [`(not valid DER: ${(err as Error).message})`];
  }
}

const distinguishedName = (attributes: forge.pki.CertificateField[]): string =>
  attributes.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(', ');

/** Everything worth showing about a PEM key or certificate. Throws KeyFormatError for unusable text. */
export function describePem(pem: string): PemInfo {
  const parsed = parsePem(pem);
  const info: PemInfo = {
    label: parsed.label,
    kind: parsed.format === 'x509' ? 'certificate' : parsed.isPrivate ? 'private-key' : 'public-key',
    format: parsed.format,
    algorithm: parsed.algorithm,
    fingerprint: keyFingerprint(parsed.key),
    outline: asn1Outline(pem),
  };
  const bits = parsed.algorithm === 'rsa' ? rsaBits(parsed.key) : 256;
  if (bits) info.bits = bits;
  if (parsed.format === 'x509') {
    const block = forge.pem.decode(pem).find((b) => b.type === 'CERTIFICATE');
    if (!block) throw new KeyFormatError('the CERTIFICATE block could not be decoded');
    const described = describeCertificate(forge.pem.encode(block));
    Object.assign(info, {
      certificateFingerprint: described.fingerprint,
      notBefore: described.notBefore,
      notAfter: described.notAfter,
      sans: described.sans,
    });
    try {
      const cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(block.body));
      info.subject = distinguishedName(cert.subject.attributes);
      info.issuer = distinguishedName(cert.issuer.attributes);
    } catch {
      // forge reads RSA certificates only; an ed25519 certificate still gets fingerprint, dates and SANs.
    }
  }
  return info;
}
