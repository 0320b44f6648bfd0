/** Native notifications from live events: once per final failure, once per tunnel drop, never spam. */
import { describe, expect, it } from 'vitest';
import { type NotificationOptions, startNotifications } from '../../../electron/main/notifications.js';
import type { DispatcherAlert } from '../../../shared/contract/dispatcher-model.js';
import type { LiveMessage } from '../../../shared/contract/index.js';
import type { TunnelState } from '../../../shared/contract/tunnel.js';

function setup(supported = true) {
  const listeners = new Set<(message: LiveMessage) => void>();
  const shown: NotificationOptions[] = [];
  const clickHandlers: (() => void)[] = [];
  const clicked: string[] = [];
  const engine = {
    live: {
      subscribe(listener: (message: LiveMessage) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
  const stop = startNotifications(engine, {
    isSupported: () => supported,
    create: (options) => ({
      show: () => shown.push(options),
      on: (event, fn) => {
        if (event === 'click') clickHandlers.push(fn);
      },
    }),
    onClick: (route) => clicked.push(route),
  });
  const emit = (message: LiveMessage) => {
    for (const l of listeners) l(message);
  };
  return { emit, shown, clickHandlers, clicked, stop, listeners };
}

const alert = (id: string, over: Partial<DispatcherAlert> = {}): LiveMessage => ({
  event: 'alert',
  data: {
    id,
    kind: 'delivery_failed',
    at: '2026-01-01T00:00:00.000Z',
    subscriptionId: 'sub_1',
    subscriptionName: 'Orders',
    deliveryId: 'dlv_1',
    message: 'order.created to https://example.test failed after 5 attempts: 500',
    ...over,
  },
});

const tunnel = (state: TunnelState['state'], over: Partial<TunnelState> = {}): LiveMessage => ({
  event: 'tunnel',
  data: { state, host: 'https://localtunnel.me', since: '2026-01-01T00:00:00.000Z', ...over } as TunnelState,
});

describe('native notifications', () => {
  it('shows one notification per final delivery failure', () => {
    const n = setup();
    n.emit(alert('alr_1'));
    n.emit(alert('alr_1'));
    n.emit(alert('alr_2', { kind: 'subscription_disabled', message: '410 Gone' }));
    expect(n.shown).toEqual([
      {
        title: 'Delivery failed: Orders',
        body: 'order.created to https://example.test failed after 5 attempts: 500',
      },
      { title: 'Subscription disabled: Orders', body: '410 Gone' },
    ]);
  });

  it('clicking an alert shows the Deliveries area', () => {
    const n = setup();
    n.emit(alert('alr_1'));
    n.clickHandlers[0]!();
    expect(n.clicked).toEqual(['deliveries']);
  });

  it('notifies once when the tunnel drops, not again while it keeps reconnecting', () => {
    const n = setup();
    n.emit(tunnel('connecting'));
    n.emit(tunnel('online', { url: 'https://abc.loca.lt' }));
    n.emit(tunnel('reconnecting', { url: 'https://abc.loca.lt', error: 'socket hang up' }));
    n.emit(tunnel('reconnecting', { url: 'https://abc.loca.lt', error: 'socket hang up' }));
    n.emit(tunnel('error', { error: 'gave up' }));
    expect(n.shown).toHaveLength(1);
    expect(n.shown[0]!.title).toBe('Tunnel dropped');
    expect(n.shown[0]!.body).toContain('https://abc.loca.lt');
    expect(n.shown[0]!.body).toContain('socket hang up');
    n.clickHandlers[0]!();
    expect(n.clicked).toEqual(['inbox']);
  });

  it('notifies again after the tunnel was back online and dropped again', () => {
    const n = setup();
    n.emit(tunnel('online'));
    n.emit(tunnel('error', { error: 'health check failed' }));
    n.emit(tunnel('online'));
    n.emit(tunnel('reconnecting'));
    expect(n.shown.map((s) => s.title)).toEqual(['Tunnel dropped', 'Tunnel dropped']);
  });

  it('stays quiet for tunnel states that are not a drop, and for other events', () => {
    const n = setup();
    n.emit(tunnel('connecting'));
    n.emit(tunnel('error'));
    n.emit(tunnel('online'));
    n.emit(tunnel('off'));
    n.emit({ event: 'clock', data: {} } as LiveMessage);
    expect(n.shown).toEqual([]);
  });

  it('shows nothing where the OS has no notifications, and unsubscribes', () => {
    const n = setup(false);
    n.emit(alert('alr_1'));
    expect(n.shown).toEqual([]);
    n.stop();
    expect(n.listeners.size).toBe(0);
  });
});
