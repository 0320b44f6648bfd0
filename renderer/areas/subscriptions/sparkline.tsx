/** A small line of the running success rate over recent deliveries, inline SVG (no chart library). */

const WIDTH = 96;
const HEIGHT = 24;

/** The success rate after each delivery, 0–1, oldest first. */
export function runningRate(outcomes: boolean[]): number[] {
  let ok = 0;
  return outcomes.map((success, i) => {
    if (success) ok++;
    return ok / (i + 1);
  });
}

export function Sparkline({ outcomes, label }: { outcomes: boolean[]; label: string }) {
  if (outcomes.length === 0) {
    return (
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`${label}: no deliveries yet`}>
        <line x1="2" x2={WIDTH - 2} y1={HEIGHT / 2} y2={HEIGHT / 2} className="spark-empty" />
      </svg>
    );
  }
  const rates = runningRate(outcomes);
  const step = rates.length > 1 ? (WIDTH - 4) / (rates.length - 1) : 0;
  const y = (r: number) => 2 + (1 - r) * (HEIGHT - 4);
  const points = rates.map((r, i) => `${(2 + i * step).toFixed(1)},${y(r).toFixed(1)}`).join(' ');
  const last = rates[rates.length - 1]!;
  const failed = outcomes.filter((o) => !o).length;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={`${label}: ${outcomes.length - failed} of ${outcomes.length} recent deliveries succeeded`}
    >
      <polyline
        points={rates.length > 1 ? points : `2,${y(last)} ${WIDTH - 2},${y(last)}`}
        className={last >= 0.95 ? 'spark-good' : last >= 0.5 ? 'spark-warn' : 'spark-bad'}
      />
      {outcomes.map((ok, i) =>
        ok ? null : (
          // biome-ignore lint/suspicious/noArrayIndexKey: positions on the line
          <circle key={i} cx={2 + i * step} cy={y(rates[i]!)} r="1.8" className="spark-fail" />
        ),
      )}
    </svg>
  );
}
