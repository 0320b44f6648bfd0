/**
 * The tunnel's state machine: off → connecting → online, and from online through reconnecting back to
 * online when the server or the network goes away; error when the server cannot be used. Every change is
 * reported through `onChange` (the engine's `tunnel` live event). Only the receiver's port is ever reached
 * through it, via the gateway (tunnel-gateway.ts).
 */
import type { TunnelState } from '../../../shared/contract/tunnel.js';
import { backoffDelay } from './backoff.js';
import { HealthMonitor } from './health-monitor.js';
import { SubdomainRefusedError, TunnelError } from './tunnel-errors.js';
import { type GatewayTarget, TunnelGateway } from './tunnel-gateway.js';
import { openSession, type TunnelSession } from './tunnel-session.js';
import { FRESH, TunnelStatus } from './tunnel-status.js';
import { TUNNEL_TIMING, type TunnelTiming } from './tunnel-timing.js';
import { watchForWake } from './wake-watch.js';

export interface TunnelConfig {
  enabled: boolean;
  host: string;
  subdomain?: string;
}

export interface TunnelManagerOptions {
  /** Where tunnelled requests go: the receiver's actual address, read at each connection. */
  receiver: () => GatewayTarget;
  onChange: (state: TunnelState) => void;
  now?: () => number;
  timing?: Partial<TunnelTiming>;
}

export class TunnelManager {
  private config: TunnelConfig;
  private readonly status: TunnelStatus;
  private readonly timing: TunnelTiming;
  private readonly now: () => number;
  /** Bumped whenever what is running is replaced, so callbacks of an older attempt change nothing. */
  private generation = 0;
  private session: TunnelSession | undefined;
  private abort: AbortController | undefined;
  private gateway: Promise<TunnelGateway> | undefined;
  /** The started gateway, for synchronous questions (isTunnelConnection). */
  private openGateway: TunnelGateway | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private health: HealthMonitor | undefined;
  private stopWakeWatch: (() => void) | undefined;
  private attempts = 0;
  /** Attempts so far at getting back a subdomain the server still held. */
  private takenRetries = 0;
  /** The id the server last gave us: asked for again on reconnect so the public URL stays the same. */
  private lastId: string | undefined;

