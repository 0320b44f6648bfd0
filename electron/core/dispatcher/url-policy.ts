/**
 * Where a subscription may send. Like the providers: HTTPS only (the client also refuses TLS below 1.2),
 * except to loopback hosts (your own machine) or with the per-subscription "allow insecure (development)"
 * switch. Malformed URLs, other schemes, credentials in the URL and fragments are refused with the reason.
 */
import { isIP } from 'node:net';
import { ValidationError } from '../../../shared/errors.js';

export const MIN_TLS_VERSION = 'TLSv1.2';

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || /^::ffff:127\./.test(host);
  return false;
}

/** The parsed URL, or a ValidationError (issue path `field`) saying what is wrong and how to fix it. */
export function checkDeliveryUrl(raw: string, allowInsecure: boolean, field = 'url'): URL {
  const fail = (message: string): never => {
    throw new ValidationError(`${field}: ${message}`, [{ path: field, message }]);
  };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail(`"${raw}" is not a valid URL (expected e.g. https://example.com/webhooks)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail(`only http(s) URLs can receive webhooks, not ${url.protocol}`);
  }
  if (url.hostname === '') return fail('the URL has no host');
  if (url.username || url.password) {
    return fail(
      'credentials in the URL are not allowed; send them in a custom header (e.g. Authorization) instead',
    );
  }
  if (url.hash) return fail('a URL fragment (#…) is never sent to the server; remove it');
  if (url.protocol === 'http:' && !allowInsecure && !isLoopbackHost(url.hostname)) {
    return fail(
      `webhooks are only sent over HTTPS (TLS 1.2 or newer); use https://${url.host}${url.pathname}, a loopback address, or switch on "allow insecure (development)"`,
    );
  }
  return url;
}
