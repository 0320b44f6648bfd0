/** The bottom bar: live connection, version, host, receiver URL, data folder, uptime and warnings. */

import type { LiveState } from '../api/transport.js';
import { uptimeAt } from '../state/connection-slice.js';
import { useAppStore } from '../state/use-app-store.js';
import { CopyButton } from '../ui/copy-button.js';
import { formatDuration } from '../ui/format.js';
import { WarningIcon } from '../ui/icons.js';
import { useNow } from '../ui/use-now.js';
import { ClockStatus } from './clock-control.js';

const LIVE_LABEL: Record<LiveState, string> = { open: 'Live', connecting: 'Connecting…', closed: 'Offline' };
const LIVE_HINT: Record<LiveState, string> = {
  open: 'Receiving live updates from the engine',
  connecting: 'Connecting to the live update stream',
  closed: 'Live updates stopped; reconnecting automatically',
};

export function StatusBar() {
  const live = useAppStore((s) => s.live);
  const health = useAppStore((s) => s.health);
  const healthError = useAppStore((s) => s.healthError);

  return (
    <footer className="status-bar" role="contentinfo" aria-label="Status bar">
      <span
        role="status"
        aria-label="Live connection"
        className={`live live-${live}`}
        title={LIVE_HINT[live]}
      >
        <span className="live-dot" aria-hidden="true" />
        {LIVE_LABEL[live]}
      </span>
      {health ? (
        <>
          <span className="status-item" title="Hookscope version">
            v{health.version}
          </span>
          <span
            className="status-item"
            title={health.host === 'desktop' ? 'Desktop app' : 'Headless host (browser UI)'}
          >
            {health.host === 'desktop' ? 'Desktop' : 'Headless host'}
          </span>
          <span className="status-item status-receiver">
            <span className="status-label">Receiver</span>
            <code title="Send webhooks here">{health.receiverUrl}</code>
            <CopyButton value={health.receiverUrl} label="Copy receiver URL" />
          </span>
          <span className="status-item status-data" title={health.dataDir}>
            <span className="status-label">Data</span>
            <code>{health.dataDir}</code>
          </span>
          <Uptime />
          <ClockStatus />
          <span className="status-spacer" />
          <StatusWarnings />
        </>
      ) : (
        <span className="status-item muted">{healthError ?? 'Waiting for health…'}</span>
      )}
    </footer>
  );
}

function Uptime() {
  const now = useNow(1000);
  const uptime = useAppStore((s) => uptimeAt(s, now));
  const live = useAppStore((s) => s.live);
  // While cut off from the host its uptime is unknown (it may have stopped), so show none.
  if (uptime === undefined || live !== 'open') return null;
  return (
    <span className="status-item">
      <span className="status-label">Up</span>
      <span role="timer" aria-label="Uptime">
        {formatDuration(uptime)}
      </span>
    </span>
  );
}

function StatusWarnings() {
  const issues = useAppStore((s) => s.health?.storeIssues.length ?? 0);
  const secrets = useAppStore((s) => s.health?.secretsAtRest);
  const showIssues = useAppStore((s) => s.setStoreIssuesHidden);
  return (
    <>
      {issues > 0 && (
        <button type="button" className="status-warning" onClick={() => showIssues(false)}>
          <WarningIcon />
          {issues === 1 ? '1 damaged file moved aside' : `${issues} damaged files moved aside`}
        </button>
      )}
      {secrets === 'file-permissions' && (
        <span
          className="status-warning"
          title="This host keeps secrets (signing keys, HMAC secrets) unencrypted in files only its user can read (mode 0600). The desktop app encrypts them with the system keychain."
        >
          <WarningIcon />
          Secrets not encrypted
        </span>
      )}
    </>
  );
}
