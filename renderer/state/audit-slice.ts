/** The audit log: newest first, paged backwards with the `before` cursor, new entries prepended live. */
import type { AuditEntry } from '../../shared/contract/index.js';
import { toProblem } from '../api/errors.js';
import type { LoadState, SliceCreator } from './types.js';

export const AUDIT_PAGE_SIZE = 50;
/** Remember only recent live arrivals (for their highlight); older ones are plain rows. */
const MAX_LIVE_IDS = 20;

export interface AuditState {
  items: AuditEntry[];
  /** Cursor for the next older page; absent once the oldest entry is loaded. */
  nextBefore?: string;
  load: LoadState;
  error?: string;
  loadingOlder: boolean;
  /** Entries that arrived live since the list was loaded, newest first. */
  liveIds: string[];
}

export interface AuditSlice {
  audit: AuditState;
  loadAudit(): Promise<void>;
  loadOlderAudit(): Promise<void>;
  receiveAudit(entry: AuditEntry): void;
}

const initial: AuditState = { items: [], load: 'idle', loadingOlder: false, liveIds: [] };

export const createAuditSlice: SliceCreator<AuditSlice> = (deps) => (set, get) => {
  const patch = (p: Partial<AuditState>) => set({ audit: { ...get().audit, ...p } });
  return {
    audit: initial,
    loadAudit: async () => {
      patch({ load: 'loading', error: undefined });
      try {
        const page = await deps.api.listAudit({ limit: AUDIT_PAGE_SIZE });
        patch({ items: page.items, nextBefore: page.nextBefore, load: 'ready', liveIds: [] });
      } catch (err) {
        patch({ load: 'error', error: toProblem(err).message });
      }
    },
    loadOlderAudit: async () => {
      const { nextBefore, loadingOlder } = get().audit;
      if (!nextBefore || loadingOlder) return;
      patch({ loadingOlder: true, error: undefined });
      try {
        const page = await deps.api.listAudit({ limit: AUDIT_PAGE_SIZE, before: nextBefore });
        patch({
          items: mergeOlder(get().audit.items, page.items),
          nextBefore: page.nextBefore,
          loadingOlder: false,
        });
      } catch (err) {
        patch({ loadingOlder: false, error: toProblem(err).message });
      }
    },
    receiveAudit: (entry) => {
      const audit = get().audit;
      // Before the first load there is no list to keep current; the load will include this entry.
      if (audit.load !== 'ready' || audit.items.some((e) => e.id === entry.id)) return;
      patch({ items: [entry, ...audit.items], liveIds: [entry.id, ...audit.liveIds].slice(0, MAX_LIVE_IDS) });
    },
  };
};

/** Appends an older page, skipping entries already shown (a live prepend can shift page edges). */
export function mergeOlder(current: AuditEntry[], older: AuditEntry[]): AuditEntry[] {
  const seen = new Set(current.map((e) => e.id));
  return [...current, ...older.filter((e) => !seen.has(e.id))];
}
