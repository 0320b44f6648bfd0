/** `hookscope keygen`: new RSA or ed25519 key pairs as PEM files, or a new HMAC secret on stdout. */
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RSA_KEY_BITS, SCHEME_INFO } from '../../../shared/contract/signing.js';
import { toWhpk } from '../../core/signing/keys/ed25519-raw.js';
import { keyFingerprint } from '../../core/signing/keys/fingerprint.js';
import {
  DEFAULT_RSA_BITS,
  generateEd25519KeyPair,
  generateRsaKeyPair,
  type KeyPair,
} from '../../core/signing/keys/generate.js';
import { exportPrivatePem, exportPublicPem } from '../../core/signing/keys/pem.js';
import { generateSecret } from '../../core/signing/keys/secrets.js';
import { isSchemeId } from '../../core/signing/schemes/registry.js';
import { type CliCommand, UsageError } from './types.js';

export const KEYGEN_USAGE = `hookscope keygen rsa [--bits 2048] [--out DIR] [--force]
hookscope keygen ed25519 [--out DIR] [--force]
hookscope keygen secret [--scheme S]
  rsa|ed25519   writes DIR/private.pem (mode 0600, PKCS#8) and DIR/public.pem (SPKI); prints the SHA-256 fingerprint
  --bits N      RSA size: ${RSA_KEY_BITS.join(', ')} (default ${DEFAULT_RSA_BITS})
  --out DIR     where to write (default: the current directory); created if missing
  --force       overwrite existing key files (otherwise refused, so a key is never lost by accident)
  secret        prints a new HMAC secret; --scheme standard-webhooks gives the whsec_… form`;

const PRIVATE_FILE_MODE = 0o600;
const PUBLIC_FILE_MODE = 0o644;
const DIR_MODE = 0o700;

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        bits: { type: 'string' },
        out: { type: 'string' },
        scheme: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function writeKeyFiles(dir: string, pair: KeyPair, force: boolean): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  const privatePath = join(dir, 'private.pem');
  try {
    await writeFile(privatePath, exportPrivatePem(pair.privateKey), {
      mode: PRIVATE_FILE_MODE,
      flag: force ? 'w' : 'wx',
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(
        `${privatePath} already exists; pass --force to overwrite it, or choose another --out DIR`,
      );
    }
    throw err;
  }
  // writeFile applies the mode only when it creates the file; --force may have reused a looser one.
  await chmod(privatePath, PRIVATE_FILE_MODE);
  await writeFile(join(dir, 'public.pem'), exportPublicPem(pair.publicKey), { mode: PUBLIC_FILE_MODE });
}

export const run: CliCommand = async (args, io) => {
  const { values, positionals } = parse(args);
  const [type, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (type === 'secret') {
    if (values.bits !== undefined || values.out !== undefined)
      throw new UsageError('--bits and --out apply to rsa and ed25519 keys');
    const scheme = values.scheme;
    if (scheme !== undefined) {
      if (!isSchemeId(scheme))
        throw new UsageError(`unknown scheme "${scheme}"; use one of ${Object.keys(SCHEME_INFO).join(', ')}`);
      if (!SCHEME_INFO[scheme].keyTypes.includes('hmac')) {
        throw new UsageError(
          `${scheme} uses ${SCHEME_INFO[scheme].keyTypes.join('/')} keys, not secrets: run "hookscope keygen rsa"`,
        );
      }
    }
    io.stdout(`${generateSecret(scheme)}\n`);
    return 0;
  }
  if (type !== 'rsa' && type !== 'ed25519')
    throw new UsageError('say what to generate: rsa, ed25519 or secret');
  if (values.scheme !== undefined) throw new UsageError('--scheme applies to "keygen secret" only');
  if (type === 'ed25519' && values.bits !== undefined)
    throw new UsageError('ed25519 keys have a fixed size; drop --bits');
  const bits = values.bits === undefined ? DEFAULT_RSA_BITS : Number(values.bits);
  if (!(RSA_KEY_BITS as readonly number[]).includes(bits)) {
    throw new UsageError(`--bits must be one of ${RSA_KEY_BITS.join(', ')}, got "${values.bits}"`);
  }
  const dir = resolve(io.cwd, values.out ?? '.');
  const pair = type === 'rsa' ? await generateRsaKeyPair(bits) : await generateEd25519KeyPair();
  await writeKeyFiles(dir, pair, values.force === true);
  io.stdout(`${keyFingerprint(pair.publicKey)}\n`);
  io.stderr(`wrote ${join(dir, 'private.pem')} (mode 0600) and ${join(dir, 'public.pem')}\n`);
  if (type === 'ed25519') io.stderr(`Standard Webhooks public key: ${toWhpk(pair.publicKey)}\n`);
  return 0;
};
