#!/usr/bin/env node
// Entry for `npx hookscope` / a global install: runs the bundled CLI (build with `npm run build`).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'host', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write(
    'hookscope: the app is not built yet; run "npm run build" in the project folder first\n',
  );
  process.exit(2);
}
const { main, processIO } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2), processIO);
