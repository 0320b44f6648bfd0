/**
 * The top of the tree: finds the transport, checks the token, and shows either the connect screen or the
 * app for one connected session. A token the host stops accepting (it restarted) brings the connect
 * screen back with the reason.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Connection, connect } from '../api/connect.js';
import { forgetToken, takeTokenFromLocation } from '../api/token.js';
import { ConnectScreen } from './connect-screen.js';
import { Session } from './session.js';

export function Root() {
  const [connection, setConnection] = useState<Connection>({ phase: 'checking' });
  const attemptRef = useRef(0);

  const attempt = useCallback(async (token: string | undefined) => {
    const id = ++attemptRef.current;
    setConnection({ phase: 'checking' });
    const result = await connect({
      token,
      baseUrl: window.location.origin,
      onUnauthorized: () => {
        if (id !== attemptRef.current) return;
        forgetToken();
        setConnection({
          phase: 'needs-token',
          message:
            "The host stopped accepting this window's token. It was probably restarted with a new one: open the URL it printed, or paste it below.",
        });
      },
    });
    // A newer attempt (e.g. a second paste) wins over a slow earlier one.
    if (id === attemptRef.current) setConnection(result);
  }, []);

  useEffect(() => {
    void attempt(takeTokenFromLocation());
  }, [attempt]);

  switch (connection.phase) {
    case 'checking':
      return (
        <div className="splash" role="status">
          Connecting to Hookscope…
        </div>
      );
    case 'ready':
      return <Session transport={connection.transport} initialHealth={connection.health} />;
    case 'needs-token':
      return <ConnectScreen error={connection.message} onToken={(token) => attempt(token)} />;
    case 'unreachable':
      return (
        <ConnectScreen
          error={connection.message}
          onToken={(token) => attempt(token)}
          onRetry={() => attempt(connection.token)}
        />
      );
  }
}
