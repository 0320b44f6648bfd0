/** The stored keys, one row each, with what people do with a key: copy or download it, reveal, delete. */
import type { KeyInfo } from '../../../shared/contract/index.js';
import { SCHEME_INFO } from '../../../shared/contract/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { formatDateTime } from '../../ui/format.js';
import { KeyActions } from './key-actions.js';

const TYPE_LABELS: Record<KeyInfo['type'], string> = { rsa: 'RSA', ed25519: 'Ed25519', hmac: 'HMAC secret' };

export function KeysTable({ keys }: { keys: KeyInfo[] }) {
  return (
    <div className="table-wrap">
      <table className="table keys-table">
        <caption className="visually-hidden">Signing keys and secrets</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Scheme</th>
            <th scope="col">Fingerprint (SHA-256)</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...keys]
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
            .map((key) => (
              <tr key={key.id}>
                <th scope="row" className="key-name">
                  {key.name}
                  <div className="muted key-id">
                    <code>{key.id}</code> · {key.origin}
                    {!key.hasPrivate && ' · public only'}
                  </div>
                </th>
                <td className="nowrap">
                  {TYPE_LABELS[key.type]}
                  {key.bits ? ` ${key.bits}` : ''}
                </td>
                <td>
                  {key.scheme ? (
                    <code className="tag" title={SCHEME_INFO[key.scheme].label}>
                      {key.scheme}
                    </code>
                  ) : (
                    <span className="muted">any</span>
                  )}
                </td>
                <td>
                  <span className="fingerprint-cell">
                    <code className="fingerprint" title={key.fingerprint}>
                      {key.fingerprint}
                    </code>
                    <CopyButton value={key.fingerprint} label={`Copy fingerprint of ${key.name}`} />
                  </span>
                </td>
                <td className="nowrap">
                  <time dateTime={key.createdAt}>{formatDateTime(key.createdAt)}</time>
                </td>
                <td>
                  <KeyActions keyInfo={key} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
