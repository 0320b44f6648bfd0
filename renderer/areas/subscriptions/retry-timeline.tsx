/**
 * A retry schedule drawn as a timeline: the first attempt at 0, then each retry at the sum of the delays
 * so far. The axis is square-root scaled so "immediately, +1 m … +6 h" stays readable on one line.
 */
import { shortDuration } from '../../ui/clock-time.js';

export { shortDuration };

const WIDTH = 760;
const HEIGHT = 70;
const PAD = 24;
const AXIS_Y = 32;

export function RetryTimeline({ delaysSec }: { delaysSec: number[] }) {
  const offsets = [0];
  for (const d of delaysSec) offsets.push(offsets[offsets.length - 1]! + d);
  const total = offsets[offsets.length - 1]!;
  const x = (sec: number) => PAD + (total === 0 ? 0 : Math.sqrt(sec / total) * (WIDTH - 2 * PAD));
  const label =
    delaysSec.length === 0
      ? 'One attempt, no retries'
      : `${offsets.length} attempts over ${shortDuration(total)}: ${offsets
          .map((o, i) => (i === 0 ? 'at once' : `+${shortDuration(o)}`))
          .join(', ')}`;
  return (
    <figure className="retry-timeline">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
        <line x1={PAD} x2={WIDTH - PAD} y1={AXIS_Y} y2={AXIS_Y} className="timeline-axis" />
        {offsets.map((o, i) => {
          const cx = x(o);
          // Alternate labels above and below so neighbours close together do not overlap.
          const above = i % 2 === 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: attempts are positional
            <g key={i}>
              <circle
                cx={cx}
                cy={AXIS_Y}
                r={i === 0 ? 6 : 5}
                className={i === 0 ? 'timeline-first' : 'timeline-retry'}
              />
              <text
                x={cx}
                y={above ? AXIS_Y - 13 : AXIS_Y + 24}
                textAnchor="middle"
                className="timeline-label"
              >
                {i === 0 ? '0' : `+${shortDuration(o)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="field-help">{label}</figcaption>
    </figure>
  );
}
