/** One connected session: its own store, live events flowing into it, and the app shell on top. */
import { useEffect, useState } from 'react';
import type { HealthInfo } from '../../shared/contract/index.js';
import type { Transport } from '../api/transport.js';
import { createAppStore, startSession } from '../state/store.js';
import { AppStoreProvider } from '../state/use-app-store.js';
import { AppShell } from './app-shell.js';
import { systemTheme } from './theme.js';

export function Session({ transport, initialHealth }: { transport: Transport; initialHealth?: HealthInfo }) {
  const [store] = useState(() => {
    const created = createAppStore({ api: transport.api, hostKind: transport.kind, now: Date.now });
    if (initialHealth) created.getState().applyHealth(initialHealth);
    created.getState().setSystemTheme(systemTheme());
    return created;
  });

  useEffect(() => startSession(store, transport), [store, transport]);

  return (
    <AppStoreProvider store={store}>
      <AppShell />
    </AppStoreProvider>
  );
}