  constructor(private readonly options: TunnelManagerOptions) {
    this.timing = { ...TUNNEL_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
    this.config = { enabled: false, host: '' };
    this.status = new TunnelStatus(options.onChange, this.now);
  }

  get state(): TunnelState {
    return this.status.snapshot;
  }

  /** Applies settings; returns the state right after (connecting/off). Progress follows as onChange. */
  configure(next: TunnelConfig): TunnelState {
    const target = next.host !== this.config.host || next.subdomain !== this.config.subdomain;
    this.config = { ...next };
    if (target) this.lastId = undefined;
    this.takenRetries = 0;
    const where = { host: next.host, subdomain: next.subdomain };
    if (!next.enabled) {
      this.stop();
      void this.closeGateway();
      this.status.set({ ...FRESH, ...where, state: 'off' });
      return this.state;
    }
    if (!target && this.status.state !== 'off' && this.status.state !== 'error') return this.state;
    this.stop();
    this.status.set({ ...FRESH, ...where, state: 'connecting' });
    this.stopWakeWatch ??= watchForWake(this.timing.wakeTickMs, this.timing.wakeGapMs, () => this.nudge());
    void this.connect();
    return this.state;
  }

  /**
   * "The network may have changed" — the desktop calls this on powerMonitor 'resume' (and the manager itself
   * when it notices the clock jumped): check an online tunnel now, and retry a waiting one at once.
   */
  nudge(): void {
    if (!this.config.enabled) return;
    if (this.status.state === 'online') {
      this.health?.checkNow();
      return;
    }
    if (this.status.state === 'connecting' && !this.retryTimer) return;
    this.stop();
    this.attempts = 0;
    void this.connect();
  }

  /** True when the receiver's socket was opened by the tunnel (see TunnelGateway.isTunnelConnection). */
  isTunnelConnection(socket: {
    remoteAddress?: string | undefined;
    remotePort?: number | undefined;
  }): boolean {
    return this.openGateway?.isTunnelConnection(socket) ?? false;
  }

  async close(): Promise<void> {
    this.config = { ...this.config, enabled: false };
    this.stop();
    await this.closeGateway();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const asked = this.config.subdomain ?? this.lastId;
    try {
      const gateway = await this.ensureGateway();
      const session = await openSession({
        host: this.config.host,
        ...(asked ? { subdomain: asked } : {}),
        localPort: gateway.port,
        signal: abort.signal,
        registerTimeoutMs: this.timing.registerTimeoutMs,
        firstSocketTimeoutMs: this.timing.firstSocketTimeoutMs,
        socketsGoneGraceMs: this.timing.socketsGoneGraceMs,
        onLost: (reason) => this.lost(generation, reason),
      });
      if (generation !== this.generation) return session.close();
      const { id } = session.registration;
      if (asked && id !== asked && this.takenRetries < this.timing.subdomainTakenRetries) {
        // The server still holds the name for a session of ours it has not noticed is gone (localtunnel
        // keeps a client a grace period after its sockets close): wait for it rather than move the URL.
        session.close();
        this.takenRetries++;
        const state = this.status.state === 'reconnecting' ? 'reconnecting' : 'connecting';
        return this.retryIn(
          generation,
          state,
          `"${asked}" is still in use on the tunnel server (perhaps by this app's previous session); trying again`,
        );
      }
      this.session = session;
      this.attempts = 0;
      this.takenRetries = 0;
      this.lastId = id;
      const notice =
        asked && asked !== id ? `the server gave "${id}" because "${asked}" stayed in use` : undefined;
      this.status.set({ state: 'online', url: session.url, error: undefined, retryAt: undefined, notice });
      this.health = new HealthMonitor({
        url: session.url,
        registrationHost: this.config.host,
        gateway,
        intervalMs: this.timing.checkIntervalMs,
        timeoutMs: this.timing.checkTimeoutMs,
        failuresBeforeLost: this.timing.checkFailuresBeforeReconnect,
        now: this.now,
        onCheck: (lastCheck) => this.status.set({ lastCheck }),
        onLost: (reason) => this.lost(generation, reason),
      });
    } catch (err) {
      if (generation !== this.generation) return;
      const final = err instanceof TunnelError && !err.retryable;
      if (err instanceof SubdomainRefusedError && asked === this.lastId && !this.config.subdomain) {
        // Only our wish to keep the old URL was refused: take any id instead.
        this.lastId = undefined;
        return this.connect();
      }
      const error = (err as Error).message;
      // A host that worked a moment ago and now answers oddly is more likely a captive portal or a proxy
      // than a wrong setting: keep trying. A first connection stops on such an answer and says why.
      if (this.status.state === 'reconnecting') return this.retryIn(generation, 'reconnecting', error);
      if (final) return void this.status.set({ state: 'error', error, retryAt: undefined });
      this.retryIn(generation, 'error', error);
    }
  }

  private lost(generation: number, reason: string): void {
    if (generation !== this.generation) return;
    this.stop();
    this.retryIn(this.generation, 'reconnecting', reason);
  }

  private retryIn(generation: number, state: 'connecting' | 'reconnecting' | 'error', error: string): void {
    const delay = backoffDelay(this.attempts++, this.timing.backoff);
    this.status.set({ state, error, retryAt: new Date(this.now() + delay).toISOString() });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (generation === this.generation) void this.connect();
    }, delay);
    this.retryTimer.unref();
  }

  /** Stops whatever runs (attempt, session, timers) and makes their late callbacks harmless. */
  private stop(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
    this.session?.close();
    this.session = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.health?.stop();
    this.health = undefined;
    if (!this.config.enabled) {
      this.stopWakeWatch?.();
      this.stopWakeWatch = undefined;
    }
  }

  /** The gateway lives while the tunnel is enabled, across reconnects. */
  private ensureGateway(): Promise<TunnelGateway> {
    if (!this.gateway) {
      const starting: Promise<TunnelGateway> = TunnelGateway.start(this.options.receiver).then(
        (gateway) => {
          if (this.gateway === starting) this.openGateway = gateway;
          return gateway;
        },
        (err) => {
          if (this.gateway === starting) this.gateway = undefined;
          throw err;
        },
      );
      this.gateway = starting;
    }
    return this.gateway;
  }

  private async closeGateway(): Promise<void> {
    const gateway = this.gateway;
    this.gateway = undefined;
    this.openGateway = undefined;
    // A gateway that failed to start has nothing to close (and its failure was reported by connect()).
    await (await gateway?.catch(() => undefined))?.close();
  }
}
