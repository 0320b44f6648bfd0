/** A capture's body three ways: pretty JSON with simple highlighting, the raw text, or a hex dump. */
import { useMemo, useState } from 'react';
import type { CaptureBodyView } from '../../../shared/contract/index.js';
import { formatBytes } from './urls.js';

type Mode = 'pretty' | 'raw' | 'hex';
/** A hex dump of more than this is cut (the raw bytes are in the HAR export). */
const HEX_MAX_BYTES = 64 * 1024;
const TOKEN = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

export function BodyView({ body }: { body: CaptureBodyView }) {
  const pretty = useMemo(() => prettyJson(body.text), [body.text]);
  const [mode, setMode] = useState<Mode>(pretty !== undefined ? 'pretty' : 'raw');
  if (body.omitted) return <p className="muted">Body not kept: {body.omitted}</p>;
  if (body.size === 0) return <p className="muted">No body.</p>;
  const modes: [Mode, string][] = [
    ['pretty', 'Pretty'],
    ['raw', 'Raw'],
    ['hex', 'Hex'],
  ];
  return (
    <div className="body-view">
      <div className="body-bar">
        <fieldset className="segmented" aria-label="Body view">
          {modes.map(([id, label]) => (
            <label key={id} className="segment">
              <input
                type="radio"
                name="body-view"
                value={id}
                checked={mode === id}
                disabled={id === 'pretty' && pretty === undefined}
                onChange={() => setMode(id)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <span className="muted">
          {formatBytes(body.size)}
          {body.encoding && ` ${body.encoding}, ${formatBytes(body.decodedSize ?? 0)} decoded`} · sha256{' '}
          <code title={body.sha256}>{body.sha256.slice(0, 12)}…</code>
        </span>
      </div>
      {body.decodeError && <p className="field-error">Could not decode: {body.decodeError}</p>}
      {mode === 'pretty' && pretty !== undefined && (
        <pre className="code">
          <Highlighted json={pretty} />
        </pre>
      )}
      {mode === 'raw' && <pre className="code">{body.text ?? '(binary: see Hex)'}</pre>}
      {mode === 'hex' && <pre className="code">{hexDump(body.base64)}</pre>}
    </div>
  );
}

function prettyJson(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

/** Colours keys, strings, numbers and literals; everything else stays plain text. */
function Highlighted({ json }: { json: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of json.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(json.slice(last, at));
    const [whole, str, colon, literal, num] = match;
    const cls = str ? (colon ? 'tok-key' : 'tok-string') : literal ? 'tok-literal' : num ? 'tok-number' : '';
    parts.push(
      <span key={at} className={cls}>
        {str ?? whole}
      </span>,
    );
    if (colon) parts.push(colon);
    last = at + whole.length;
  }
  parts.push(json.slice(last));
  return <>{parts}</>;
}

/** `00000000  7b 22 61 …  |{"a…|`, 16 bytes a line. */
export function hexDump(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const shown = bytes.subarray(0, HEX_MAX_BYTES);
  const lines: string[] = [];
  for (let i = 0; i < shown.length; i += 16) {
    const row = shown.subarray(i, i + 16);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${i.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  if (bytes.length > shown.length) lines.push(`… ${bytes.length - shown.length} more bytes`);
  return lines.join('\n');
}
