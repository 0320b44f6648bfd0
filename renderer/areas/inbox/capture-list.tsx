/**
 * The capture list, virtualised: only the rows in view are in the DOM, so 100k captures scroll as
 * smoothly as ten. Older pages load as the end comes into view. A listbox: the keyboard cursor
 * (j/k) is the selected option; Enter or a click opens it. Each row's checkbox ticks it for a bulk export
 * or delete (shift-click ticks a range, `x` the cursor's row).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { type CaptureSummary, INBOX } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { formatBytes, formatWhen } from './urls.js';

const ROW_HEIGHT = 56;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 40;

export function CaptureList() {
  const captures = useAppStore((s) => s.inbox.captures);
  const selectedId = useAppStore((s) => s.inbox.selectedId);
  const openId = useAppStore((s) => s.inbox.openId);
  const nextBefore = useAppStore((s) => s.inbox.nextBefore);
  const loadingOlder = useAppStore((s) => s.inbox.loadingOlder);
  const loadOlder = useAppStore((s) => s.loadOlderCaptures);
  const open = useAppStore((s) => s.openCapture);
  const move = useAppStore((s) => s.moveSelection);
  const checked = useAppStore((s) => s.inbox.checked);
  const toggle = useAppStore((s) => s.toggleChecked);
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: captures.length + (nextBefore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (nextBefore && !loadingOlder && lastIndex >= captures.length - PREFETCH_ROWS) void loadOlder();
  }, [lastIndex, captures.length, nextBefore, loadingOlder, loadOlder]);

  const selectedIndex = captures.findIndex((c) => c.id === selectedId);
  const indexRef = useRef(selectedIndex);
  indexRef.current = selectedIndex;
  // Follow the keyboard cursor, but not a row pushed down by live arrivals (the view stays where it is).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the selection changes, not its index
  useEffect(() => {
    if (indexRef.current >= 0) virtualizer.scrollToIndex(indexRef.current, { align: 'auto' });
  }, [selectedId, virtualizer]);

  return (
    <div
      ref={scrollRef}
      className="capture-scroll"
      role="listbox"
      aria-label="Captures"
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? rowId(selectedId!) : undefined}
      onKeyDown={(event) => {
        // Arrow keys work like j/k when the list has focus.
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          move(event.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const capture = captures[item.index];
          return (
            <div
              key={item.key}
              className="capture-slot"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {capture ? (
                <CaptureRow
                  capture={capture}
                  selected={capture.id === selectedId}
                  open={capture.id === openId}
                  checked={checked.includes(capture.id)}
                  onOpen={() => void open(capture.id)}
                  onCheck={(range) => toggle(capture.id, range)}
                />
              ) : (
                <div className="capture-more muted" role="status">
                  Loading older captures…
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export const rowId = (id: string) => `capture-row-${id}`;

function CaptureRow({
  capture,
  selected,
  open,
  checked,
  onOpen,
  onCheck,
}: {
  capture: CaptureSummary;
  selected: boolean;
  open: boolean;
  checked: boolean;
  onOpen(): void;
  onCheck(range: boolean): void;
}) {
  const when = formatWhen(capture.receivedAt);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keyboard (j/k, arrows, Enter)
    <div
      id={rowId(capture.id)}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      aria-current={open ? 'true' : undefined}
      className={`capture-row${selected ? ' is-selected' : ''}${open ? ' is-open' : ''}${checked ? ' is-checked' : ''}`}
      onClick={onOpen}
    >
      <input
        type="checkbox"
        className="capture-check"
        aria-label={`Select ${capture.method} ${capture.path} at ${when}`}
        checked={checked}
        tabIndex={-1}
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => onCheck((event.nativeEvent as MouseEvent).shiftKey === true)}
      />
      <div className="capture-line">
        <span className={`method method-${capture.method.toLowerCase()}`}>{capture.method}</span>
        <span className="capture-path" title={capture.path + capture.query}>
          {capture.path}
          {capture.query && <span className="muted">{capture.query}</span>}
        </span>
        <span className={`verdict verdict-${capture.verdict}`}>{capture.verdict}</span>
      </div>
      <div className="capture-line capture-meta muted">
        <time dateTime={capture.receivedAt}>{when}</time>
        <span className={`status-code status-${Math.floor(capture.status / 100)}xx`}>
          {capture.status || '—'}
        </span>
        <span>{formatBytes(capture.size)}</span>
        {capture.eventType && <span className="tag">{capture.eventType}</span>}
        {capture.duplicateOf && <span className="badge-dup">duplicate</span>}
        {capture.viaTunnel && <span className="badge-tunnel">tunnel</span>}
        {capture.source === 'imported' && <span className="badge-imported">imported</span>}
        <span className="capture-endpoint">{endpointLabel(capture)}</span>
      </div>
    </div>
  );
}

/** The endpoint's name, or what a capture at no endpoint's path is. */
export function endpointLabel(capture: Pick<CaptureSummary, 'endpoint' | 'endpointName'>): string {
  return capture.endpoint === INBOX ? 'unmatched path' : (capture.endpointName ?? capture.endpoint);
}
