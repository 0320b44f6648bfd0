/** Health, settings and the audit log: the part of the contract every host has from the start. */
import { z } from 'zod';
import { defineMethods, returns } from './define.js';
import type { TunnelStateName } from './tunnel.js';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface StoreIssue {
  /** The file that could not be read, relative to the data dir. */
  file: string;
  /** Where it was moved, relative to the data dir; nothing is deleted. */
  movedTo: string;
  reason: string;
  at: string;
}

export interface HealthInfo {
  name: 'hookscope';
  version: string;
  host: 'desktop' | 'headless';
  /** Where senders post webhooks (the receiver; never the control API). */
  receiverUrl: string;
  /** The control API / UI origin. */
  apiUrl: string;
  dataDir: string;
  startedAt: string;
  uptimeMs: number;
  /** Files found damaged at start-up and moved aside. Empty when all is well. */
  storeIssues: StoreIssue[];
  /** The public tunnel to the receiver (details: GET /api/tunnel). */
  tunnel: { state: TunnelStateName; url?: string };
  /** Whether secrets at rest are encrypted by the platform (safeStorage) or only protected by file mode. */
  secretsAtRest: 'encrypted' | 'file-permissions';
}

export interface Settings {
  theme: Theme;
  retention: { maxAgeDays: number; maxCount: number };
  /** Posted to when a delivery fails for good; empty = off. */
  alertUrl: string;
}

export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES),
    retention: z
      .object({
        maxAgeDays: z.number().int().min(1).max(3650),
        maxCount: z.number().int().min(100).max(10_000_000),
      })
      .partial()
      .strict(),
    alertUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  /** What was changed, e.g. "settings", "subscription sub_…". */
  target: string;
  /** Changed fields with before/after values (secrets redacted). */
  changes?: Record<string, { before: unknown; after: unknown }>;
}

export interface Page<T> {
  items: T[];
  /** Pass as `before` to get the next (older) page; absent on the last page. */
  nextBefore?: string;
}

const empty = z.object({}).strict();

export const systemMethods = defineMethods({
  health: { route: 'GET /api/health', params: empty, result: returns<HealthInfo>() },
  getSettings: { route: 'GET /api/settings', params: empty, result: returns<Settings>() },
  updateSettings: { route: 'PATCH /api/settings', params: settingsPatchSchema, result: returns<Settings>() },
  listAudit: {
    route: 'GET /api/audit',
    params: z
      .object({
        limit: z.coerce.number().int().min(1).max(1000).optional(),
        before: z.string().max(200).optional(),
      })
      .strict(),
    result: returns<Page<AuditEntry>>(),
  },
});

export interface SystemLiveEvents {
  health: HealthInfo;
  settings: Settings;
  audit: AuditEntry;
}
