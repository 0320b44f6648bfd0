/** The tunnel's saved settings (enabled, host, subdomain) in their own small config store: tunnel.json. */
import { DEFAULT_TUNNEL_HOST, TUNNEL_SUBDOMAIN_PATTERN } from '../../../shared/contract/tunnel.js';
import { openConfigStore } from '../store/config-store.js';
import type { ConfBackend, ConfLike, IssueSink } from '../store/types.js';

export interface TunnelSettings {
  enabled: boolean;
  host: string;
  subdomain?: string;
}

export type TunnelSettingsStore = ConfLike<{ tunnel: TunnelSettings }>;

export const DEFAULT_TUNNEL_SETTINGS: TunnelSettings = { enabled: false, host: DEFAULT_TUNNEL_HOST };

/** JSON schema for conf, so a hand-edited file that breaks it is quarantined at start, not half-used. */
export const TUNNEL_SETTINGS_SCHEMA = {
  tunnel: {
    type: 'object',
    properties: {
      enabled: { type: 'boolean' },
      host: { type: 'string', pattern: '^https?://' },
      subdomain: { type: 'string', pattern: TUNNEL_SUBDOMAIN_PATTERN.source },
    },
    required: ['enabled', 'host'],
  },
} as const;

export interface TunnelSettingsOptions {
  backend: ConfBackend;
  /** The config folder (`<data>/config`). */
  cwd: string;
  version: string;
  onIssue: IssueSink;
  issueRoot?: string;
}

export function openTunnelSettings(options: TunnelSettingsOptions): TunnelSettingsStore {
  return openConfigStore<{ tunnel: TunnelSettings }>(options.backend, {
    cwd: options.cwd,
    name: 'tunnel',
    defaults: { tunnel: DEFAULT_TUNNEL_SETTINGS },
    schema: TUNNEL_SETTINGS_SCHEMA,
    projectVersion: options.version,
    onIssue: options.onIssue,
    ...(options.issueRoot ? { issueRoot: options.issueRoot } : {}),
  });
}
