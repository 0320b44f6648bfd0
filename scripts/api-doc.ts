/**
 * Writes docs/api.md from the contract, so the HTTP documentation cannot drift from what the host serves.
 * Run: node --import tsx scripts/api-doc.ts  (a unit test fails when the committed file is stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { contract, type MethodName, parseRoute } from '../shared/contract/index.js';

const INTRO = `# Hookscope HTTP API

Generated from \`shared/contract/\` by \`scripts/api-doc.ts\`; do not edit by hand.

The headless host (\`hookscope serve\`) and the desktop app's engine expose the same contract. Over HTTP:

- Base URL: \`http://127.0.0.1:<port>\` (default port 4800). Loopback only.
- Every \`/api\` request needs \`Authorization: Bearer <token>\` (printed at start-up, or \`--token\` /
  \`HOOKSCOPE_TOKEN\`). Missing or wrong token: **401**. A \`Host\` other than 127.0.0.1 / localhost / [::1] with our
  port, or an \`Origin\` other than our own: **403** (DNS rebinding and CSRF protection).
- \`GET\` and \`DELETE\` take params in the query string; \`POST\`, \`PUT\`, \`PATCH\` take a JSON object body
  (\`Content-Type: application/json\`). \`:name\` path segments are params too.
- Results are JSON unless a content type is given below. Errors are JSON
  \`{"error": {"code", "message", "issues"?: [{"path", "message"}]}}\` with status 400 (bad request), 401, 403,
  404, 405 (wrong method, with \`Allow\`), 409 (conflict), 413 (too large), 422 (invalid params: unknown
  fields, wrong types, out of range — nothing is changed), 500.

\`\`\`sh
TOKEN=...   # from the start-up line
curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:4800/api/health
curl -s -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
     -d '{"theme":"dark"}' http://127.0.0.1:4800/api/settings
\`\`\`

## Live events

\`GET /api/live\` is a server-sent-events stream (\`text/event-stream\`): \`event: <name>\` and \`data: <json>\` per
message, a \`health\` event on connect, a comment line every 15 s. \`curl -N -H "Authorization: Bearer $TOKEN"
http://127.0.0.1:4800/api/live\`. Event names are listed in \`shared/contract/index.ts\` (\`LiveEvents\`).

## Methods
`;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  description?: string;
}

function describeType(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(describeType).join(' \\| ');
  if (s.type === 'array') return `${s.items ? describeType(s.items) : 'any'}[]`;
  if (s.type === 'object' && s.properties) {
    return `{ ${Object.entries(s.properties)
      .map(([k, v]) => `${k}${s.required?.includes(k) ? '' : '?'}: ${describeType(v)}`)
      .join(', ')} }`;
  }
  const base = Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
  const limits: string[] = [];
  if (s.format) limits.push(s.format);
  if (s.minimum !== undefined) limits.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) limits.push(`≤ ${s.maximum}`);
  if (s.minLength !== undefined) limits.push(`length ≥ ${s.minLength}`);
  if (s.maxLength !== undefined) limits.push(`length ≤ ${s.maxLength}`);
  return limits.length ? `${base} (${limits.join(', ')})` : base;
}

function paramTable(schema: JsonSchema): string[] {
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return ['No params.', ''];
  const lines = ['| param | type | required |', '| --- | --- | --- |'];
  for (const [key, value] of props) {
    lines.push(
      `| \`${key}\` | ${describeType(value).replace(/\n/g, ' ')} | ${schema.required?.includes(key) ? 'yes' : ''} |`,
    );
  }
  lines.push('');
  return lines;
}

export function renderApiDoc(): string {
  const rows = (Object.keys(contract) as MethodName[]).map((name) => {
    const def = contract[name];
    const { method, path } = parseRoute(def.route);
    let schema: JsonSchema;
    try {
      schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    } catch {
      schema = {};
    }
    const lines = [`### \`${method} ${path}\` — ${name}`, ''];
    if ('summary' in def && def.summary) lines.push(def.summary, '');
    if ('raw' in def && def.raw) lines.push(`Response content type: \`${def.raw}\`.`, '');
    const variants = schema.anyOf ?? schema.oneOf;
    if (variants) {
      variants.forEach((variant, i) => {
        lines.push(`Variant ${i + 1}:`, '');
        lines.push(...paramTable(variant));
      });
    } else lines.push(...paramTable(schema));
    return lines.join('\n');
  });
  return `${INTRO}\n${rows.join('\n')}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('../docs/api.md', import.meta.url), renderApiDoc());
  console.log('wrote docs/api.md');
}
