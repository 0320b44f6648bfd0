/**
 * Native notifications for what needs the user while the window may be hidden: a delivery that failed for
 * good (`alert` live events) and the tunnel dropping (online → reconnecting or error). One notification per
 * alert id and one per drop: a tunnel that keeps reconnecting does not notify again until it was back online.
 * Clicking one shows the area concerned. Text comes from the engine, shown as plain text by the OS.
 */
import type { LiveMessage } from '../../shared/contract/index.js';
import type { TunnelStateName } from '../../shared/contract/tunnel.js';

export interface NotificationOptions {
  title: string;
  body: string;
}

/** Electron's Notification instance, as far as we use it. */
export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

export interface NotifierOptions {
  /** Electron's Notification.isSupported. */
  isSupported(): boolean;
  /** new Notification(options) */
  create(options: NotificationOptions): NotificationLike;
  /** Shows an area (hash route without `#/`) when a notification is clicked. */
  onClick?(route: string): void;
}

export interface LiveSource {
  readonly live: { subscribe(listener: (message: LiveMessage) => void): () => void };
}

const DROPPED: ReadonlySet<TunnelStateName> = new Set(['reconnecting', 'error']);
/** Alert ids already shown; bounded so a long session cannot grow it without end. */
const SEEN_ALERTS_LIMIT = 500;

/** Subscribes to the engine's live events; returns the unsubscribe. */
export function startNotifications(engine: LiveSource, options: NotifierOptions): () => void {
  const seenAlerts = new Set<string>();
  // Electron drops a notification's click handler if the object is garbage-collected while on screen.
  const onScreen = new Set<NotificationLike>();
  let tunnelState: TunnelStateName | undefined;

  const notify = (content: NotificationOptions, route: string) => {
    if (!options.isSupported()) return;
    const notification = options.create(content);
    onScreen.add(notification);
    notification.on('click', () => options.onClick?.(route));
    notification.on('close', () => onScreen.delete(notification));
    notification.show();
  };

  return engine.live.subscribe((message) => {
    if (message.event === 'alert') {
      const alert = message.data;
      if (seenAlerts.has(alert.id)) return;
      seenAlerts.add(alert.id);
      if (seenAlerts.size > SEEN_ALERTS_LIMIT) seenAlerts.delete(seenAlerts.values().next().value as string);
      const title =
        alert.kind === 'subscription_disabled'
          ? `Subscription disabled: ${alert.subscriptionName}`
          : `Delivery failed: ${alert.subscriptionName}`;
      notify({ title, body: alert.message }, 'deliveries');
      return;
    }
    if (message.event === 'tunnel') {
      const previous = tunnelState;
      tunnelState = message.data.state;
      if (previous === 'online' && DROPPED.has(message.data.state)) {
        const where = message.data.url
          ? `${message.data.url} is unreachable`
          : 'The public URL is unreachable';
        const why = message.data.error ? `: ${message.data.error}` : '';
        const next =
          message.data.state === 'reconnecting' ? ' Reconnecting…' : ' Reconnect from the status bar.';
        notify({ title: 'Tunnel dropped', body: `${where}${why}.${next}` }, 'inbox');
      }
    }
  });
}
