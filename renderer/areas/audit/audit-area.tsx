/** The audit log: every configuration change, newest first, live, paged backwards on demand. */
import { useEffect } from 'react';
import { useAppStore } from '../../state/use-app-store.js';
import { AreaHeader } from '../../ui/area-header.js';
import { AuditTable } from './audit-table.js';
import './audit.css';

export default function AuditArea() {
  const audit = useAppStore((s) => s.audit);
  const load = useAppStore((s) => s.loadAudit);
  const loadOlder = useAppStore((s) => s.loadOlderAudit);

  useEffect(() => {
    if (audit.load === 'idle') void load();
  }, [audit.load, load]);

  return (
    <section className="area audit" aria-labelledby="audit-title">
      <AreaHeader
        title="Audit log"
        description="Who changed which configuration, and when. Newest first; new changes appear as they happen."
      />
      {audit.error && (
        <div className="callout callout-error" role="alert">
          Could not load the audit log: {audit.error}{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => void (audit.items.length ? loadOlder() : load())}
          >
            Try again
          </button>
        </div>
      )}
      {audit.load === 'loading' && audit.items.length === 0 && (
        <p className="loading" role="status">
          Loading the audit log…
        </p>
      )}
      {audit.load === 'ready' && audit.items.length === 0 && (
        <div className="empty">
          <p className="empty-title">No changes recorded yet</p>
          <p className="muted">
            Change a setting and it appears here, with who made the change and what it was before.
          </p>
        </div>
      )}
      {audit.items.length > 0 && (
        <>
          <AuditTable entries={audit.items} liveIds={audit.liveIds} />
          <div className="audit-more">
            {audit.nextBefore ? (
              <button
                type="button"
                className="button"
                disabled={audit.loadingOlder}
                onClick={() => void loadOlder()}
              >
                {audit.loadingOlder ? 'Loading…' : 'Load older'}
              </button>
            ) : (
              <p className="muted">
                Start of the log · {audit.items.length} {audit.items.length === 1 ? 'entry' : 'entries'}
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
