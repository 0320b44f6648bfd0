/**
 * Runs the health check (health-check.ts) for one tunnel session: at once, then every interval. One failed
 * check can be a blip; `failuresBeforeLost` in a row, or one after a wake-up (`checkNow`), report the tunnel
 * lost. A stopped monitor reports nothing more, even from a check already under way.
 */
import type { TunnelCheck } from '../../../shared/contract/tunnel.js';
import { checkTunnel } from './health-check.js';
import type { TunnelGateway } from './tunnel-gateway.js';

export interface HealthMonitorOptions {
  url: string;
  registrationHost: string;
  gateway: TunnelGateway;
  intervalMs: number;
  timeoutMs: number;
  failuresBeforeLost: number;
  now: () => number;
  onCheck: (check: TunnelCheck) => void;
  onLost: (reason: string) => void;
}

export class HealthMonitor {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private failures = 0;
  /** A wake-up came while a check was running: that check's failure is final. */
  private urgent = false;

  constructor(private readonly options: HealthMonitorOptions) {
    this.schedule(0);
  }

  /** Checks now; a failure counts as lost at once (the computer just woke up, the network may be new). */
  checkNow(): void {
    this.urgent = true;
    if (!this.running) void this.run();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delay);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    clearTimeout(this.timer);
    const { options } = this;
    let check: TunnelCheck;
    try {
      check = await checkTunnel({
        url: options.url,
        registrationHost: options.registrationHost,
        gateway: options.gateway,
        timeoutMs: options.timeoutMs,
        now: options.now,
      });
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    options.onCheck(check);
    this.failures = check.ok ? 0 : this.failures + 1;
    const urgent = this.urgent;
    this.urgent = false;
    if (!check.ok && (urgent || this.failures >= options.failuresBeforeLost)) {
      this.stop();
      return options.onLost(`the health check through ${options.url} failed: ${check.error ?? 'no answer'}`);
    }
    this.schedule(options.intervalMs);
  }
}
