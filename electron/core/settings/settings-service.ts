/** User settings: read, patched through the API with validation, audited, broadcast live. */
import type { CallContext } from '../../../shared/contract/define.js';
import type { Settings, SettingsPatch } from '../../../shared/contract/system.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { LiveBus } from '../live-bus.js';
import type { Retention } from '../store/record-store.js';
import type { ConfLike } from '../store/types.js';

const DAY_MS = 86_400_000;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  retention: { maxAgeDays: 30, maxCount: 100_000 },
  alertUrl: '',
};

/** JSON schema for conf, so a hand-edited file that breaks it is caught and quarantined at start. */
export const SETTINGS_SCHEMA = {
  settings: {
    type: 'object',
    properties: {
      theme: { enum: ['system', 'light', 'dark'] },
      retention: {
        type: 'object',
        properties: {
          maxAgeDays: { type: 'integer', minimum: 1 },
          maxCount: { type: 'integer', minimum: 100 },
        },
        required: ['maxAgeDays', 'maxCount'],
      },
      alertUrl: { type: 'string' },
    },
    required: ['theme', 'retention', 'alertUrl'],
  },
} as const;

/**
 * Migrations by app version. 0.1.0 is the first schema; the entry documents the pattern and backfills
 * fields for files written by pre-release builds that lacked them.
 */
export const SETTINGS_MIGRATIONS: Record<string, (store: ConfLike<{ settings: Settings }>) => void> = {
  '0.1.0': (store) => {
    const current = (store.get('settings') ?? {}) as Partial<Settings>;
    store.set('settings', { ...DEFAULT_SETTINGS, ...current });
  },
};

export class SettingsService {
  constructor(
    private readonly store: ConfLike<{ settings: Settings }>,
    private readonly audit: AuditLog,
    private readonly live: LiveBus,
  ) {}

  get(): Settings {
    return structuredClone(this.store.get('settings'));
  }

  /** Retention for captures and deliveries in the record stores' terms; read at each run, so edits apply live. */
  readonly recordRetention = (): Retention => {
    const { maxAgeDays, maxCount } = this.store.get('settings').retention;
    return { maxAgeMs: maxAgeDays * DAY_MS, maxCount };
  };

  update(patch: SettingsPatch, ctx: CallContext): Settings {
    const before = this.get();
    const next: Settings = {
      ...before,
      ...(patch.theme !== undefined && { theme: patch.theme }),
      ...(patch.alertUrl !== undefined && { alertUrl: patch.alertUrl }),
      retention: { ...before.retention, ...patch.retention },
    };
    this.store.set('settings', next);
    this.audit.record(ctx, 'settings.update', 'settings', flatten(before), flatten(next));
    this.live.emit('settings', next);
    return structuredClone(next);
  }
}

function flatten(s: Settings): Record<string, unknown> {
  return {
    theme: s.theme,
    'retention.maxAgeDays': s.retention.maxAgeDays,
    'retention.maxCount': s.retention.maxCount,
    alertUrl: s.alertUrl,
  };
}
