/**
 * Per-subscription delivery health, as Instafill's dashboard shows it: success rate and latency
 * percentiles over the last 24 hours and 7 days (wall clock, by when attempts were sent), plus
 * deliveries by status. Percentiles are nearest-rank over attempts that got a response.
 */
import type { StatsWindow, SubscriptionStats } from '../../../../shared/contract/dispatcher-model.js';
import type { AttemptSample, DeliveryLog } from './delivery-log.js';

const HOUR_MS = 3_600_000;
export const STATS_WINDOWS = { '24h': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS } as const;

export async function subscriptionStats(
  log: DeliveryLog,
  subscriptionId: string,
  wallNow: number,
): Promise<SubscriptionStats> {
  const samples = await log.samples(subscriptionId, wallNow - STATS_WINDOWS['7d']);
  return {
    subscriptionId,
    deliveries: await log.countByStatus(subscriptionId),
    windows: {
      '24h': windowOf(samples.filter((s) => s.at >= wallNow - STATS_WINDOWS['24h'])),
      '7d': windowOf(samples),
    },
  };
}

export function windowOf(samples: readonly AttemptSample[]): StatsWindow {
  const succeeded = samples.filter((s) => s.ok).length;
  const latencies = samples
    .map((s) => s.ms)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b);
  return {
    attempts: samples.length,
    succeeded,
    failed: samples.length - succeeded,
    successRate: samples.length === 0 ? null : succeeded / samples.length,
    latencyMs:
      latencies.length === 0
        ? null
        : { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
  };
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
