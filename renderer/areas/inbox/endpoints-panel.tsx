/** The endpoints, each with its local and public URL (copy buttons); picking one filters the captures. */
import { type Endpoint, INBOX, type TunnelStateName } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';
import { CopyButton } from '../../ui/copy-button.js';
import { localUrl, publicUrl } from './urls.js';

export function EndpointsPanel({ onEdit }: { onEdit(endpoint?: Endpoint): void }) {
  const endpoints = useAppStore((s) => s.inbox.endpoints);
  const filter = useAppStore((s) => s.inbox.filter);
  const setFilter = useAppStore((s) => s.setCaptureFilter);
  const pick = (endpoint: string | undefined) => setFilter({ ...filter, endpoint });

  return (
    <nav className="endpoints" aria-label="Endpoints">
      <div className="endpoints-head">
        <h2>Endpoints</h2>
        <button type="button" className="button button-small" onClick={() => onEdit()}>
          New endpoint
        </button>
      </div>
      <ul>
        <li>
          <button
            type="button"
            className="endpoint-pick"
            aria-pressed={filter.endpoint === undefined}
            onClick={() => pick(undefined)}
          >
            All captures
          </button>
        </li>
        {endpoints.map((e) => (
          <EndpointItem
            key={e.id}
            endpoint={e}
            picked={filter.endpoint === e.id}
            onPick={() => pick(e.id)}
            onEdit={() => onEdit(e)}
          />
        ))}
        <li>
          <button
            type="button"
            className="endpoint-pick"
            aria-pressed={filter.endpoint === INBOX}
            onClick={() => pick(INBOX)}
            title="Requests to paths no endpoint claims"
          >
            Unmatched paths
          </button>
        </li>
      </ul>
    </nav>
  );
}

function EndpointItem({
  endpoint,
  picked,
  onPick,
  onEdit,
}: {
  endpoint: Endpoint;
  picked: boolean;
  onPick(): void;
  onEdit(): void;
}) {
  const receiverUrl = useAppStore((s) => s.health?.receiverUrl);
  const tunnel = useAppStore((s) => s.tunnel);
  const local = localUrl(receiverUrl, endpoint);
  const pub = publicUrl(tunnel, endpoint);
  return (
    <li className={`endpoint${picked ? ' is-picked' : ''}`} aria-label={`Endpoint ${endpoint.name}`}>
      <div className="endpoint-top">
        <button type="button" className="endpoint-pick" aria-pressed={picked} onClick={onPick}>
          <span className="endpoint-name">{endpoint.name}</span>
          <code className="endpoint-path">{endpoint.path}</code>
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-label={`Edit ${endpoint.name}`}
          onClick={onEdit}
        >
          Edit
        </button>
      </div>
      {endpoint.verify && <span className="tag">{endpoint.verify.scheme}</span>}
      {local && (
        <div className="url-line">
          <span className="url-kind">Local</span>
          <code title={local}>{local}</code>
          <CopyButton value={local} label={`Copy local URL of ${endpoint.name}`} />
        </div>
      )}
      <div className="url-line">
        <span className="url-kind">Public</span>
        {pub ? (
          <>
            <code title={pub}>{pub}</code>
            <CopyButton value={pub} label={`Copy public URL of ${endpoint.name}`} />
          </>
        ) : (
          <span className="muted">{publicHint(tunnel?.state)}</span>
        )}
      </div>
    </li>
  );
}

/** Why there is no public URL right now. */
function publicHint(state: TunnelStateName | undefined): string {
  if (state === 'connecting') return 'tunnel connecting…';
  if (state === 'reconnecting') return 'tunnel reconnecting…';
  if (state === 'error') return 'tunnel error (see the header)';
  return 'turn the tunnel on';
}
