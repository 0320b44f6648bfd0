/**
 * The tunnel as the engine sees it: saved settings, the manager, the two API handlers and the live event.
 * The engine calls createTunnelArea once and closes it on shutdown (closing cuts the tunnel at once).
 */
import type { ApiHandlers } from '../../../shared/contract/index.js';
import type { TunnelState } from '../../../shared/contract/tunnel.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { LiveBus } from '../live-bus.js';
import type { ConfBackend, IssueSink } from '../store/types.js';
import type { GatewayTarget } from './tunnel-gateway.js';
import { TunnelManager } from './tunnel-manager.js';
import { openTunnelSettings, type TunnelSettings } from './tunnel-settings.js';
import type { TunnelTiming } from './tunnel-timing.js';

export interface TunnelAreaOptions {
  confBackend: ConfBackend;
  /** The config folder (`<data>/config`). */
  configDir: string;
  dataDir: string;
  version: string;
  onIssue: IssueSink;
  live: LiveBus;
  audit: AuditLog;
  /** The receiver's actual local address; read per tunnelled connection, so a later start is fine. */
  receiver: () => GatewayTarget;
  now?: () => number;
  timing?: Partial<TunnelTiming>;
}

export interface TunnelArea {
  manager: TunnelManager;
  handlers: Pick<ApiHandlers, 'getTunnel' | 'updateTunnel'>;
  close(): Promise<void>;
}

export function createTunnelArea(options: TunnelAreaOptions): TunnelArea {
  const store = openTunnelSettings({
    backend: options.confBackend,
    cwd: options.configDir,
    version: options.version,
    onIssue: options.onIssue,
    issueRoot: options.dataDir,
  });
  const manager = new TunnelManager({
    receiver: options.receiver,
    onChange: (state: TunnelState) => options.live.emit('tunnel', state),
    ...(options.now ? { now: options.now } : {}),
    ...(options.timing ? { timing: options.timing } : {}),
  });
  // A tunnel the user left on comes back with the app, as it would in the desktop app.
  manager.configure(store.get('tunnel'));

  return {
    manager,
    handlers: {
      getTunnel: () => manager.state,
      updateTunnel: (params, ctx) => {
        const before = store.get('tunnel');
        const subdomain = params.subdomain === undefined ? before.subdomain : params.subdomain || undefined;
        const next: TunnelSettings = {
          enabled: params.enabled,
          host: (params.host ?? before.host).replace(/\/+$/, ''),
          ...(subdomain ? { subdomain } : {}),
        };
        store.set('tunnel', next);
        options.audit.record(ctx, 'tunnel.update', 'tunnel', { ...before }, { ...next });
        return manager.configure(next);
      },
    },
    close: () => manager.close(),
  };
}
