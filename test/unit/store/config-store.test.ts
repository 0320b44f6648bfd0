import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confBackend } from '../../../electron/core/store/conf-backend.js';
import { openConfigStore } from '../../../electron/core/store/config-store.js';
import { ConfigStoreOpenError } from '../../../electron/core/store/store-errors.js';
import type { ConfLike } from '../../../electron/core/store/types.js';
import type { StoreIssue } from '../../../shared/contract/system.js';
import { tempDir } from './temp-dirs.js';

type Config = { theme: string; count: number };
const DEFAULTS: Config = { theme: 'system', count: 0 };
const SCHEMA = { theme: { type: 'string' }, count: { type: 'number' } };
const FIXED_NOW = Date.UTC(2025, 0, 31, 10, 20, 30, 123);
const QUARANTINED = 'quarantine/settings.2025-01-31T10-20-30.123Z.json';

function open(cwd: string, extra: Partial<Parameters<typeof openConfigStore<Config>>[1]> = {}) {
  const issues: StoreIssue[] = [];
  const store = openConfigStore<Config>(confBackend, {
    cwd,
    name: 'settings',
    defaults: DEFAULTS,
    schema: SCHEMA,
    projectVersion: '1.0.0',
    onIssue: (issue) => issues.push(issue),
    now: () => FIXED_NOW,
    ...extra,
  });
  return { store, issues };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('openConfigStore', () => {
  it('keeps values across a restart, in an owner-only file and folder', async () => {
    const cwd = join(await tempDir(), 'config');
    const first = open(cwd).store;
    expect(first.get('theme')).toBe('system');
    first.set('theme', 'dark');
    const { store, issues } = open(cwd);
    expect(store.get('theme')).toBe('dark');
    expect(issues).toEqual([]);
    expect(mode(store.path)).toBe(0o600);
    expect(mode(cwd)).toBe(0o700);
  });

  it('tightens the mode of a file an older build left world-readable', async () => {
    const cwd = await tempDir();
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ theme: 'light', count: 1 }), { mode: 0o644 });
    const { store } = open(cwd);
    expect(store.get('theme')).toBe('light');
    expect(mode(store.path)).toBe(0o600);
  });

  it('runs migrations once, when projectVersion moves past them', async () => {
    const cwd = await tempDir();
    const migrations = { '2.0.0': (s: ConfLike<Config>) => s.set('count', s.get('count') + 10) };
    open(cwd, { migrations }).store.set('count', 1);
    expect(open(cwd, { migrations }).store.get('count')).toBe(1);
    expect(open(cwd, { migrations, projectVersion: '2.0.0' }).store.get('count')).toBe(11);
    expect(open(cwd, { migrations, projectVersion: '2.0.0' }).store.get('count')).toBe(11);
  });

  it('moves invalid JSON aside with its original bytes, reports it and starts from the defaults', async () => {
    const cwd = await tempDir();
    const damaged = '{"theme": "dark", "count": ';
    writeFileSync(join(cwd, 'settings.json'), damaged);
    const { store, issues } = open(cwd);
    expect(store.store).toMatchObject(DEFAULTS);
    expect(issues).toEqual([
      {
        file: 'settings.json',
        movedTo: QUARANTINED,
        reason: expect.stringContaining('not valid JSON'),
        at: '2025-01-31T10:20:30.123Z',
      },
    ]);
    expect(readFileSync(join(cwd, QUARANTINED), 'utf8')).toBe(damaged);
    expect(mode(join(cwd, QUARANTINED))).toBe(0o600);
    expect(JSON.parse(readFileSync(store.path, 'utf8'))).toMatchObject(DEFAULTS);
  });

  it('moves a file that violates the schema aside, even when migrations made conf rewrite it first', async () => {
    const cwd = await tempDir();
    const damaged = JSON.stringify({ theme: 42, count: 'many' });
    writeFileSync(join(cwd, 'settings.json'), damaged);
    const migrations = { '1.0.0': () => undefined };
    const { store, issues } = open(cwd, { migrations });
    expect(store.get('theme')).toBe('system');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.reason).toContain('schema violation');
    expect(readFileSync(join(cwd, QUARANTINED), 'utf8')).toBe(damaged);
  });

  it('treats JSON that is not an object as damaged instead of letting conf overwrite it', async () => {
    const cwd = await tempDir();
    writeFileSync(join(cwd, 'settings.json'), '[1, 2, 3]');
    const { store, issues } = open(cwd);
    expect(store.get('count')).toBe(0);
    expect(issues[0]?.reason).toBe('not a JSON object');
    expect(readFileSync(join(cwd, QUARANTINED), 'utf8')).toBe('[1, 2, 3]');
  });

  it('never overwrites an earlier quarantine copy', async () => {
    const cwd = await tempDir();
    writeFileSync(join(cwd, 'settings.json'), 'first');
    open(cwd);
    writeFileSync(join(cwd, 'settings.json'), 'second');
    const { issues } = open(cwd);
    expect(issues[0]?.movedTo).toBe('quarantine/settings.2025-01-31T10-20-30.123Z-2.json');
    expect(readdirSync(join(cwd, 'quarantine'))).toHaveLength(2);
    expect(readFileSync(join(cwd, QUARANTINED), 'utf8')).toBe('first');
  });

  it('reports paths relative to issueRoot when given', async () => {
    const root = await tempDir();
    const cwd = join(root, 'config');
    open(cwd).store.set('count', 1);
    writeFileSync(join(cwd, 'settings.json'), 'garbage');
    const { issues } = open(cwd, { issueRoot: root });
    expect(issues[0]).toMatchObject({ file: 'config/settings.json', movedTo: `config/${QUARANTINED}` });
  });

  it('blames the code, not the file, when a fresh store fails too, and leaves the file as it was', async () => {
    const cwd = await tempDir();
    const good = JSON.stringify({ theme: 'dark', count: 3 });
    writeFileSync(join(cwd, 'settings.json'), good);
    const issues: StoreIssue[] = [];
    const broken = () =>
      openConfigStore<Config>(confBackend, {
        cwd,
        name: 'settings',
        defaults: DEFAULTS,
        schema: SCHEMA,
        migrations: {
          '1.0.0': () => {
            throw new Error('bug in this migration');
          },
        },
        projectVersion: '1.0.0',
        onIssue: (issue) => issues.push(issue),
      });
    expect(broken).toThrow(ConfigStoreOpenError);
    expect(issues).toEqual([]);
    expect(readFileSync(join(cwd, 'settings.json'), 'utf8')).toBe(good);
    expect(existsSync(join(cwd, 'settings.json.restore'))).toBe(false);
  });
});
