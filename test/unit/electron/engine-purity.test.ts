/**
 * The engine runs in plain Node (headless host, tests), so electron/core must never load 'electron'.
 * Belt and braces beside biome's noRestrictedImports rule: this also catches require() and import().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CORE_DIR = join(ROOT, 'electron', 'core');
/** `from 'electron'`, `import 'electron'`, `import('electron')`, `require('electron')`, and subpaths. */
const ELECTRON_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"`]electron(?:\/[^'"`]*)?['"`]/;

describe('electron/core stays plain Node', () => {
  it('has no import or require of electron', () => {
    const files = readdirSync(CORE_DIR, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.[cm]?tsx?$/.test(f),
    );
    expect(files.length).toBeGreaterThan(0);
    const offenders = files
      .filter((file) => ELECTRON_IMPORT.test(readFileSync(join(CORE_DIR, file), 'utf8')))
      .map((file) => relative(ROOT, join(CORE_DIR, file)));
    expect(
      offenders,
      "inject what the engine needs from electron/main instead of importing 'electron'",
    ).toEqual([]);
  });

  it('would catch every form of loading electron', () => {
    const forms = [
      "import { app } from 'electron';",
      'import electron from "electron";',
      "import type { App } from 'electron';",
      "import 'electron';",
      "const e = await import('electron');",
      "const { app } = require('electron');",
      "import { ipcMain } from 'electron/main';",
    ];
    for (const form of forms) expect(form).toMatch(ELECTRON_IMPORT);
    for (const fine of [
      "import Store from 'electron-store';",
      "const name = 'electron';",
      '// electron is injected',
    ]) {
      expect(fine).not.toMatch(ELECTRON_IMPORT);
    }
  });
});
