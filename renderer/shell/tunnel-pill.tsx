/**
 * The tunnel's state in the header (off / connecting / online with its URL / reconnecting / error) and,
 * on click, a dialog to turn it on or off and pick the localtunnel host and subdomain.
 */
import { type FormEvent, useEffect, useState } from 'react';
import {
  DEFAULT_TUNNEL_HOST,
  TUNNEL_REMINDER_NOTE,
  type TunnelState,
  type TunnelStateName,
} from '../../shared/contract/index.js';
import { useAppStore } from '../state/use-app-store.js';
import { CopyButton } from '../ui/copy-button.js';
import { Dialog } from '../ui/dialog.js';
import { Field } from '../ui/field.js';
import { formatDateTime } from '../ui/format.js';
import './tunnel-pill.css';

const LABEL: Record<TunnelStateName, string> = {
  off: 'Tunnel off',
  connecting: 'Tunnel connecting…',
  online: 'Tunnel online',
  reconnecting: 'Tunnel reconnecting…',
  error: 'Tunnel error',
};

export function TunnelPill() {
  const tunnel = useAppStore((s) => s.tunnel);
  const fromHealth = useAppStore((s) => s.health?.tunnel);
  const load = useAppStore((s) => s.loadTunnel);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);

  const state = tunnel?.state ?? fromHealth?.state ?? 'off';
  const url = tunnel?.url ?? fromHealth?.url;
  const host = url ? url.replace(/^https?:\/\//, '') : undefined;
  return (
    <>
      <button
        type="button"
        className={`tunnel-pill tunnel-${state}`}
        aria-haspopup="dialog"
        aria-label={`${LABEL[state]}${state === 'online' && url ? ` at ${url}` : ''}. Tunnel settings`}
        title={tunnel?.error ?? url ?? 'Expose the receiver on a public URL'}
        onClick={() => setOpen(true)}
      >
        <span className="tunnel-dot" aria-hidden="true" />
        <span>{state === 'online' && host ? host : LABEL[state]}</span>
      </button>
      <Dialog open={open} title="Public tunnel" onClose={() => setOpen(false)}>
        <TunnelPanel tunnel={tunnel} state={state} url={url} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function TunnelPanel({
  tunnel,
  state,
  url,
  onDone,
}: {
  tunnel?: TunnelState;
  state: TunnelStateName;
  url?: string;
  onDone(): void;
}) {
  const save = useAppStore((s) => s.updateTunnel);
  const saving = useAppStore((s) => s.tunnelSaving);
  const issues = useAppStore((s) => s.tunnelIssues);
  const [enabled, setEnabled] = useState(state !== 'off');
  const [host, setHost] = useState(tunnel?.host ?? DEFAULT_TUNNEL_HOST);
  const [subdomain, setSubdomain] = useState(tunnel?.subdomain ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await save({ enabled, host: host.trim(), subdomain: subdomain.trim() })) onDone();
  };

  return (
    <div className="tunnel-panel">
      <p role="status" aria-label="Tunnel state" className={`tunnel-state tunnel-${state}`}>
        <span className="tunnel-dot" aria-hidden="true" /> {LABEL[state]}
        {tunnel?.since && <span className="muted"> since {formatDateTime(tunnel.since)}</span>}
      </p>
      {url && state === 'online' && (
        <div className="url-line">
          <code>{url}</code>
          <CopyButton value={url} label="Copy public URL" />
        </div>
      )}
      {tunnel?.error && (
        <p className="callout callout-error" role="alert">
          {tunnel.error}
          {tunnel.retryAt && ` Next attempt ${formatDateTime(tunnel.retryAt)}.`}
        </p>
      )}
      {tunnel?.notice && <p className="callout">{tunnel.notice}</p>}
      {tunnel?.lastCheck && (
        <p className="muted">
          Last check {tunnel.lastCheck.ok ? 'passed' : 'failed'} ({Math.round(tunnel.lastCheck.latencyMs)} ms)
          {tunnel.lastCheck.error ? `: ${tunnel.lastCheck.error}` : ''}
        </p>
      )}
      <form className="tunnel-form" onSubmit={submit} noValidate>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Expose the receiver on a public URL
        </label>
        <Field
          label="Tunnel server"
          type="url"
          value={host}
          error={issues.host}
          help="A localtunnel server; the public one is https://localtunnel.me."
          onChange={(e) => setHost(e.target.value)}
        />
        <Field
          label="Subdomain"
          type="text"
          value={subdomain}
          error={issues.subdomain}
          placeholder="random"
          help="Ask for a fixed name (4–63 lowercase letters, digits, hyphens); empty lets the server pick."
          onChange={(e) => setSubdomain(e.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save tunnel settings'}
          </button>
        </div>
      </form>
      <p className="field-help tunnel-note">{TUNNEL_REMINDER_NOTE}</p>
    </div>
  );
}
