/** The events fired from here, newest first, each with the deliveries it made and their live status. */
import { hrefFor } from '../../router/hash-route.js';
import { useAppStore } from '../../state/use-app-store.js';
import { StatusBadge } from '../deliveries/status-badge.js';

export function FiredList() {
  const fires = useAppStore((s) => s.fires);
  const subs = useAppStore((s) => s.sendSubscriptions);
  if (fires.length === 0) return null;
  const nameOf = (id: string) => subs.find((s) => s.id === id)?.name ?? id;
  return (
    <section className="card fired" aria-labelledby="fired-title">
      <h2 id="fired-title">Fired events</h2>
      <ul className="fired-list">
        {fires.map(({ result, deliveries }) => (
          <li key={result.event.id} className="fired-item">
            <div className="fired-head">
              <code>{result.event.type}</code>
              {result.event.test && <span className="tag tag-test">test</span>}
              <span className="muted">{result.event.id}</span>
            </div>
            {deliveries.length === 0 ? (
              <p className="muted">No subscription matched this event.</p>
            ) : (
              <ul className="fired-deliveries" aria-label={`Deliveries of ${result.event.id}`}>
                {deliveries.map((d) => (
                  <li key={d.id}>
                    <StatusBadge status={d.status} />
                    <a href={hrefFor('deliveries', [d.id])}>{d.subscriptionName}</a>
                    <span className="muted">
                      attempt {d.attemptCount}/{d.maxAttempts}
                      {d.lastStatus !== undefined && ` · ${d.lastStatus}`}
                      {d.lastStatus === undefined && d.lastError && ` · ${d.lastError}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {result.skipped.length > 0 && (
              <p className="muted">
                Skipped by condition:{' '}
                {result.skipped.map((s) => `${nameOf(s.subscriptionId)} (${s.reason})`).join(', ')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
