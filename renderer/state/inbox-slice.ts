/**
 * The inbox: receiver endpoints and captures. The capture list holds summaries only, newest first, paged
 * backwards with the `before` cursor as the list scrolls; live `capture` events that match the filter are
 * prepended. The open capture's full detail is fetched on demand.
 */
import type {
  CaptureDetail,
  CaptureFilter,
  CaptureSummary,
  CreateEndpointParams,
  Endpoint,
  ImportParams,
  ImportResult,
  KeyInfo,
  Replay,
  ReplayParams,
  SignParams,
  SignResult,
  UpdateEndpointParams,
} from '../../shared/contract/index.js';
import { issuesByPath, toProblem } from '../api/errors.js';
import { toggleChecked } from './capture-selection.js';
import type { LoadState, SliceCreator } from './types.js';

export const CAPTURE_PAGE_SIZE = 200;

export interface InboxState {
  endpoints: Endpoint[];
  endpointsLoad: LoadState;
  captures: CaptureSummary[];
  capturesLoad: LoadState;
  capturesError?: string;
  nextBefore?: string;
  loadingOlder: boolean;
  filter: CaptureFilter;
  /** The row the keyboard cursor is on. */
  selectedId?: string;
  /** The captures ticked for a bulk export or delete (multi-select). */
  checked: string[];
  /** Where a shift-click range starts. */
  checkAnchor?: string;
  /** The capture shown in the detail panel. */
  openId?: string;
  detail?: CaptureDetail;
  detailLoad: LoadState;
  detailError?: string;
  /** Captures that arrived live while the inbox was not on screen (the navigation badge). */
  unread: number;
  /** Whether the inbox is on screen (arrivals then count as read). */
  visible: boolean;
  /** Signing keys, for the endpoint editor and re-signing a replay. */
  keys: KeyInfo[];
}

/** The outcome of a call whose problems a form shows beside its fields. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; issues: Record<string, string>; message: string };

export interface InboxSlice {
  inbox: InboxState;
  loadEndpoints(): Promise<void>;
  /** Creates (no id) or updates an endpoint; resolves to the saved endpoint or the field problems. */
  saveEndpoint(params: CreateEndpointParams | UpdateEndpointParams): Promise<Outcome<Endpoint>>;
  deleteEndpoint(id: string): Promise<void>;
  receiveEndpoint(event: { action: 'created' | 'updated' | 'deleted'; endpoint: Endpoint }): void;
  loadCaptures(): Promise<void>;
  loadOlderCaptures(): Promise<void>;
  setCaptureFilter(filter: CaptureFilter): void;
  receiveCapture(capture: CaptureSummary): void;
  selectCapture(id: string | undefined): void;
  /** Moves the keyboard cursor by `delta` rows (j/k). */
  moveSelection(delta: number): void;
  /** Ticks or unticks a capture; `range` (shift-click) spans from the last one ticked. */
  toggleChecked(id: string, range?: boolean): void;
  /** Ticks every loaded capture, or none. */
  setAllChecked(all: boolean): void;
  openCapture(id: string | undefined): Promise<void>;
  refreshDetail(): Promise<void>;
  /** Deletes one capture; `toast: false` lets a bulk delete report once. Resolves true when deleted. */
  deleteCapture(id: string, options?: { toast?: boolean }): Promise<boolean>;
  setInboxVisible(visible: boolean): void;
  loadInboxKeys(): Promise<void>;
  replayCapture(params: ReplayParams): Promise<Outcome<Replay>>;
  /** The capture as a curl command (optionally aimed at another URL). */
  captureCurl(id: string, url?: string): Promise<string>;
  /** HAR JSON of all captures, those matching the filter, or the given ids. */
  exportHar(scope: { ids?: string[]; filtered?: boolean }): Promise<string>;
  importCaptures(params: ImportParams): Promise<Outcome<ImportResult>>;
  signBody(params: SignParams): Promise<SignResult>;
}

const initial: InboxState = {
  endpoints: [],
  endpointsLoad: 'idle',
  captures: [],
  capturesLoad: 'idle',
  loadingOlder: false,
  filter: {},
  checked: [],
  detailLoad: 'idle',
  unread: 0,
  visible: false,
  keys: [],
};

function failure(err: unknown): { ok: false; issues: Record<string, string>; message: string } {
  const problem = toProblem(err);
  return { ok: false, issues: issuesByPath(problem.issues), message: problem.message };
}

