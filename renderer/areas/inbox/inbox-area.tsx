/**
 * The inbox: endpoints on the left, the live capture list in the middle, the open capture on the right.
 * Keyboard: j/k move, x ticks, Enter opens, / searches, r replays, c copies curl, Esc closes (see `?`).
 */
import { useEffect, useRef, useState } from 'react';
import type { Endpoint } from '../../../shared/contract/index.js';
import { toProblem } from '../../api/errors.js';
import { useShortcuts } from '../../shell/use-shortcuts.js';
import { useAppStore, useAppStoreApi } from '../../state/use-app-store.js';
import { AreaHeader } from '../../ui/area-header.js';
import { CaptureDetailPanel } from './capture-detail.js';
import { CaptureFilters } from './capture-filters.js';
import { CaptureList } from './capture-list.js';
import { downloadText, harFilename } from './download.js';
import { EmptyState } from './empty-state.js';
import { EndpointEditor } from './endpoint-editor.js';
import { EndpointsPanel } from './endpoints-panel.js';
import { ImportDialog } from './import-dialog.js';
import { ReplayDialog } from './replay-dialog.js';
import { SelectionBar } from './selection-bar.js';
import './inbox.css';

type ExportScope = 'all' | 'filtered' | 'selected';

export default function InboxArea() {
  const store = useAppStoreApi();
  const inbox = useAppStore((s) => s.inbox);
  const loadEndpoints = useAppStore((s) => s.loadEndpoints);
  const loadCaptures = useAppStore((s) => s.loadCaptures);
  const loadInboxKeys = useAppStore((s) => s.loadInboxKeys);
  const setInboxVisible = useAppStore((s) => s.setInboxVisible);
  const moveSelection = useAppStore((s) => s.moveSelection);
  const openCapture = useAppStore((s) => s.openCapture);
  const pushToast = useAppStore((s) => s.pushToast);
  const captureCurl = useAppStore((s) => s.captureCurl);
  const exportHar = useAppStore((s) => s.exportHar);
  const deleteCapture = useAppStore((s) => s.deleteCapture);
  const toggleChecked = useAppStore((s) => s.toggleChecked);
  const searchRef = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<{ endpoint?: Endpoint } | undefined>();
  const [replaying, setReplaying] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exportScope, setExportScope] = useState<ExportScope>('all');

  useEffect(() => {
    setInboxVisible(true);
    const state = store.getState();
    if (state.inbox.endpointsLoad === 'idle') void loadEndpoints();
    if (state.inbox.capturesLoad === 'idle') void loadCaptures();
    void loadInboxKeys();
    return () => setInboxVisible(false);
  }, [store, setInboxVisible, loadEndpoints, loadCaptures, loadInboxKeys]);

  const copyCurl = async (id = inbox.openId ?? inbox.selectedId) => {
    if (!id) return;
    try {
      await navigator.clipboard.writeText(await captureCurl(id));
      pushToast({ kind: 'success', message: 'Copied as curl' });
    } catch (err) {
      pushToast({ kind: 'error', message: `Could not copy: ${toProblem(err).message}` });
    }
  };

  /** `only` names the captures outright (the detail panel's own export). */
  const runExport = async (scope: ExportScope, only?: string[]) => {
    // The ticked captures; with none ticked, the open one (or the cursor's).
    const current = inbox.openId ?? inbox.selectedId;
    const ids = only ?? (inbox.checked.length ? inbox.checked : current ? [current] : []);
    if (scope === 'selected' && ids.length === 0) {
      return pushToast({ kind: 'error', message: 'Select a capture to export it.' });
    }
    try {
      const har = await exportHar(scope === 'selected' ? { ids } : { filtered: scope === 'filtered' });
      downloadText(harFilename(scope), har);
      const count = (JSON.parse(har) as { log?: { entries?: unknown[] } }).log?.entries?.length ?? 0;
      pushToast({
        kind: 'success',
        message: `Exported ${count} ${count === 1 ? 'capture' : 'captures'} as HAR`,
      });
    } catch (err) {
      pushToast({ kind: 'error', message: `Export failed: ${toProblem(err).message}` });
    }
  };

  const openReplay = async () => {
    const id = inbox.openId ?? inbox.selectedId;
    if (!id) return;
    if (inbox.openId !== id || !inbox.detail) await openCapture(id);
    setReplaying(true);
  };

  useShortcuts('Inbox', [
    { key: 'j', description: 'Next capture', run: () => moveSelection(1) },
    { key: 'k', description: 'Previous capture', run: () => moveSelection(-1) },
    {
      key: 'x',
      description: 'Select or deselect the focused capture',
      run: () => inbox.selectedId && toggleChecked(inbox.selectedId),
    },
    {
      key: 'Enter',
      description: 'Open the selected capture',
      run: () => inbox.selectedId && void openCapture(inbox.selectedId),
    },
    { key: '/', description: 'Search captures', run: () => searchRef.current?.focus() },
    { key: 'r', description: 'Replay the open capture', run: () => void openReplay() },
    { key: 'c', description: 'Copy the open capture as curl', run: () => void copyCurl() },
    {
      key: 'Escape',
      description: 'Close the capture (or leave the search box)',
      inFields: true,
      run: (event) => {
        if (event.target === searchRef.current) return searchRef.current?.blur();
        void openCapture(undefined);
      },
    },
  ]);

  const filterActive = Object.values(inbox.filter).some((v) => v !== undefined);
  const pickedEndpoint = inbox.endpoints.find((e) => e.id === inbox.filter.endpoint) ?? inbox.endpoints[0];
  const showEmpty = inbox.capturesLoad === 'ready' && inbox.captures.length === 0;

  return (
    <section className="area inbox" aria-labelledby="inbox-title">
      <AreaHeader
        title="Inbox"
        description="Webhooks that reached the receiver, byte for byte, verified as they land."
        actions={
          <>
            <button type="button" className="button" onClick={() => setImporting(true)}>
              Import…
            </button>
            <div className="export-group">
              <select
                aria-label="Export scope"
                value={exportScope}
                onChange={(e) => setExportScope(e.target.value as ExportScope)}
              >
                <option value="all">All captures</option>
                <option value="filtered">Filtered captures</option>
                <option value="selected">
                  {inbox.checked.length ? `Selected captures (${inbox.checked.length})` : 'Selected capture'}
                </option>
              </select>
              <button type="button" className="button" onClick={() => void runExport(exportScope)}>
                Export HAR
              </button>
            </div>
          </>
        }
      />
      <div className="inbox-layout">
        <EndpointsPanel onEdit={(endpoint) => setEditing({ endpoint })} />
        <div className="inbox-captures">
          <CaptureFilters searchRef={searchRef} />
          {inbox.capturesError && (
            <p className="callout callout-error" role="alert">
              {inbox.capturesError}{' '}
              <button type="button" className="button button-small" onClick={() => void loadCaptures()}>
                Try again
              </button>
            </p>
          )}
          {inbox.capturesLoad === 'loading' && inbox.captures.length === 0 && (
            <p className="loading" role="status">
              Loading captures…
            </p>
          )}
          {showEmpty && filterActive && !inbox.filter.endpoint && (
            <p className="muted no-match">No captures match this filter.</p>
          )}
          {showEmpty && (!filterActive || inbox.filter.endpoint) && <EmptyState endpoint={pickedEndpoint} />}
          {inbox.captures.length > 0 && <SelectionBar />}
          {inbox.captures.length > 0 && <CaptureList />}
        </div>
        <CaptureDetailPanel
          actions={{
            onReplay: () => void openReplay(),
            onCopyCurl: () => void copyCurl(),
            onExport: () => inbox.openId && void runExport('selected', [inbox.openId]),
            onDelete: () => inbox.openId && void deleteCapture(inbox.openId),
            onClose: () => void openCapture(undefined),
          }}
        />
      </div>
      {editing && <EndpointEditor endpoint={editing.endpoint} onClose={() => setEditing(undefined)} />}
      {replaying && inbox.detail && (
        <ReplayDialog capture={inbox.detail} onClose={() => setReplaying(false)} />
      )}
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
    </section>
  );
}
