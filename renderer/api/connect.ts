/**
 * Decides how this window talks to the engine, and whether it can yet: the desktop bridge needs nothing;
 * the browser needs the per-run token, which is checked once with a health call before the app shows.
 */
import type { HealthInfo } from '../../shared/contract/index.js';
import { isUnauthorized, toProblem } from './errors.js';
import { forgetToken, storeToken } from './token.js';
import { bridgeTransport, httpTransport, type Transport } from './transport.js';

export type Connection =
  | { phase: 'checking' }
  | { phase: 'ready'; transport: Transport; health?: HealthInfo }
  | { phase: 'needs-token'; message?: string }
  | { phase: 'unreachable'; message: string; token: string };

export interface ConnectOptions {
  token: string | undefined;
  /** Where the host that served this page listens (location.origin in a browser). */
  baseUrl: string;
  onUnauthorized(message: string): void;
}

export async function connect(options: ConnectOptions): Promise<Connection> {
  const bridge = window.hookscope;
  if (bridge) return { phase: 'ready', transport: bridgeTransport(bridge) };
  const { token } = options;
  if (!token) return { phase: 'needs-token' };

  let verified = false;
  const transport = httpTransport({
    baseUrl: options.baseUrl,
    token,
    onUnauthorized: (message) => {
      // The first check reports a refusal itself; later ones (host restarted) go to the app.
      if (verified) options.onUnauthorized(message);
    },
  });
  try {
    const health = await transport.api.health();
    storeToken(token);
    verified = true;
    return { phase: 'ready', transport, health };
  } catch (err) {
    if (isUnauthorized(err)) {
      forgetToken();
      return {
        phase: 'needs-token',
        message: `That token was not accepted. ${sentence(toProblem(err).message)}`,
      };
    }
    return { phase: 'unreachable', message: toProblem(err).message, token };
  }
}

/** The server's message as a sentence: capital first letter, full stop at the end. */
function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
