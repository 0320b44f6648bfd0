/** Connection and health: how we reach the engine, whether live events flow, what the host reports. */
import type { HealthInfo } from '../../shared/contract/index.js';
import { toProblem } from '../api/errors.js';
import type { HostKind, LiveState } from '../api/transport.js';
import type { SliceCreator } from './types.js';

export interface ConnectionSlice {
  hostKind: HostKind;
  live: LiveState;
  health?: HealthInfo;
  /** Local clock (ms) when `health` arrived, so uptime can tick between updates. */
  healthAt?: number;
  healthError?: string;
  setLiveState(state: LiveState): void;
  applyHealth(health: HealthInfo): void;
  refreshHealth(): Promise<void>;
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (deps) => (set, get) => ({
  hostKind: deps.hostKind,
  live: 'connecting',
  setLiveState: (live) => {
    const wasOpen = get().live === 'open';
    set({ live });
    // Health (uptime, store issues) may have moved on while we were cut off.
    if (live === 'open' && !wasOpen && get().health) void get().refreshHealth();
  },
  applyHealth: (health) => set({ health, healthAt: deps.now(), healthError: undefined }),
  refreshHealth: async () => {
    try {
      get().applyHealth(await deps.api.health());
    } catch (err) {
      set({ healthError: toProblem(err).message });
    }
  },
});

/** Uptime now, from the last health report plus the time since it arrived. */
export function uptimeAt(
  state: Pick<ConnectionSlice, 'health' | 'healthAt'>,
  now: number,
): number | undefined {
  if (!state.health || state.healthAt === undefined) return undefined;
  return state.health.uptimeMs + Math.max(0, now - state.healthAt);
}
