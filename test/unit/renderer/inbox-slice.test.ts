/** The inbox slice with a fake API: paging with `before`, live prepends that respect the filter, j/k. */
import { describe, expect, it, vi } from 'vitest';
import { matchesFilter } from '../../../renderer/state/inbox-slice.js';
import { applyLiveMessage, createAppStore } from '../../../renderer/state/store.js';
import type { ApiClient, CaptureSummary } from '../../../shared/contract/index.js';

const capture = (n: number, patch: Partial<CaptureSummary> = {}): CaptureSummary => ({
  id: `cap_${n}`,
  receivedAt: new Date(1_700_000_000_000 + n * 1000).toISOString(),
  endpoint: 'ep_1',
  method: 'POST',
  path: `/hooks/${n}`,
  query: '',
  size: 10,
  status: 200,
  verdict: 'valid',
  remoteAddress: '127.0.0.1',
  viaTunnel: false,
  source: 'received',
  notes: [],
  ...patch,
});

function fakeApi(total: number): ApiClient {
  const all = Array.from({ length: total }, (_, i) => capture(total - i));
  return {
    listCaptures: vi.fn(async ({ limit = 100, before }: { limit?: number; before?: string } = {}) => {
      const start = before ? all.findIndex((c) => c.id === before) + 1 : 0;
      const items = all.slice(start, start + limit);
      return { items, nextBefore: start + limit < all.length ? items.at(-1)?.id : undefined };
    }),
  } as unknown as ApiClient;
}

const store = (total: number) => createAppStore({ api: fakeApi(total), hostKind: 'browser', now: () => 0 });

describe('inbox slice', () => {
  it('loads the newest page, then older pages by cursor without duplicates', async () => {
    const s = store(450);
    await s.getState().loadCaptures();
    expect(s.getState().inbox.captures).toHaveLength(200);
    expect(s.getState().inbox.selectedId).toBe('cap_450');
    await s.getState().loadOlderCaptures();
    await s.getState().loadOlderCaptures();
    const ids = s.getState().inbox.captures.map((c) => c.id);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
    expect(s.getState().inbox.nextBefore).toBeUndefined();
  });

  it('prepends live captures that match the filter and counts unread ones while hidden', async () => {
    const s = store(3);
    s.getState().setCaptureFilter({ verdict: 'valid' });
    await s.getState().loadCaptures();
    applyLiveMessage(s, { event: 'capture', data: capture(10) });
    applyLiveMessage(s, { event: 'capture', data: capture(11, { verdict: 'invalid' }) });
    expect(s.getState().inbox.captures[0]!.id).toBe('cap_10');
    expect(s.getState().inbox.captures).toHaveLength(4);
    expect(s.getState().inbox.unread).toBe(2);
    s.getState().setInboxVisible(true);
    expect(s.getState().inbox.unread).toBe(0);
  });

  it('moves the keyboard cursor within bounds', async () => {
    const s = store(3);
    await s.getState().loadCaptures();
    s.getState().moveSelection(1);
    s.getState().moveSelection(5);
    expect(s.getState().inbox.selectedId).toBe('cap_1');
    s.getState().moveSelection(-10);
    expect(s.getState().inbox.selectedId).toBe('cap_3');
  });

  it('matches filters the way the engine does for summary fields', () => {
    const c = capture(1, { duplicateOf: 'cap_0', method: 'PUT' });
    expect(matchesFilter(c, { duplicate: true, method: 'put' })).toBe(true);
    expect(matchesFilter(c, { duplicate: false })).toBe(false);
    expect(matchesFilter(c, { endpoint: 'inbox' })).toBe(false);
    expect(matchesFilter(c, { q: 'HOOKS/1' })).toBe(true);
  });
});

describe('tunnel transitions', () => {
  it('tells about drops, recoveries and errors but not about the first state seen', async () => {
    const { transitionMessage } = await import('../../../renderer/state/tunnel-slice.js');
    const at = { host: 'h', since: '' };
    expect(transitionMessage(undefined, { ...at, state: 'online', url: 'u' })).toBeUndefined();
    expect(transitionMessage('connecting', { ...at, state: 'online', url: 'http://x' })?.message).toBe(
      'Tunnel online: http://x',
    );
    expect(transitionMessage('online', { ...at, state: 'reconnecting' })?.kind).toBe('info');
    expect(transitionMessage('reconnecting', { ...at, state: 'error', error: 'gone' })?.message).toBe(
      'Tunnel error: gone',
    );
    expect(transitionMessage('online', { ...at, state: 'off' })).toBeUndefined();
  });
});
