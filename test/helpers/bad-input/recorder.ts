/**
 * State shared by the generated-bad-inputs suite, passed in explicitly rather than held in module globals:
 * the seeded RNG's type and a recorder of how many inputs of each group were sent, what each kind got back,
 * and which captures the host accepted (with the exact bytes sent) so they can be checked at the end.
 */
import type { seeded } from '../fault-host.js';

export type Rng = ReturnType<typeof seeded>;

export interface BadInputRecorder {
  counts: { receiver: number; api: number; imports: number; cli: number };
  /** `${kind} ${status}` → how many times that kind got that answer. */
  statuses: Record<string, number>;
  /** Captures the host answered 2xx for, with the exact bytes sent. */
  accepted: Map<string, Buffer>;
  note: (kind: string, status: number) => void;
}

export function createRecorder(): BadInputRecorder {
  const statuses: Record<string, number> = {};
  return {
    counts: { receiver: 0, api: 0, imports: 0, cli: 0 },
    statuses,
    accepted: new Map(),
    note: (kind, status) => {
      const key = `${kind} ${status}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
    },
  };
}
