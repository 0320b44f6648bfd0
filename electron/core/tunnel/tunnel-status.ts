/** The tunnel's public state: patched field by field, `since` kept, one onChange call per real change. */
import type { TunnelState } from '../../../shared/contract/tunnel.js';

/** A patch may clear optional fields by setting them to undefined. */
export type StatePatch = { [K in keyof TunnelState]?: TunnelState[K] | undefined };

/** Everything that describes one connection, cleared when a new one starts or the tunnel turns off. */
export const FRESH: StatePatch = {
  url: undefined,
  error: undefined,
  notice: undefined,
  retryAt: undefined,
  lastCheck: undefined,
};

export class TunnelStatus {
  private current: TunnelState;

  constructor(
    private readonly onChange: (state: TunnelState) => void,
    private readonly now: () => number,
  ) {
    this.current = { state: 'off', host: '', since: this.iso() };
  }

  get snapshot(): TunnelState {
    return structuredClone(this.current);
  }

  get state(): TunnelState['state'] {
    return this.current.state;
  }

  set(patch: StatePatch): void {
    const next = { ...this.current, ...patch } as TunnelState;
    for (const key of Object.keys(next) as (keyof TunnelState)[]) {
      if (next[key] === undefined) delete next[key];
    }
    if (next.state !== this.current.state) next.since = this.iso();
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    this.onChange(this.snapshot);
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }
}
