import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveState, Transport } from '../../../renderer/api/transport.js';
import { AUDIT_PAGE_SIZE } from '../../../renderer/state/audit-slice.js';
import { uptimeAt } from '../../../renderer/state/connection-slice.js';
import { applyLiveMessage, createAppStore, startSession } from '../../../renderer/state/store.js';
import { resolveTheme, selectResolvedTheme } from '../../../renderer/state/ui-slice.js';
import type { ApiClient, AuditEntry, HealthInfo, Settings } from '../../../shared/contract/index.js';
import { ApiError } from '../../../shared/errors.js';

const SETTINGS: Settings = {
  theme: 'system',
  retention: { maxAgeDays: 30, maxCount: 100_000 },
  alertUrl: '',
};
const HEALTH = { version: '0.1.0', uptimeMs: 5_000, storeIssues: [] } as unknown as HealthInfo;

const entry = (n: number): AuditEntry => ({
  id: `aud_${n}`,
  at: new Date(1_700_000_000_000 + n * 1000).toISOString(),
  actor: 'test',
  action: 'settings.update',
  target: 'settings',
});

/** A fake API: audit entries 1..total, newest first, paged by id cursor. */
function fakeApi(total = 0): ApiClient {
  const all = Array.from({ length: total }, (_, i) => entry(total - i));
  return {
    health: vi.fn(async () => HEALTH),
    getSettings: vi.fn(async () => structuredClone(SETTINGS)),
    updateSettings: vi.fn(async (patch) => {
      if (patch.alertUrl === 'bad') {
        throw new ApiError({
          code: 'validation',
          message: 'invalid',
          issues: [{ path: 'alertUrl', message: 'Invalid URL' }],
        });
      }
      return { ...SETTINGS, ...patch, retention: { ...SETTINGS.retention, ...patch.retention } } as Settings;
    }),
    listAudit: vi.fn(async ({ limit = 100, before } = {}) => {
      const start = before ? all.findIndex((e) => e.id === before) + 1 : 0;
      const items = all.slice(start, start + limit);
      const last = items.at(-1);
      return { items, nextBefore: start + limit < all.length && last ? last.id : undefined };
    }),
  } as unknown as ApiClient;
}

const now = 1_000;
const makeStore = (api = fakeApi()) => createAppStore({ api, hostKind: 'browser', now: () => now });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('connection slice', () => {
  it('ticks uptime locally from the last health report', () => {
    const store = makeStore();
    store.getState().applyHealth(HEALTH);
    expect(uptimeAt(store.getState(), now)).toBe(5_000);
    expect(uptimeAt(store.getState(), now + 2_500)).toBe(7_500);
  });

  it('refreshes health when the live stream comes back', async () => {
    const api = fakeApi();
    const store = makeStore(api);
    store.getState().applyHealth(HEALTH);
    store.getState().setLiveState('open');
    store.getState().setLiveState('closed');
    store.getState().setLiveState('open');
    await vi.runAllTimersAsync();
    expect(api.health).toHaveBeenCalledTimes(2);
  });
});

describe('settings slice', () => {
  it('loads, saves with a toast, and applies live updates', async () => {
    const store = makeStore();
    await store.getState().loadSettings();
    expect(store.getState().settings?.theme).toBe('system');
    expect(await store.getState().saveSettings({ theme: 'dark' }, 'Theme set to dark')).toBe(true);
    expect(store.getState().settings?.theme).toBe('dark');
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['Theme set to dark']);
    applyLiveMessage(store, { event: 'settings', data: { ...SETTINGS, theme: 'light' } });
    expect(store.getState().settings?.theme).toBe('light');
  });

  it('keeps field issues from a refused save, and clears them one by one', async () => {
    const store = makeStore();
    await store.getState().loadSettings();
    expect(await store.getState().saveSettings({ alertUrl: 'bad' })).toBe(false);
    expect(store.getState().settingsIssues).toEqual({ alertUrl: 'Invalid URL' });
    expect(store.getState().settings?.alertUrl).toBe('');
    store.getState().clearSettingsIssue('alertUrl');
    expect(store.getState().settingsIssues).toEqual({});
  });
});

