/**
 * Where a fired event goes: every subscription whose events, scope and condition match, only the ones
 * picked, or one ad-hoc URL (signed once, not a delivery).
 */
import type { Subscription } from '../../../shared/contract/index.js';

export type Targeting = 'matching' | 'picked' | 'adhoc';

export function SubscriptionPicker({
  subscriptions,
  targeting,
  picked,
  onTargeting,
  onPicked,
  error,
}: {
  subscriptions: Subscription[];
  targeting: Targeting;
  picked: string[];
  onTargeting(t: Targeting): void;
  onPicked(ids: string[]): void;
  error?: string;
}) {
  const toggle = (id: string, on: boolean) => onPicked(on ? [...picked, id] : picked.filter((p) => p !== id));
  return (
    <fieldset className="segmented-field target-field">
      <legend>Send to</legend>
      <label className="radio-line">
        <input
          type="radio"
          name="targeting"
          checked={targeting === 'matching'}
          onChange={() => onTargeting('matching')}
        />
        Every matching subscription
      </label>
      <label className="radio-line">
        <input
          type="radio"
          name="targeting"
          checked={targeting === 'picked'}
          onChange={() => onTargeting('picked')}
        />
        Only these subscriptions
      </label>
      <label className="radio-line">
        <input
          type="radio"
          name="targeting"
          checked={targeting === 'adhoc'}
          onChange={() => onTargeting('adhoc')}
        />
        Ad-hoc URL
      </label>
      {targeting === 'picked' &&
        (subscriptions.length === 0 ? (
          <p className="field-help">
            No subscriptions yet. Create one under <a href="#/subscriptions">Subscriptions</a>.
          </p>
        ) : (
          <ul className="sub-choices" aria-label="Subscriptions">
            {subscriptions.map((sub) => (
              <li key={sub.id}>
                <label className="check-line">
                  <input
                    type="checkbox"
                    checked={picked.includes(sub.id)}
                    onChange={(e) => toggle(sub.id, e.target.checked)}
                  />
                  <span>
                    {sub.name}
                    {!sub.enabled && <span className="muted"> (disabled)</span>}
                    <span className="sub-url muted">{sub.url}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ))}
      {error && <p className="field-error">{error}</p>}
      {targeting === 'adhoc' && (
        <p className="field-help">
          Signed and sent once, like <code>hookscope send</code>: no retries, not logged as a delivery.
        </p>
      )}
    </fieldset>
  );
}
