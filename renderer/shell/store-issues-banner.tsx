/** Says which damaged store files were moved aside at start-up, and that nothing was deleted. */
import { useAppStore } from '../state/use-app-store.js';
import { formatDateTime } from '../ui/format.js';
import { WarningIcon } from '../ui/icons.js';

export function StoreIssuesBanner() {
  const issues = useAppStore((s) => s.health?.storeIssues);
  const hidden = useAppStore((s) => s.storeIssuesHidden);
  const setHidden = useAppStore((s) => s.setStoreIssuesHidden);
  const dataDir = useAppStore((s) => s.health?.dataDir);
  if (!issues || issues.length === 0 || hidden) return null;

  return (
    <section className="banner banner-warning" aria-labelledby="store-issues-title">
      <div className="banner-head">
        <WarningIcon />
        <h2 id="store-issues-title">
          {issues.length === 1
            ? 'A damaged file was moved aside'
            : `${issues.length} damaged files were moved aside`}
        </h2>
        <button type="button" className="button button-small" onClick={() => setHidden(true)}>
          Dismiss
        </button>
      </div>
      <p>
        {issues.length === 1
          ? 'Hookscope could not read this file when it started, so it set it aside and started with defaults in its place.'
          : 'Hookscope could not read these files when it started, so it set them aside and started with defaults in their place.'}{' '}
        Nothing was deleted: {issues.length === 1 ? 'the original is' : 'the originals are'} kept in the data
        folder
        {dataDir ? ` (${dataDir})` : ''}.
      </p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.file}-${issue.at}`}>
            <code>{issue.file}</code> → <code>{issue.movedTo}</code>: {issue.reason}{' '}
            <span className="muted">({formatDateTime(issue.at)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
