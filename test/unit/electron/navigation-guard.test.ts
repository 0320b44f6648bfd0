/** Navigation, window.open, webviews and permissions are refused; http(s) links go to the system browser. */
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-protocol.js';
import {
  denyPermissions,
  externalLinkTarget,
  lockDownContents,
} from '../../../electron/main/navigation-guard.js';

type Handler = (event: { preventDefault(): void }, url?: string) => void;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, handler: Handler) => handlers.set(name, handler),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, url?: string) => {
    const event = { preventDefault: vi.fn() };
    handlers.get(name)!(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }) };
}

function locked() {
  const opened: string[] = [];
  const fake = fakeContents();
  lockDownContents(fake.contents, async (url) => void opened.push(url), { warn: () => {} });
  return { ...fake, opened };
}

describe('lockDownContents', () => {
  it('keeps navigation inside the app origin', () => {
    const { fire, opened } = locked();
    expect(fire('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(fire('will-navigate', 'https://docs.example/webhooks')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
    expect(opened).toEqual(['https://docs.example/webhooks']);
  });

  it('denies every new window, opening only http(s) links externally', () => {
    const { open, opened } = locked();
    for (const url of [
      'https://example.com/a',
      'http://localhost:3000/',
      'javascript:alert(1)',
      'file:///x',
      'smb://host/share',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/a', 'http://localhost:3000/']);
  });

  it('accepts only http and https as external targets', () => {
    expect(externalLinkTarget('HTTPS://Example.com')).toBe('https://example.com/');
    for (const url of ['mailto:a@b.c', 'ms-settings:', 'app://hookscope/', 'not a url']) {
      expect(externalLinkTarget(url)).toBeUndefined();
    }
  });
});

describe('denyPermissions', () => {
  it('denies requests and checks, except clipboard writes from the app', () => {
    let request:
      | ((wc: { getURL(): string }, permission: string, cb: (ok: boolean) => void) => void)
      | undefined;
    let check: ((wc: unknown, permission: string, origin: string) => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
      setDevicePermissionHandler: (h: typeof device) => {
        device = h;
      },
    };
    denyPermissions(session as unknown as Session);
    const ask = (permission: string, url: string) => {
      let granted: boolean | undefined;
      request!({ getURL: () => url }, permission, (ok) => {
        granted = ok;
      });
      return granted;
    };
    expect(ask('media', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(ask('notifications', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(ask('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`)).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check!(null, 'geolocation', APP_ORIGIN)).toBe(false);
    expect(check!(null, 'clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    expect(check!(null, 'clipboard-read', APP_ORIGIN)).toBe(false);
    expect(device!()).toBe(false);
  });
});
