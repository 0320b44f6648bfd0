/**
 * Security model: the UI is served from the privileged `app://hookscope` origin, never from file:// (which
 * would give the page every local file as same-origin) or from a local HTTP port (which other local
 * processes and web pages could reach). Only files under dist/renderer are served, every path is resolved
 * and checked to stay inside that folder, and HTML carries the same strict CSP as the headless host.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, MIME } from '../host/static-files.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'hookscope';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What `protocol.registerSchemesAsPrivileged` needs; registered before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: a real origin (localStorage, relative URLs); secure: treated like https (no mixed content).
  // No bypassCSP, no corsEnabled, no stream/fetch privileges the UI does not need.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const notFound = (): Response =>
  new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/**
 * Maps an app:// URL to a file under root, or undefined when it is not ours or would escape root.
 * Paths without an extension are client-side routes and get the app shell (index.html).
 */
export function resolveAppPath(root: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  // A decoded NUL or backslash has no business in a URL path; refusing beats normalising it.
  if (rel.includes('\0') || rel.includes('\\')) return undefined;
  const base = normalize(root + sep);
  const file = normalize(join(root, rel));
  if (!file.startsWith(base)) return undefined;
  return extname(file) ? file : join(root, 'index.html');
}

/** The protocol handler: reads the file and answers with its type, nosniff and (for HTML) the CSP. */
export async function serveAppRequest(
  root: string,
  request: { url: string; method: string },
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveAppPath(root, request.url);
  if (!file) return notFound();
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound();
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['referrer-policy'] = 'no-referrer';
  }
  const body = request.method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers });
}
