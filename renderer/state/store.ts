/**
 * The app store: one zustand store composed of slices. Plain logic with no React, so unit tests drive it
 * with a fake API; use-app-store.ts binds it to components.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LiveMessage } from '../../shared/contract/index.js';
import type { Transport } from '../api/transport.js';
import { createAuditSlice } from './audit-slice.js';
import { createClockSlice } from './clock-slice.js';
import { createConnectionSlice } from './connection-slice.js';
import { createDeliveriesSlice } from './deliveries-slice.js';
import { createInboxSlice } from './inbox-slice.js';
import { createKeysSlice } from './keys-slice.js';
import { createPlaygroundSlice } from './playground-slice.js';
import { createSettingsSlice } from './settings-slice.js';
import { createSubscriptionsSlice } from './subscriptions-slice.js';
import { createTunnelSlice } from './tunnel-slice.js';
import type { AppState, StoreDeps } from './types.js';
import { createUiSlice } from './ui-slice.js';
import { createVerifySlice } from './verify-slice.js';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createConnectionSlice(deps)(...a),
    ...createSettingsSlice(deps)(...a),
    ...createAuditSlice(deps)(...a),
    ...createUiSlice(deps)(...a),
    ...createClockSlice(deps)(...a),
    ...createDeliveriesSlice(deps)(...a),
    ...createPlaygroundSlice(deps)(...a),
    ...createInboxSlice(deps)(...a),
    ...createTunnelSlice(deps)(...a),
    ...createKeysSlice(deps)(...a),
    ...createSubscriptionsSlice(deps)(...a),
    ...createVerifySlice(deps)(...a),
  }));
}

/** Routes one live event to the slice that owns it. */
export function applyLiveMessage(store: AppStore, message: LiveMessage): void {
  const state = store.getState();
  switch (message.event) {
    case 'health':
      state.applyHealth(message.data);
      break;
    case 'settings':
      state.applySettings(message.data);
      break;
    case 'audit':
      state.receiveAudit(message.data);
      break;
    case 'delivery':
      state.receiveDelivery(message.data);
      state.noteSubscriptionDelivery(message.data);
      state.refreshClockSoon();
      break;
    case 'alert':
      state.receiveAlert(message.data);
      break;
    case 'clock':
      state.applyClock(message.data);
      break;
    case 'scenario':
      state.receiveScenario(message.data);
      break;
    case 'capture':
      state.receiveCapture(message.data);
      break;
    case 'endpoint':
      state.receiveEndpoint(message.data);
      break;
    case 'tunnel':
      state.applyTunnel(message.data);
      break;
  }
}

/** Starts live events into the store and loads what every screen needs; returns the stop function. */
export function startSession(store: AppStore, transport: Transport): () => void {
  let wasOpen = false;
  const stop = transport.connectLive(
    (message) => applyLiveMessage(store, message),
    (live) => {
      const state = store.getState();
      state.setLiveState(live);
      // Entries made while we were cut off never arrived live: reload what is on screen.
      if (live === 'open' && !wasOpen && state.audit.load === 'ready') void state.loadAudit();
      if (live === 'open' && !wasOpen && state.inbox.capturesLoad === 'ready') void state.loadCaptures();
      if (live === 'open' && !wasOpen) void state.loadTunnel();
      if (live === 'open' && !wasOpen) void state.loadClock();
      if (live === 'open' && !wasOpen && state.deliveries.load === 'ready') void state.loadDeliveries();
      if (live === 'open' && !wasOpen && state.subscriptions.load === 'ready') void state.loadSubscriptions();
      if (live === 'open') wasOpen = true;
      else if (live === 'closed') wasOpen = false;
    },
  );
  const state = store.getState();
  if (!state.health) void state.refreshHealth();
  void state.loadSettings();
  return stop;
}
