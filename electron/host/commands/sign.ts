/**
 * `hookscope sign`: prints the headers a sender adds for a body, one "Name: value" per line. Also home to
 * the argument helpers `verify` shares (scheme, key and body arguments).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { SchemeId } from '../../../shared/contract/signing.js';
import { HookscopeError } from '../../../shared/errors.js';
import { parsePem } from '../../core/signing/keys/pem.js';
import { getScheme } from '../../core/signing/schemes/registry.js';
import { objectKey, type SigningKey, secretKey } from '../../core/signing/signing-key.js';
import { signWebhook } from '../../core/signing/verify.js';
import { type CliCommand, type CliIO, UsageError } from './types.js';

export const SIGN_USAGE = `hookscope sign --scheme S (--secret X | --key PRIVATE.pem) [--id ID] [--timestamp UNIX] [--event TYPE] [FILE|-]
  --scheme S       instafill-hmac, instnt-rsa, standard-webhooks, stripe or github
  --secret X       HMAC secret (whsec_… for standard-webhooks; whsk_… signs v1a)
  --key FILE       PEM private key (RSA for instnt-rsa, ed25519 for standard-webhooks v1a)
  --id ID          message id (standard-webhooks, github); random when omitted
  --timestamp N    unix seconds (standard-webhooks, stripe); now when omitted
  --event TYPE     event header value (instafill-hmac, github); read from the body's "event" when omitted
  FILE|-           the body; standard input when omitted or "-"`;

/** Runs parseArgs, turning its errors into usage errors (exit 2). */
export function parseCli<const T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function schemeArg(value: string | undefined): SchemeId {
  if (value === undefined) throw new UsageError('--scheme is required');
  try {
    return getScheme(value).id;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** `--secret X` or `--key FILE`, exactly one. Unreadable key files are usage errors (exit 2). */
export async function keyArg(values: { secret?: string; key?: string }, io: CliIO): Promise<SigningKey> {
  if ((values.secret === undefined) === (values.key === undefined))
    throw new UsageError('give exactly one of --secret or --key');
  try {
    if (values.secret !== undefined) return secretKey(values.secret);
    const path = resolve(io.cwd, values.key ?? '');
    let pem: string;
    try {
      pem = await readFile(path, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read key file ${path}: ${(err as Error).message}`);
    }
    return objectKey(parsePem(pem).key);
  } catch (err) {
    if (err instanceof HookscopeError) throw new UsageError(`${values.key ?? 'the secret'}: ${err.message}`);
    throw err;
  }
}

/** The body from FILE, or standard input for "-" or no argument. */
export async function bodyArg(positionals: string[], io: CliIO): Promise<Buffer> {
  if (positionals.length > 1) throw new UsageError(`one body at a time; unexpected "${positionals[1]}"`);
  const file = positionals[0];
  if (file === undefined || file === '-') return io.readStdin();
  try {
    return await readFile(resolve(io.cwd, file));
  } catch (err) {
    throw new UsageError(`cannot read body file ${file}: ${(err as Error).message}`);
  }
}

/** Core validation errors here are about the key or options the user typed: usage errors. */
export function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof HookscopeError) throw new UsageError(err.message);
    throw err;
  }
}

export function integerArg(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,12}$/.test(value))
    throw new UsageError(`${flag} must be a whole number of seconds, got "${value}"`);
  return Number(value);
}

export const run: CliCommand = async (args, io) => {
  const { values, positionals } = parseCli({
    args,
    options: {
      scheme: { type: 'string' },
      secret: { type: 'string' },
      key: { type: 'string' },
      id: { type: 'string' },
      timestamp: { type: 'string' },
      event: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const scheme = schemeArg(values.scheme);
  const key = await keyArg(values, io);
  const timestamp = integerArg(values.timestamp, '--timestamp');
  const body = await bodyArg(positionals, io);
  if (body.length === 0) io.stderr('hookscope sign: warning: the body is empty (0 bytes)\n');
  const headers = asUsage(() =>
    signWebhook(scheme, body, key, {
      ...(values.id !== undefined ? { id: values.id } : {}),
      ...(timestamp !== undefined ? { timestamp } : {}),
      ...(values.event !== undefined ? { event: values.event } : {}),
    }),
  );
  io.stdout(
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\n`)
      .join(''),
  );
  return 0;
};
