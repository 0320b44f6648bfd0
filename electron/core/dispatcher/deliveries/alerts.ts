/**
 * The "admin receives a notification" half of a final failure: a live `alert` event for the UI (desktop
 * notification, toast), and when settings.alertUrl is set, a JSON POST there. The POST is best effort:
 * one attempt, short timeout, outcome returned so the delivery log can show it.
 */
import type {
  Delivery,
  DispatcherAlert,
  Subscription,
} from '../../../../shared/contract/dispatcher-model.js';
import type { LiveBus } from '../../live-bus.js';
import type { DeliveryClient } from '../http/delivery-client.js';
import { newId } from '../ids.js';

export const ALERT_POST_TIMEOUT_MS = 10_000;
const USER_AGENT = 'Hookscope alerts';

export type AlertInput = Omit<DispatcherAlert, 'id' | 'at'>;
export interface AlertPostResult {
  url: string;
  status?: number;
  error?: string;
}

export class Alerts {
  constructor(
    private readonly live: LiveBus,
    private readonly client: DeliveryClient,
    private readonly alertUrl: () => string,
    private readonly wall: () => number = Date.now,
  ) {}

  /** Emits the alert at once (synchronously); the promise is the alert webhook's outcome (undefined: none set). */
  raise(input: AlertInput): Promise<AlertPostResult | undefined> {
    const at = this.wall();
    const alert: DispatcherAlert = { id: newId('alr', at), at: new Date(at).toISOString(), ...input };
    this.live.emit('alert', alert);
    return this.#post(alert);
  }

  /**
   * A delivery failed for good: a `delivery_failed` alert, preceded by `subscription_disabled` when the
   * receiver said 410. Both live alerts go out at once; resolves with the delivery_failed post's outcome.
   */
  async finalFailure(
    delivery: Delivery,
    sub: Subscription,
    disabled: boolean,
  ): Promise<AlertPostResult | undefined> {
    const base = {
      subscriptionId: sub.id,
      subscriptionName: sub.name,
      deliveryId: delivery.id,
      eventId: delivery.eventId,
      eventType: delivery.eventType,
    };
    const disabledPost = disabled
      ? this.raise({
          ...base,
          kind: 'subscription_disabled',
          message: `${sub.name} was disabled: ${delivery.finalReason}`,
        })
      : undefined;
    const failedPost = this.raise({
      ...base,
      kind: 'delivery_failed',
      message: `${delivery.eventType} to ${sub.name} failed: ${delivery.finalReason}`,
    });
    await disabledPost;
    return failedPost;
  }

  async #post(alert: DispatcherAlert): Promise<AlertPostResult | undefined> {
    const target = this.alertUrl();
    if (!target) return undefined;
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return { url: target, error: 'settings.alertUrl is not a valid URL' };
    }
    const body = Buffer.from(JSON.stringify({ type: 'hookscope.alert', alert }));
    const outcome = await this.client.send({
      url,
      headers: [
        ['content-type', 'application/json'],
        ['user-agent', USER_AGENT],
      ],
      body,
      timeoutMs: ALERT_POST_TIMEOUT_MS,
      insecure: false,
    });
    return {
      url: target,
      ...(outcome.response && { status: outcome.response.status }),
      ...(outcome.error && { error: outcome.error.message }),
    };
  }
}
