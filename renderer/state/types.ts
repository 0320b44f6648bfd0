/** The store's shape: one state object composed of slices, each made by a `StateCreator`. */
import type { StateCreator } from 'zustand/vanilla';
import type { ApiClient } from '../../shared/contract/index.js';
import type { HostKind } from '../api/transport.js';
import type { AuditSlice } from './audit-slice.js';
import type { ConnectionSlice } from './connection-slice.js';
import type { SettingsSlice } from './settings-slice.js';
import type { UiSlice } from './ui-slice.js';

export type AppState = ConnectionSlice & SettingsSlice & AuditSlice & UiSlice;

/** What slices need from outside: the API and the clock. Tests pass fakes. */
export interface StoreDeps {
  api: ApiClient;
  hostKind: HostKind;
  now: () => number;
}

export type SliceCreator<T> = (deps: StoreDeps) => StateCreator<AppState, [], [], T>;

/** Loading state of something fetched from the engine. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
