/** Serves the built renderer. Only files under the root; index.html for app routes. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of what the renderer build contains; shared with the desktop's app:// protocol. */
export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The UI's Content-Security-Policy: scripts and styles only from us, connections only back to us,
 * nothing framed, no plugins. Inline styles are allowed for the style attributes React sets.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function serveStatic(root: string, urlPath: string, res: ServerResponse): Promise<boolean> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return false;
  }
  if (rel.includes('\0')) return false;
  const base = normalize(root + sep);
  let file = normalize(join(root, rel));
  if (!file.startsWith(base) && file !== normalize(root)) return false;
  let info = await stat(file).catch(() => undefined);
  if (!info || info.isDirectory()) {
    // Client-side routes fall back to the app shell; missing assets with an extension stay 404.
    if (extname(rel) && rel !== '/') return false;
    file = join(root, 'index.html');
    info = await stat(file).catch(() => undefined);
    if (!info) return false;
  }
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-length': info.size,
    'x-content-type-options': 'nosniff',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
    ...(type.startsWith('text/html') && {
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'referrer-policy': 'no-referrer',
    }),
  });
  createReadStream(file).pipe(res);
  return true;
}