describe('optimistic saves', () => {
  it('show the change at once and roll back when the engine refuses it', async () => {
    const api = fakeApi();
    const store = makeStore(api);
    await store.getState().loadSettings();
    let release!: () => void;
    vi.mocked(api.updateSettings).mockImplementationOnce(
      () =>
        new Promise((_resolve, reject) => {
          release = () => reject(new ApiError({ code: 'internal', message: 'disk full' }));
        }),
    );
    const saving = store.getState().saveSettings({ theme: 'dark' }, 'ok', { optimistic: true });
    expect(store.getState().settings?.theme).toBe('dark');
    release();
    expect(await saving).toBe(false);
    expect(store.getState().settings?.theme).toBe('system');
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['Not saved: disk full']);
  });
});

describe('audit slice', () => {
  it('pages backwards until the start of the log', async () => {
    const store = makeStore(fakeApi(AUDIT_PAGE_SIZE + 10));
    await store.getState().loadAudit();
    expect(store.getState().audit.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(store.getState().audit.nextBefore).toBeDefined();
    await store.getState().loadOlderAudit();
    expect(store.getState().audit.items).toHaveLength(AUDIT_PAGE_SIZE + 10);
    expect(store.getState().audit.nextBefore).toBeUndefined();
  });

  it('prepends live entries once loaded, without duplicates', async () => {
    const store = makeStore(fakeApi(2));
    applyLiveMessage(store, { event: 'audit', data: entry(99) });
    expect(store.getState().audit.items).toHaveLength(0);
    await store.getState().loadAudit();
    applyLiveMessage(store, { event: 'audit', data: entry(3) });
    applyLiveMessage(store, { event: 'audit', data: entry(3) });
    expect(store.getState().audit.items.map((e) => e.id)).toEqual(['aud_3', 'aud_2', 'aud_1']);
    expect(store.getState().audit.liveIds).toEqual(['aud_3']);
  });
});

describe('session', () => {
  it('loads settings, and reloads the audit log after the live stream was cut off', async () => {
    const api = fakeApi(3);
    let setState: (s: LiveState) => void = () => {};
    const transport: Transport = {
      kind: 'browser',
      api,
      connectLive: (_onMessage, onState) => {
        setState = onState;
        return () => {};
      },
    };
    const store = makeStore(api);
    startSession(store, transport);
    setState('open');
    await store.getState().loadAudit();
    await vi.runAllTimersAsync();
    expect(store.getState().settings).toBeDefined();
    expect(api.listAudit).toHaveBeenCalledTimes(1);
    setState('closed');
    setState('connecting');
    setState('open');
    await vi.runAllTimersAsync();
    expect(api.listAudit).toHaveBeenCalledTimes(2);
  });
});

describe('ui slice', () => {
  it('resolves the theme from the setting and the system', () => {
    expect(resolveTheme('system', 'dark')).toBe('dark');
    expect(resolveTheme(undefined, 'dark')).toBe('dark');
    expect(resolveTheme('light', 'dark')).toBe('light');
    const store = makeStore();
    store.getState().setSystemTheme('dark');
    expect(selectResolvedTheme(store.getState())).toBe('dark');
  });

  it('dismisses toasts after a while, but keeps errors until dismissed', () => {
    const store = makeStore();
    store.getState().pushToast({ kind: 'success', message: 'ok' });
    const error = store.getState().pushToast({ kind: 'error', message: 'no' });
    vi.advanceTimersByTime(10_000);
    expect(store.getState().toasts.map((t) => t.message)).toEqual(['no']);
    store.getState().dismissToast(error);
    expect(store.getState().toasts).toEqual([]);
  });
});
