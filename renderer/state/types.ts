/** The store's shape: one state object composed of slices, each made by a `StateCreator`. */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/contract/index.js';
import type { HostKind } from '../api/transport.js';
import type { AuditSlice } from './audit-slice.js';
import type { ClockSlice } from './clock-slice.js';
import type { ConnectionSlice } from './connection-slice.js';
import type { DeliveriesSlice } from './deliveries-slice.js';
import type { InboxSlice } from './inbox-slice.js';
import type { KeysSlice } from './keys-slice.js';
import type { PlaygroundSlice } from './playground-slice.js';
import type { SettingsSlice } from './settings-slice.js';
import type { SubscriptionsSlice } from './subscriptions-slice.js';
import type { TunnelSlice } from './tunnel-slice.js';
import type { UiSlice } from './ui-slice.js';
import type { VerifySlice } from './verify-slice.js';

export type AppState = ConnectionSlice &
  SettingsSlice &
  AuditSlice &
  UiSlice &
  KeysSlice &
  SubscriptionsSlice &
  VerifySlice &
  ClockSlice &
  DeliveriesSlice &
  PlaygroundSlice &
  InboxSlice &
  TunnelSlice;

/** What slices need from outside: the API and the clock. Tests pass fakes. */
export interface StoreDeps {
  api: ApiClient;
  hostKind: HostKind;
  now: () => number;
}

export type SliceCreator<T> = (deps: StoreDeps) => StateCreator<AppState, [], [], T>;

/** Loading state of something fetched from the engine. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
