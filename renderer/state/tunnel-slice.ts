/** The public tunnel: its state (kept current by live `tunnel` events) and the settings form's save. */
import type { TunnelState, TunnelUpdate } from '../../shared/contract/index.js';
import { issuesByPath, toProblem } from '../api/errors.js';
import { notifySystem } from './system-notify.js';
import type { SliceCreator } from './types.js';

export interface TunnelSlice {
  tunnel?: TunnelState;
  tunnelSaving: boolean;
  /** Field problems from the last failed save, keyed by path (`host`, `subdomain`). */
  tunnelIssues: Record<string, string>;
  loadTunnel(): Promise<void>;
  applyTunnel(state: TunnelState): void;
  /** Saves the tunnel settings; resolves to whether the engine accepted them. */
  updateTunnel(update: TunnelUpdate): Promise<boolean>;
}

export const createTunnelSlice: SliceCreator<TunnelSlice> = (deps) => (set, get) => ({
  tunnelSaving: false,
  tunnelIssues: {},
  loadTunnel: async () => {
    try {
      set({ tunnel: await deps.api.getTunnel({}) });
    } catch {
      // Health carries the state too; the pill falls back to it.
    }
  },
  applyTunnel: (tunnel) => {
    const before = get().tunnel?.state;
    set({ tunnel });
    const message = transitionMessage(before, tunnel);
    if (!message) return;
    get().pushToast(message);
    // A drop matters even when the window is in the background (where the platform allows notifications).
    if (message.kind !== 'success') notifySystem('Hookscope tunnel', message.message);
  },
  updateTunnel: async (update) => {
    set({ tunnelSaving: true, tunnelIssues: {} });
    try {
      const tunnel = await deps.api.updateTunnel(update);
      set({ tunnel, tunnelSaving: false });
      get().pushToast({ kind: 'success', message: update.enabled ? 'Tunnel starting' : 'Tunnel turned off' });
      return true;
    } catch (err) {
      const problem = toProblem(err);
      const issues = issuesByPath(problem.issues);
      set({ tunnelSaving: false, tunnelIssues: issues });
      if (Object.keys(issues).length === 0) {
        get().pushToast({ kind: 'error', message: `Tunnel not changed: ${problem.message}` });
      }
      return false;
    }
  },
});

/** What to tell the person when the tunnel changes state on its own (drops, recovers, fails). */
export function transitionMessage(
  before: TunnelState['state'] | undefined,
  after: TunnelState,
): { kind: 'success' | 'error' | 'info'; message: string } | undefined {
  if (before === after.state || before === undefined) return undefined;
  if (after.state === 'online')
    return { kind: 'success', message: `Tunnel online: ${after.url ?? ''}`.trim() };
  if (before === 'online' && after.state === 'reconnecting') {
    return { kind: 'info', message: 'Tunnel dropped; reconnecting…' };
  }
  if (after.state === 'error') return { kind: 'error', message: `Tunnel error: ${after.error ?? 'unknown'}` };
  return undefined;
}
