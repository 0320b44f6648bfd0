/** User settings: loaded once, patched through the API, kept current by live `settings` events. */
import type { Settings, SettingsPatch } from '../../shared/contract/index.js';
import { issuesByPath, toProblem } from '../api/errors.js';
import type { LoadState, SliceCreator } from './types.js';

export interface SettingsSlice {
  settings?: Settings;
  settingsLoad: LoadState;
  settingsLoadError?: string;
  /** True while a save is in flight. */
  settingsSaving: boolean;
  /** Field problems from the last failed save, keyed by path (`alertUrl`, `retention.maxAgeDays`). */
  settingsIssues: Record<string, string>;
  /** A problem with the last save that belongs to no single field. */
  settingsSaveError?: string;
  loadSettings(): Promise<void>;
  /**
   * Saves a patch; on success shows `successMessage` as a toast. Resolves to whether it was saved.
   * `optimistic` shows the change at once and rolls it back if the engine refuses it (for choices such as
   * the theme, where waiting for the round trip would make the control lag behind the click).
   */
  saveSettings(
    patch: SettingsPatch,
    successMessage?: string,
    options?: { optimistic?: boolean },
  ): Promise<boolean>;
  applySettings(settings: Settings): void;
  clearSettingsIssue(path: string): void;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (deps) => (set, get) => ({
  settingsLoad: 'idle',
  settingsSaving: false,
  settingsIssues: {},
  loadSettings: async () => {
    set({ settingsLoad: 'loading', settingsLoadError: undefined });
    try {
      const settings = await deps.api.getSettings();
      set({ settings, settingsLoad: 'ready' });
    } catch (err) {
      set({ settingsLoad: 'error', settingsLoadError: toProblem(err).message });
    }
  },
  saveSettings: async (patch, successMessage = 'Settings saved', options = {}) => {
    const previous = get().settings;
    set({ settingsSaving: true, settingsSaveError: undefined });
    if (options.optimistic && previous) set({ settings: mergePatch(previous, patch) });
    try {
      const settings = await deps.api.updateSettings(patch);
      set({ settings, settingsSaving: false, settingsIssues: {}, settingsLoad: 'ready' });
      get().pushToast({ kind: 'success', message: successMessage });
      return true;
    } catch (err) {
      const problem = toProblem(err);
      const issues = issuesByPath(problem.issues);
      const fieldless = Object.keys(issues).length === 0;
      set({
        ...(options.optimistic && { settings: previous }),
        settingsSaving: false,
        settingsIssues: issues,
        settingsSaveError: fieldless ? problem.message : undefined,
      });
      if (fieldless) get().pushToast({ kind: 'error', message: `Not saved: ${problem.message}` });
      return false;
    }
  },
  applySettings: (settings) => set({ settings, settingsLoad: 'ready' }),
  clearSettingsIssue: (path) => {
    const { [path]: _cleared, ...rest } = get().settingsIssues;
    set({ settingsIssues: rest });
  },
});

/** What the settings will be once the engine applies `patch` (the same merge it does). */
export function mergePatch(settings: Settings, patch: SettingsPatch): Settings {
  return {
    theme: patch.theme ?? settings.theme,
    alertUrl: patch.alertUrl ?? settings.alertUrl,
    retention: { ...settings.retention, ...patch.retention },
  };
}
