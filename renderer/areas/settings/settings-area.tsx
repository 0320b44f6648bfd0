/** Settings: appearance, retention, alerts and where data lives. Every change is audited by the engine. */
import { useEffect } from 'react';
import { hrefFor } from '../../router/hash-route.js';
import { useAppStore } from '../../state/use-app-store.js';
import { AreaHeader } from '../../ui/area-header.js';
import { AlertsForm } from './alerts-form.js';
import { DataSection } from './data-section.js';
import { RetentionForm } from './retention-form.js';
import { ThemePicker } from './theme-picker.js';
import './settings.css';

export default function SettingsArea() {
  const load = useAppStore((s) => s.settingsLoad);
  const loadError = useAppStore((s) => s.settingsLoadError);
  const settings = useAppStore((s) => s.settings);
  const reload = useAppStore((s) => s.loadSettings);

  useEffect(() => {
    if (load === 'idle') void reload();
  }, [load, reload]);

  return (
    <section className="area settings" aria-labelledby="settings-title">
      <AreaHeader
        title="Settings"
        description={
          <>
            Saved in the data folder and applied at once. Every change is recorded in the{' '}
            <a href={hrefFor('audit')}>audit log</a>.
          </>
        }
      />
      {!settings && load === 'error' && (
        <div className="callout callout-error" role="alert">
          Could not load settings: {loadError}{' '}
          <button type="button" className="button button-small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {!settings && load !== 'error' && (
        <p className="loading" role="status">
          Loading settings…
        </p>
      )}
      {settings && (
        <div className="settings-grid">
          <ThemePicker theme={settings.theme} />
          <RetentionForm retention={settings.retention} />
          <AlertsForm alertUrl={settings.alertUrl} />
          <DataSection />
        </div>
      )}
    </section>
  );
}