/** Does a live capture belong in a list filtered this way? `q` is judged on what a summary has. */
export function matchesFilter(capture: CaptureSummary, filter: CaptureFilter): boolean {
  if (filter.endpoint !== undefined && capture.endpoint !== filter.endpoint) return false;
  if (filter.method !== undefined && capture.method !== filter.method.toUpperCase()) return false;
  if (filter.verdict !== undefined && capture.verdict !== filter.verdict) return false;
  if (filter.duplicate !== undefined && (capture.duplicateOf !== undefined) !== filter.duplicate)
    return false;
  const q = filter.q?.trim().toLowerCase();
  if (q) {
    const hay = [capture.path, capture.query, capture.eventType ?? '', capture.eventId ?? ''].join(' ');
    if (!hay.toLowerCase().includes(q)) return false;
  }
  return true;
}

export const createInboxSlice: SliceCreator<InboxSlice> = (deps) => (set, get) => {
  const patch = (p: Partial<InboxState>) => set({ inbox: { ...get().inbox, ...p } });
  // A newer list request wins over a slower older one (the filter changed meanwhile).
  let listRequest = 0;
  let detailRequest = 0;
  return {
    inbox: initial,
    loadEndpoints: async () => {
      patch({ endpointsLoad: 'loading' });
      try {
        patch({ endpoints: await deps.api.listEndpoints(), endpointsLoad: 'ready' });
      } catch (err) {
        patch({ endpointsLoad: 'error' });
        get().pushToast({ kind: 'error', message: `Could not load endpoints: ${toProblem(err).message}` });
      }
    },
    saveEndpoint: async (params) => {
      try {
        const endpoint =
          'id' in params && params.id
            ? await deps.api.updateEndpoint(params as UpdateEndpointParams)
            : await deps.api.createEndpoint(params as CreateEndpointParams);
        get().receiveEndpoint({ action: 'updated', endpoint });
        get().pushToast({ kind: 'success', message: `Endpoint ${endpoint.name} saved` });
        return { ok: true, value: endpoint };
      } catch (err) {
        return failure(err);
      }
    },
    deleteEndpoint: async (id) => {
      try {
        await deps.api.deleteEndpoint({ id });
        patch({ endpoints: get().inbox.endpoints.filter((e) => e.id !== id) });
        get().pushToast({ kind: 'success', message: 'Endpoint deleted' });
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Not deleted: ${toProblem(err).message}` });
      }
    },
    receiveEndpoint: ({ action, endpoint }) => {
      const rest = get().inbox.endpoints.filter((e) => e.id !== endpoint.id);
      if (action === 'deleted') return patch({ endpoints: rest });
      const list = get().inbox.endpoints;
      const index = list.findIndex((e) => e.id === endpoint.id);
      patch({
        endpoints:
          index === -1 ? [...list, endpoint] : list.map((e) => (e.id === endpoint.id ? endpoint : e)),
      });
    },
    loadCaptures: async () => {
      const id = ++listRequest;
      patch({ capturesLoad: 'loading', capturesError: undefined });
      try {
        const page = await deps.api.listCaptures({ ...get().inbox.filter, limit: CAPTURE_PAGE_SIZE });
        if (id !== listRequest) return;
        const { selectedId, checked } = get().inbox;
        const loaded = new Set(page.items.map((c) => c.id));
        patch({
          captures: page.items,
          // Ticks hidden by a new filter would be exported or deleted unseen; drop them.
          checked: checked.filter((c) => loaded.has(c)),
          nextBefore: page.nextBefore,
          capturesLoad: 'ready',
          loadingOlder: false,
          selectedId: page.items.some((c) => c.id === selectedId) ? selectedId : page.items[0]?.id,
        });
      } catch (err) {
        if (id === listRequest) patch({ capturesLoad: 'error', capturesError: toProblem(err).message });
      }
    },
    loadOlderCaptures: async () => {
      const { nextBefore, loadingOlder, capturesLoad } = get().inbox;
      if (!nextBefore || loadingOlder || capturesLoad !== 'ready') return;
      const id = listRequest;
      patch({ loadingOlder: true });
      try {
        const page = await deps.api.listCaptures({
          ...get().inbox.filter,
          limit: CAPTURE_PAGE_SIZE,
          before: nextBefore,
        });
        if (id !== listRequest) return;
        const seen = new Set(get().inbox.captures.map((c) => c.id));
        patch({
          captures: [...get().inbox.captures, ...page.items.filter((c) => !seen.has(c.id))],
          nextBefore: page.nextBefore,
          loadingOlder: false,
        });
      } catch (err) {
        patch({ loadingOlder: false, capturesError: toProblem(err).message });
      }
    },
    setCaptureFilter: (filter) => {
      patch({ filter });
      void get().loadCaptures();
    },
    receiveCapture: (capture) => {
      const inbox = get().inbox;
      const unread = inbox.visible ? 0 : inbox.unread + 1;
      if (inbox.capturesLoad !== 'ready' || !matchesFilter(capture, inbox.filter)) return patch({ unread });
      if (inbox.captures.some((c) => c.id === capture.id)) return;
      patch({
        captures: [capture, ...inbox.captures],
        unread,
        selectedId: inbox.selectedId ?? capture.id,
      });
    },
    selectCapture: (selectedId) => patch({ selectedId }),
    moveSelection: (delta) => {
      const { captures, selectedId } = get().inbox;
      if (captures.length === 0) return;
      const index = captures.findIndex((c) => c.id === selectedId);
      const next = Math.max(0, Math.min(captures.length - 1, index === -1 ? 0 : index + delta));
      patch({ selectedId: captures[next]?.id });
      if (next >= captures.length - 20) void get().loadOlderCaptures();
    },
    toggleChecked: (id, range) => {
      const { captures, checked, checkAnchor } = get().inbox;
      const next = toggleChecked({ checked, anchorId: checkAnchor }, captures, id, range);
      patch({ checked: next.checked, checkAnchor: next.anchorId });
    },
    setAllChecked: (all) =>
      patch({ checked: all ? get().inbox.captures.map((c) => c.id) : [], checkAnchor: undefined }),
    openCapture: async (openId) => {
      const id = ++detailRequest;
      if (!openId) return patch({ openId: undefined, detail: undefined, detailLoad: 'idle' });
      patch({ openId, selectedId: openId, detailLoad: 'loading', detailError: undefined });
      try {
        const detail = await deps.api.getCapture({ id: openId });
        if (id === detailRequest) patch({ detail, detailLoad: 'ready' });
      } catch (err) {
        if (id === detailRequest) patch({ detailLoad: 'error', detailError: toProblem(err).message });
      }
    },
    refreshDetail: async () => {
      const { openId } = get().inbox;
      if (!openId) return;
      try {
        const detail = await deps.api.getCapture({ id: openId });
        if (get().inbox.openId === openId) patch({ detail });
      } catch {
        // The panel keeps what it showed; the next open retries.
      }
    },
    deleteCapture: async (id, options) => {
      try {
        await deps.api.deleteCapture({ id });
        const { captures, openId, selectedId, checked } = get().inbox;
        const index = captures.findIndex((c) => c.id === id);
        const remaining = captures.filter((c) => c.id !== id);
        const neighbour = remaining[Math.min(index, remaining.length - 1)]?.id;
        patch({
          captures: remaining,
          selectedId: selectedId === id ? neighbour : selectedId,
          checked: checked.filter((c) => c !== id),
          ...(openId === id && { openId: undefined, detail: undefined, detailLoad: 'idle' as const }),
        });
        if (options?.toast !== false) get().pushToast({ kind: 'success', message: 'Capture deleted' });
        return true;
      } catch (err) {
        get().pushToast({ kind: 'error', message: `Not deleted: ${toProblem(err).message}` });
        return false;
      }
    },
    setInboxVisible: (visible) => patch({ visible, ...(visible && { unread: 0 }) }),
    loadInboxKeys: async () => {
      try {
        patch({ keys: await deps.api.listKeys() });
      } catch {
        // Without keys the editor still offers a secret; the list reloads next time.
      }
    },
    replayCapture: async (params) => {
      try {
        const value = await deps.api.replayCapture(params);
        void get().refreshDetail();
        return { ok: true, value };
      } catch (err) {
        return failure(err);
      }
    },
    captureCurl: (id, url) => deps.api.getCaptureCurl(url ? { id, url } : { id }),
    exportHar: ({ ids, filtered }) => {
      if (ids) return deps.api.exportHar({ ids: ids.join(',') });
      const { endpoint, method, verdict, duplicate, q } = get().inbox.filter;
      return deps.api.exportHar(
        filtered ? { endpoint, method, verdict, duplicate, q, limit: 100_000 } : { limit: 100_000 },
      );
    },
    importCaptures: async (params) => {
      try {
        const value = await deps.api.importCaptures(params);
        void get().loadCaptures();
        return { ok: true, value };
      } catch (err) {
        return failure(err);
      }
    },
    signBody: (params) => deps.api.signBody(params),
  };
};
