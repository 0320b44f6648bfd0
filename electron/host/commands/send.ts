/**
 * `hookscope send`: fires one event at a URL the way the provider would (envelope, signature, headers)
 * and prints the status, the timings and the response body. Exit 0 on a 2xx, 1 otherwise, 2 bad usage.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DEFAULT_TIMEOUT_MS,
  PROVIDER_PROFILES,
  type ProviderProfile,
} from '../../../shared/contract/dispatcher.js';
import type { HttpTimings } from '../../../shared/contract/dispatcher-model.js';
import { HookscopeError } from '../../../shared/errors.js';
import { sendOnce } from '../../core/dispatcher/send-once.js';
import { keyArg, parseCli, schemeArg } from './sign.js';
import { type CliCommand, type CliIO, UsageError } from './types.js';

export const SEND_USAGE = `hookscope send TYPE --to URL [--scheme S (--secret X | --key K)] [--data JSON|@FILE] [--test]
  TYPE             an Instafill or Instnt event type, e.g. form.completed, document.submitted
  --to URL         where to POST it (https://…, or http:// to a loopback address)
  --scheme S       sign with instafill-hmac, instnt-rsa, standard-webhooks, stripe or github
  --secret X       HMAC secret (whsec_… for standard-webhooks)
  --key K          PEM private key file (RSA for instnt-rsa)
  --data JSON      event data merged over the type's sample; @FILE reads it from a file, @- from stdin
  --test           mark the event as a test in the payload
  --profile P      envelope: instafill, instnt, standard-webhooks or custom (default: from scheme or type)
  --workspace ID   workspace_id in the Instafill envelope
  --timeout MS     give up after MS milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --insecure       allow http:// to other hosts and untrusted TLS certificates (development only)`;

const MAX_TIMEOUT_MS = 120_000;

async function dataArg(value: string | undefined, io: CliIO): Promise<Record<string, unknown> | undefined> {
  if (value === undefined) return undefined;
  let text = value;
  if (value.startsWith('@')) {
    const file = value.slice(1);
    try {
      text =
        file === '-'
          ? (await io.readStdin()).toString('utf8')
          : await readFile(resolve(io.cwd, file), 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--data is not valid JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError('--data must be a JSON object, e.g. \'{"total": 1500}\'');
  }
  return parsed as Record<string, unknown>;
}

function profileArg(value: string | undefined): ProviderProfile | undefined {
  if (value === undefined) return undefined;
  if (!(PROVIDER_PROFILES as readonly string[]).includes(value)) {
    throw new UsageError(`--profile must be one of ${PROVIDER_PROFILES.join(', ')}`);
  }
  return value as ProviderProfile;
}

function timeoutArg(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms < 1 || ms > MAX_TIMEOUT_MS)
    throw new UsageError(`--timeout must be 1-${MAX_TIMEOUT_MS} ms`);
  return ms;
}

export function formatTimings(t: HttpTimings): string {
  const part = (label: string, ms: number | undefined) =>
    ms === undefined ? [] : [`${label} ${ms.toFixed(1)} ms`];
  return [
    ...part('dns', t.dnsMs),
    ...part('connect', t.connectMs),
    ...part('tls', t.tlsMs),
    ...part('first byte', t.firstByteMs),
    `total ${t.totalMs.toFixed(1)} ms`,
  ].join(' · ');
}

export const run: CliCommand = async (args, io) => {
  const { values, positionals } = parseCli({
    args,
    options: {
      to: { type: 'string' },
      scheme: { type: 'string' },
      secret: { type: 'string' },
      key: { type: 'string' },
      data: { type: 'string' },
      test: { type: 'boolean' },
      profile: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string' },
      insecure: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [type, ...extra] = positionals;
  if (!type) throw new UsageError('name the event TYPE to send, e.g. form.completed');
  if (extra.length > 0) throw new UsageError(`one event at a time; unexpected "${extra[0]}"`);
  if (!values.to) throw new UsageError('--to URL is required');
  const signing = values.scheme !== undefined || values.secret !== undefined || values.key !== undefined;
  const scheme = signing ? schemeArg(values.scheme) : undefined;
  const key = signing ? await keyArg(values, io) : undefined;
  let result: Awaited<ReturnType<typeof sendOnce>>;
  try {
    result = await sendOnce({
      type,
      url: values.to,
      timeoutMs: timeoutArg(values.timeout),
      data: await dataArg(values.data, io),
      ...(scheme && key && { scheme, key }),
      ...(values.test && { test: true }),
      ...(values.insecure && { insecure: true }),
      ...(values.workspace !== undefined && { workspaceId: values.workspace }),
      ...(profileArg(values.profile) && { profile: profileArg(values.profile) }),
    });
  } catch (err) {
    if (err instanceof HookscopeError) throw new UsageError(err.message);
    throw err;
  }
  const { outcome, event } = result;
  const status = outcome.response
    ? `${outcome.response.status}`
    : `failed: ${outcome.error?.message ?? 'no response'}`;
  io.stdout(`POST ${outcome.request.url} → ${status}\n`);
  io.stdout(
    `event    ${event.type} ${event.id} (${result.profile}, ${result.scheme === 'none' ? 'unsigned' : result.scheme})\n`,
  );
  io.stdout(`timings  ${formatTimings(outcome.timings)}\n`);
  if (outcome.response) {
    const { body, bodyEncoding, bodyBytes, truncated } = outcome.response;
    const note = truncated ? ` (first ${Buffer.byteLength(body)} of ${bodyBytes} bytes)` : '';
    io.stdout(`\n${bodyEncoding === 'base64' ? `[binary, base64]${note}\n${body}` : `${body}${note}`}\n`);
  } else if (outcome.error) {
    io.stderr(`hookscope send: ${outcome.error.message}\n`);
  }
  return outcome.ok ? 0 : 1;
};
