/** Theme: follow the system, or force light or dark. Saved as soon as it is picked. */
import { THEMES, type Theme } from '../../../shared/contract/index.js';
import { useAppStore } from '../../state/use-app-store.js';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function ThemePicker({ theme }: { theme: Theme }) {
  const save = useAppStore((s) => s.saveSettings);
  const system = useAppStore((s) => s.systemTheme);

  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="segmented-field">
        <legend>Theme</legend>
        <div className="segmented">
          {THEMES.map((value) => (
            <label key={value} className="segment">
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme === value}
                onChange={() =>
                  void save({ theme: value }, `Theme set to ${LABELS[value].toLowerCase()}`, {
                    optimistic: true,
                  })
                }
              />
              <span>{LABELS[value]}</span>
            </label>
          ))}
        </div>
        <p className="field-help">System follows your operating system (now {system}).</p>
      </fieldset>
    </section>
  );
}
