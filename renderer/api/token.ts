/**
 * The per-run access token of the headless host. It arrives in the URL fragment (`#token=…`, never sent
 * to the server or written to its logs), is kept in sessionStorage so a reload keeps working, and is
 * removed from the address bar so it does not end up in screenshots, history or a shared link.
 */

const STORAGE_KEY = 'hookscope.token';
/** Tokens the host makes are base64url; people may also pick their own with --token. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{8,512}$/;
const FRAGMENT_TOKEN = /(?:^#?|[&?])token=([^&]*)/;

/** The token in a URL fragment such as `#token=abc` or `#/settings&token=abc`, if any. */
export function tokenFromFragment(fragment: string): string | undefined {
  const match = FRAGMENT_TOKEN.exec(fragment);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

/** The fragment with the token parameter removed (what stays in the address bar). */
export function fragmentWithoutToken(fragment: string): string {
  const stripped = fragment.replace(/([&?]|^#?)token=[^&]*&?/, '$1').replace(/[&?]$/, '');
  return stripped === '#' || stripped === '' ? '' : stripped;
}

export type PastedToken =
  | { kind: 'token'; token: string }
  | { kind: 'url'; url: string; token: string; sameOrigin: boolean }
  | { kind: 'invalid'; message: string };

/** Reads what a person pasted: the URL printed at start-up, or the bare token. */
export function parsePastedToken(input: string, currentOrigin: string): PastedToken {
  const text = input.trim();
  if (text === '') return { kind: 'invalid', message: 'Paste the URL Hookscope printed, or its token.' };
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { kind: 'invalid', message: 'That does not look like a URL.' };
    }
    const token = tokenFromFragment(url.hash);
    if (!token)
      return {
        kind: 'invalid',
        message: 'That URL has no "#token=…" part. Copy the whole line Hookscope printed.',
      };
    return { kind: 'url', url: url.href, token, sameOrigin: url.origin === currentOrigin };
  }
  const fromFragment = tokenFromFragment(text);
  const token = fromFragment ?? text;
  if (!TOKEN_PATTERN.test(token)) {
    return { kind: 'invalid', message: 'A token is 8 or more letters, digits or -_.~+/= with no spaces.' };
  }
  return { kind: 'token', token };
}

export function loadStoredToken(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeToken(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage disabled: the token still works for this page; a reload will ask again.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/**
 * Takes the token out of the address bar (keeping it in sessionStorage) and returns the token to use:
 * the one in the URL if present, else the one kept from earlier in this tab.
 */
export function takeTokenFromLocation(): string | undefined {
  const fromUrl = tokenFromFragment(window.location.hash);
  if (fromUrl) {
    storeToken(fromUrl);
    const { pathname, search } = window.location;
    window.history.replaceState(
      window.history.state,
      '',
      pathname + search + fragmentWithoutToken(window.location.hash),
    );
    return fromUrl;
  }
  return loadStoredToken();
}
