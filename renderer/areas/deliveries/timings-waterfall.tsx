/**
 * An attempt's timings as a waterfall: DNS, connect, TLS, waiting for the first byte, then the rest of the
 * response, each bar placed where it started on a scale of the total. Phases a reused connection skipped
 * are listed as such rather than drawn as zero.
 */
import type { HttpTimings } from '../../../shared/contract/index.js';

interface Phase {
  name: string;
  ms?: number;
  missing: string;
}

export function phasesOf(t: HttpTimings): Phase[] {
  const waiting =
    t.firstByteMs !== undefined
      ? Math.max(0, t.firstByteMs - (t.dnsMs ?? 0) - (t.connectMs ?? 0) - (t.tlsMs ?? 0))
      : undefined;
  const rest = t.firstByteMs !== undefined ? Math.max(0, t.totalMs - t.firstByteMs) : undefined;
  const reused = t.reusedConnection ? 'reused connection' : 'not measured';
  return [
    { name: 'DNS', ms: t.dnsMs, missing: t.reusedConnection ? reused : 'IP address, no lookup' },
    { name: 'Connect', ms: t.connectMs, missing: reused },
    { name: 'TLS', ms: t.tlsMs, missing: t.reusedConnection ? reused : 'plain http' },
    { name: 'First byte', ms: waiting, missing: 'no response' },
    { name: 'Download', ms: rest, missing: 'no response' },
  ];
}

const fmt = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);

export function TimingsWaterfall({ timings }: { timings: HttpTimings }) {
  const total = Math.max(timings.totalMs, 0.001);
  let offset = 0;
  return (
    <section className="waterfall" aria-labelledby="waterfall-title">
      <h3 id="waterfall-title">Timings</h3>
      <ul className="waterfall-rows" aria-label="Timings">
        {phasesOf(timings).map((phase) => {
          const left = (offset / total) * 100;
          if (phase.ms !== undefined) offset += phase.ms;
          const width = phase.ms !== undefined ? Math.max(0.5, (phase.ms / total) * 100) : 0;
          return (
            <li key={phase.name} className="waterfall-row">
              <span className="waterfall-name">{phase.name}</span>
              <span className="waterfall-track" aria-hidden="true">
                {phase.ms !== undefined && (
                  <span
                    className={`waterfall-bar waterfall-${phase.name.toLowerCase().replace(' ', '-')}`}
                    style={{
                      left: `${Math.min(left, 99.5)}%`,
                      width: `${Math.min(width, 100 - Math.min(left, 99.5))}%`,
                    }}
                  />
                )}
              </span>
              <span className="waterfall-ms">
                {phase.ms !== undefined ? fmt(phase.ms) : <span className="muted">{phase.missing}</span>}
              </span>
            </li>
          );
        })}
        <li className="waterfall-row waterfall-total">
          <span className="waterfall-name">Total</span>
          <span className="waterfall-track" aria-hidden="true">
            <span className="waterfall-bar waterfall-all" style={{ left: 0, width: '100%' }} />
          </span>
          <span className="waterfall-ms">{fmt(timings.totalMs)}</span>
        </li>
      </ul>
    </section>
  );
}
