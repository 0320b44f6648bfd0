/** Fresh key pairs from node:crypto, off the main thread (RSA 4096 takes a second or more). */
import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { RSA_KEY_BITS, type RsaKeyBits } from '../../../../shared/contract/signing.js';
import { KeyKindError } from '../errors.js';

const generateKeyPairAsync = promisify(generateKeyPair);

export const DEFAULT_RSA_BITS: RsaKeyBits = 2048;

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function assertRsaBits(bits: number): asserts bits is RsaKeyBits {
  if (!(RSA_KEY_BITS as readonly number[]).includes(bits)) {
    throw new KeyKindError(`RSA keys are ${RSA_KEY_BITS.join(', ')} bits; ${bits} is not offered`);
  }
}

export async function generateRsaKeyPair(bits: number = DEFAULT_RSA_BITS): Promise<KeyPair> {
  assertRsaBits(bits);
  return generateKeyPairAsync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

export const generateEd25519KeyPair = (): Promise<KeyPair> => generateKeyPairAsync('ed25519');
