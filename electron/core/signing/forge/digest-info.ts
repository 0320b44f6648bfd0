/**
 * Opens an RSA PKCS#1 v1.5 signature with the public key (s^e mod n, then the type-1 padding) and reads the
 * DigestInfo inside: which hash algorithm the signer named and the digest it signed. node:crypto only says
 * yes or no; this is what lets the doctor say "you hashed once" or "that is a digest of another body".
 */
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { publicOf } from '../keys/pem.js';

/** Part of forge's public API, missing from @types/node-forge. */
const forgeRsa = forge.pki.rsa as unknown as {
  decrypt(encrypted: string, key: forge.pki.rsa.PublicKey, pub: true): string;
};

export type OpenedSignature =
  | { ok: true; oid: string; algorithm: string; digest: Buffer }
  | { ok: false; reason: 'length' | 'padding' | 'asn1'; detail: string };

/** OIDs a DigestInfo may name, with node:crypto's hash names. */
const HASH_BY_OID: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.2.840.113549.2.5': 'md5',
};

export const hashNameOf = (oid: string): string | undefined => HASH_BY_OID[oid];

export function openRsaSignature(signature: Buffer, key: KeyObject): OpenedSignature {
  const publicKey = forge.pki.publicKeyFromPem(
    publicOf(key).export({ type: 'spki', format: 'pem' }).toString(),
  );
  const modulusBytes = Math.ceil(publicKey.n.bitLength() / 8);
  if (signature.length !== modulusBytes) {
    return {
      ok: false,
      reason: 'length',
      detail: `the signature is ${signature.length} bytes; a ${modulusBytes * 8}-bit key makes ${modulusBytes}-byte signatures`,
    };
  }
  let block: string;
  try {
    // pub=true: "decrypt" with the public exponent, i.e. open a signature; forge strips the type-1 padding.
    block = forgeRsa.decrypt(signature.toString('binary'), publicKey, true);
  } catch (err) {
    return { ok: false, reason: 'padding', detail: (err as Error).message };
  }
  try {
    const asn1 = forge.asn1.fromDer(block);
    const [algorithmSeq, digestOctets] = asn1.value as forge.asn1.Asn1[];
    const oidNode = (algorithmSeq?.value as forge.asn1.Asn1[] | undefined)?.[0];
    if (
      !oidNode ||
      typeof oidNode.value !== 'string' ||
      !digestOctets ||
      typeof digestOctets.value !== 'string'
    ) {
      throw new Error('not a DigestInfo SEQUENCE { AlgorithmIdentifier, OCTET STRING }');
    }
    const oid = forge.asn1.derToOid(oidNode.value);
    return {
      ok: true,
      oid,
      algorithm: hashNameOf(oid) ?? forge.pki.oids[oid] ?? oid,
      digest: Buffer.from(digestOctets.value, 'binary'),
    };
  } catch (err) {
    return { ok: false, reason: 'asn1', detail: (err as Error).message };
  }
}
