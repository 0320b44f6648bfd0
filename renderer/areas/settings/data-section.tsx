/** Where this host keeps its data. Read-only: the folder is chosen when Hookscope starts. */
import { useAppStore } from '../../state/use-app-store.js';
import { CopyButton } from '../../ui/copy-button.js';
import { Field } from '../../ui/field.js';

export function DataSection() {
  const dataDir = useAppStore((s) => s.health?.dataDir);
  const host = useAppStore((s) => s.health?.host);
  const secrets = useAppStore((s) => s.health?.secretsAtRest);

  return (
    <section className="card" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <Field
        label="Data folder"
        readOnly
        value={dataDir ?? ''}
        placeholder="Waiting for the host…"
        after={dataDir ? <CopyButton value={dataDir} label="Copy data folder path" /> : null}
        help={
          host === 'desktop' ? (
            'Settings, captures, deliveries and keys live here.'
          ) : (
            <>
              Settings, captures, deliveries and keys live here. Start with <code>--data DIR</code> to use
              another folder.
            </>
          )
        }
      />
      <p className="field-help">
        {secrets === 'encrypted'
          ? 'Secrets are encrypted with the system keychain.'
          : 'Secrets are stored unencrypted in files only your user can read (mode 0600). The desktop app encrypts them with the system keychain.'}
      </p>
    </section>
  );
}
