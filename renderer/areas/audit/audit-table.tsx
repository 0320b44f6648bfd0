/** The audit entries as a table; rows that arrived live are marked for a brief highlight. */
import type { AuditEntry } from '../../../shared/contract/index.js';
import { formatDateTime, formatValue } from '../../ui/format.js';

export function AuditTable({ entries, liveIds }: { entries: AuditEntry[]; liveIds: string[] }) {
  const live = new Set(liveIds);
  return (
    <div className="table-wrap">
      <table className="table audit-table">
        <caption className="visually-hidden">Configuration changes, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={live.has(entry.id) ? 'row-live' : undefined}>
              <td className="nowrap">
                <time dateTime={entry.at} title={entry.at}>
                  {formatDateTime(entry.at)}
                </time>
              </td>
              <td>{entry.actor}</td>
              <td>
                <code className="tag">{entry.action}</code>
              </td>
              <td>{entry.target}</td>
              <td>
                <Changes changes={entry.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Changes({ changes }: { changes: AuditEntry['changes'] }) {
  const keys = Object.keys(changes ?? {});
  if (!changes || keys.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="changes">
      {keys.map((key) => (
        <li key={key}>
          <span className="change-key">{key}</span>{' '}
          <span className="change-before">{formatValue(changes[key]?.before)}</span>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden">changed to</span>
          <span className="change-after">{formatValue(changes[key]?.after)}</span>
        </li>
      ))}
    </ul>
  );
}
