/**
 * Damaged capture segments: one truncated mid-line (a crash during a write) and one with garbage written
 * into its middle. The host still starts, health.storeIssues reports each (moved to quarantine), and every
 * readable record is still served.
 */
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultHost, startFaultHost } from '../helpers/fault-host.js';
import { tempDir } from '../helpers/tmp.js';

const segmentsUnder = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /^seg-\d+\.ndjson$/.test(f))
    .sort()
    .map((f) => join(dir, f));

// Capture records (headers, meta and small bodies inline) live here; large bodies go to capture-bodies/.
const captureDir = (root: string): string => join(root, 'records', 'captures');

describe('damaged store segments', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it.each([
    ['truncated', 'incomplete'],
    ['corrupted', 'unreadable'],
  ] as const)(
    'a %s segment: the host starts, reports and quarantines it, and keeps the rest',
    async (kind, word) => {
      const tmp = tempDir(`hookscope-fault-${kind}-`);
      cleanups.push(tmp.remove);
      let host: FaultHost = await startFaultHost(tmp.dir);
      cleanups.push(() => host.kill());
      const bodies = new Map<string, string>();
      for (let i = 0; i < 20; i++) {
        const body = JSON.stringify({ n: i, kind, pad: 'p'.repeat(40) });
        const res = await fetch(`${host.receiverUrl}/damage/${i}`, { method: 'POST', body });
        expect(res.status).toBe(200);
        bodies.set(res.headers.get('x-hookscope-capture')!, body);
      }
      await host.stop();

      const capDir = captureDir(tmp.dir);
      const [segment] = segmentsUnder(capDir);
      expect(segment).toBeDefined();
      const bytes = readFileSync(segment!);
      const lines = bytes.toString('utf8').split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThanOrEqual(20);
      let damagedIds: string[];
      if (kind === 'truncated') {
        // Cut the last line in half.
        const last = lines[lines.length - 1]!;
        truncateSync(segment!, bytes.length - 1 - Math.floor(Buffer.byteLength(last) / 2));
        damagedIds = [...bodies.keys()].filter((id) => last.includes(id));
      } else {
        // Overwrite the middle of line 10 with garbage (keeping the newlines around it).
        const before = lines.slice(0, 10).join('\n').length + 1;
        const garbage = Buffer.from('\u0000\u00ff{{not json at all\u00fe'.repeat(3), 'latin1');
        const damaged = Buffer.from(bytes);
        garbage.copy(damaged, before + 5, 0, Math.min(garbage.length, Buffer.byteLength(lines[10]!) - 10));
        writeFileSync(segment!, damaged);
        damagedIds = [...bodies.keys()].filter((id) => lines[10]!.includes(id));
      }

      host = await startFaultHost(tmp.dir);
      const health = await host.api.health();
      const issues = health.storeIssues.filter((i) => i.file.includes('seg-'));
      console.log(
        `[faults] ${kind} segment: ${JSON.stringify(issues.map((i) => ({ file: i.file, movedTo: i.movedTo })))}`,
      );
      expect(issues).toHaveLength(1);
      expect(issues[0]!.reason).toContain(word);
      expect(issues[0]!.movedTo).toMatch(/quarantine\//);
      let kept = 0;
      for (const [id, body] of bodies) {
        if (damagedIds.includes(id)) continue;
        const detail = await host.api.getCapture({ id });
        expect(Buffer.from(detail.body.base64, 'base64').toString()).toBe(body);
        kept++;
      }
      expect(kept).toBeGreaterThanOrEqual(19);
      // Still takes new captures after the repair.
      const res = await fetch(`${host.receiverUrl}/damage/after`, { method: 'POST', body: 'after' });
      expect(res.status).toBe(200);
      await host.api.getCapture({ id: res.headers.get('x-hookscope-capture')! });
    },
    60_000,
  );
});
