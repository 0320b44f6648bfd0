/**
 * `hookscope verify`: checks a body against the headers it came with. Exit 0 and "valid"; exit 1 and the
 * signature doctor's diagnosis; exit 2 for bad usage or an unreadable key.
 */
import type { VerifyReport } from '../../../shared/contract/signing.js';
import { verifyWebhook } from '../../core/signing/verify.js';
import { asUsage, bodyArg, integerArg, keyArg, parseCli, schemeArg } from './sign.js';
import { type CliCommand, UsageError } from './types.js';

export const VERIFY_USAGE = `hookscope verify --scheme S (--secret X | --key PUBLIC.pem) -H 'Name: value' [-H …] [--tolerance SEC] [FILE|-]
  --scheme S        instafill-hmac, instnt-rsa, standard-webhooks, stripe or github
  --secret X        HMAC secret (whsec_… for standard-webhooks; whpk_… verifies v1a)
  --key FILE        PEM public key (a private key works too)
  -H 'Name: value'  a received header; repeat for each (signature, id, timestamp…)
  --tolerance SEC   allowed clock skew for timestamped schemes (default 300; 0 = do not check)
  FILE|-            the raw body exactly as received; standard input when omitted or "-"
  Exit status: 0 valid, 1 invalid (the diagnosis is printed), 2 bad usage or unreadable key`;

function headerArg(text: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!name || /\s/.test(name)) throw new UsageError(`-H takes 'Name: value', got "${text}"`);
  return [name, text.slice(colon + 1).trim()];
}

/** The report as text: the summary line, then each finding with its evidence. */
export function formatReport(report: VerifyReport): string {
  if (report.valid) return 'valid\n';
  const lines = [`invalid: ${report.summary}`];
  report.diagnosis.forEach((d, i) => {
    lines.push(`  ${i + 1}. [${d.code}] ${d.title}`, `     ${d.detail}`);
    for (const [k, v] of Object.entries(d.evidence ?? {})) lines.push(`     ${k}: ${v}`);
  });
  if (report.digestInfo) {
    const di = report.digestInfo;
    lines.push(
      `  DigestInfo: ${di.algorithm} (${di.oid}) ${di.digestHex}${di.digestOf ? ` = ${di.digestOf}` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const run: CliCommand = async (args, io) => {
  const { values, positionals } = parseCli({
    args,
    options: {
      scheme: { type: 'string' },
      secret: { type: 'string' },
      key: { type: 'string' },
      header: { type: 'string', short: 'H', multiple: true },
      tolerance: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const scheme = schemeArg(values.scheme);
  const headers = (values.header ?? []).map(headerArg);
  if (headers.length === 0) throw new UsageError("give the received headers with -H 'Name: value'");
  const toleranceSec = integerArg(values.tolerance, '--tolerance');
  const key = await keyArg(values, io);
  const body = await bodyArg(positionals, io);
  const report = asUsage(() =>
    verifyWebhook(scheme, body, headers, key, toleranceSec !== undefined ? { toleranceSec } : {}),
  );
  io.stdout(formatReport(report));
  return report.valid ? 0 : 1;
};
