// Bundles the Node side (headless host CLI, Electron main and preload) with esbuild. The renderer is
// built by vite. npm packages stay external (resolved from node_modules at run time), except in the
// preload, which runs sandboxed and may only require 'electron'.
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

const entries = [
  { entryPoints: ['electron/host/cli.ts'], outfile: 'dist/host/cli.js', format: 'esm', packages: 'external' },
  {
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/main/index.js',
    format: 'esm',
    packages: 'external',
  },
  {
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
  },
];

for (const entry of entries) {
  if (!existsSync(entry.entryPoints[0])) continue;
  await build({ ...common, ...entry });
}
