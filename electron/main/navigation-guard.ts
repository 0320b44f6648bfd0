/**
 * Security model: no web content may leave the app origin, open a window, attach a webview or get a
 * permission. Links to http(s) pages open in the user's browser via shell.openExternal (never other
 * schemes: file:, smb:, custom handlers can run code); everything else is refused and logged.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol.js';

/** Writing to the clipboard (sanitized) from a click is how "copy URL / copy as curl" works; nothing else. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);
const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** True for URLs on the app origin (scheme and host; Node gives custom schemes an opaque origin). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    const app = new URL(APP_ORIGIN);
    return url.protocol === app.protocol && url.host === app.host;
  } catch {
    return false;
  }
}

/** The URL to hand to the system browser, or undefined when it must not leave the app at all. */
export function externalLinkTarget(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return EXTERNAL_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

type OpenExternal = (url: string) => Promise<void>;

/** Applied to every webContents the app creates (app 'web-contents-created'), not only the main window. */
export function lockDownContents(
  contents: WebContents,
  openExternal: OpenExternal,
  log: Pick<Console, 'warn'> = console,
) {
  const openOutside = (url: string) => {
    const target = externalLinkTarget(url);
    if (target) openExternal(target).catch((err) => log.warn(`hookscope: could not open ${target}:`, err));
    else log.warn(`hookscope: blocked navigation to ${url}`);
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check, except the few the UI needs from its own origin. */
export function denyPermissions(session: Session): void {
  const allowed = (permission: string, origin: string | undefined) =>
    ALLOWED_PERMISSIONS.has(permission) && origin !== undefined && isAppUrl(origin);
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(allowed(permission, contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
