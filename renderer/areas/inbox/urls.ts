/** Where an endpoint can be reached: on this machine (the receiver) and publicly (through the tunnel). */
import type { Endpoint, HeaderPairs, TunnelState } from '../../../shared/contract/index.js';

/** Joins a base URL (no trailing slash needed) and an absolute path. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

export function localUrl(
  receiverUrl: string | undefined,
  endpoint: Pick<Endpoint, 'path'>,
): string | undefined {
  return receiverUrl ? joinUrl(receiverUrl, endpoint.path) : undefined;
}

export function publicUrl(
  tunnel: TunnelState | undefined,
  endpoint: Pick<Endpoint, 'path'>,
): string | undefined {
  return tunnel?.state === 'online' && tunnel.url ? joinUrl(tunnel.url, endpoint.path) : undefined;
}

/** Header pairs as editable text, one `Name: value` per line. */
export function headersToText(headers: HeaderPairs): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

/** Parses `Name: value` lines back into pairs; blank lines are skipped, a line without ":" is an error. */
export function textToHeaders(text: string): { headers: HeaderPairs } | { error: string } {
  const headers: HeaderPairs = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `Line ${i + 1} is not "Name: value"` };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { headers };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Time of day for today's captures, date and time otherwise. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === now.toDateString();
  return date.toLocaleString(undefined, {
    ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
