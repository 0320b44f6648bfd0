/**
 * Shown in a browser tab that has no (valid) token: explains where the token comes from and takes the
 * printed URL or the bare token. Never a dead end: the instructions work on a fresh machine.
 */
import { type FormEvent, useId, useState } from 'react';
import { parsePastedToken } from '../api/token.js';
import { resolveTheme } from '../state/ui-slice.js';
import { LogoIcon } from '../ui/icons.js';
import { cachedThemeSetting, useDocumentTheme, useSystemTheme } from './theme.js';

export interface ConnectScreenProps {
  /** Why we are here again (refused token, host unreachable); absent on a first visit. */
  error?: string;
  onToken(token: string): void;
  onRetry?: () => void;
}

export function ConnectScreen({ error, onToken, onRetry }: ConnectScreenProps) {
  useDocumentTheme(resolveTheme(cachedThemeSetting(), useSystemTheme()));
  const [value, setValue] = useState('');
  const [inputError, setInputError] = useState<string>();
  const inputId = useId();
  const origin = window.location.origin;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parsePastedToken(value, origin);
    if (parsed.kind === 'invalid') return setInputError(parsed.message);
    setInputError(undefined);
    // A URL for another Hookscope (another port) is opened as it is; that page reads its own token.
    if (parsed.kind === 'url' && !parsed.sameOrigin) return window.location.assign(parsed.url);
    onToken(parsed.token);
  };

  return (
    <main className="connect">
      <div className="connect-card">
        <div className="connect-brand">
          <LogoIcon />
          <span>Hookscope</span>
        </div>
        <h1>Connect to Hookscope</h1>
        {error && (
          <p className="callout callout-error" role="alert">
            {error}
          </p>
        )}
        <p>
          This page talks to a Hookscope host running on this computer. The host only answers requests that
          carry its access token, a secret it makes each time it starts.
        </p>
        <ol className="connect-steps">
          <li>
            In a terminal, start Hookscope with <code>npm start</code> (or <code>hookscope serve</code>).
          </li>
          <li>
            It prints a line like <code>{origin}/#token=…</code>. Open that URL, or paste it (or just the
            token) here:
          </li>
        </ol>
        <form className="connect-form" onSubmit={submit} noValidate>
          <label htmlFor={inputId}>Hookscope URL or token</label>
          <div className="connect-row">
            <input
              id={inputId}
              type="text"
              autoComplete="off"
              spellCheck={false}
              placeholder={`${origin}/#token=…`}
              value={value}
              aria-invalid={inputError ? true : undefined}
              aria-describedby={inputError ? `${inputId}-error` : undefined}
              onChange={(e) => setValue(e.target.value)}
            />
            <button type="submit" className="button button-primary">
              Connect
            </button>
          </div>
          {inputError && (
            <p id={`${inputId}-error`} className="field-error">
              {inputError}
            </p>
          )}
        </form>
        {onRetry && (
          <p className="connect-retry">
            Host stopped or restarting?{' '}
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          </p>
        )}
        <p className="connect-note">
          The token stays in this tab only and is removed from the address bar. Started with{' '}
          <code>--token</code> or <code>HOOKSCOPE_TOKEN</code>? Use that value.
        </p>
      </div>
    </main>
  );
}
