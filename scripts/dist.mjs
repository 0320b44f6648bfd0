// `npm run dist [-- electron-builder args, e.g. --linux AppImage]`: packages the desktop app with
// electron-builder (electron-builder.yml). Before spending minutes on a build it checks the two things a
// package needs and, when one is missing, says in plain lines what to do instead of failing deep inside:
//   1. electron-builder itself (not a dependency here: it is large and only useful on a connected machine);
//   2. the Electron release zip for this platform, from electron-builder's cache or the download mirror.
// Then: `npm run build` and `electron-builder --config electron-builder.yml`, output in release/.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The version docs/desktop.md was written against; any recent electron-builder with `electronFuses` works. */
const ELECTRON_BUILDER_VERSION = '26.17.0';
const PROBE_TIMEOUT_MS = 10_000;
const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`hookscope dist: ${line}\n`);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies.electron;
const require = createRequire(join(ROOT, 'package.json'));

function findElectronBuilder() {
  try {
    return require.resolve('electron-builder/cli.js');
  } catch {
    return undefined;
  }
}

/** Where @electron/get (used by electron-builder) keeps downloaded zips. */
function electronCacheDir() {
  if (process.env.ELECTRON_CACHE) return process.env.ELECTRON_CACHE;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

/** True when the zip is in the cache (at the top or in one of @electron/get's per-URL folders). */
function cachedZip(name) {
  const dir = electronCacheDir();
  if (!existsSync(dir)) return false;
  if (existsSync(join(dir, name))) return true;
  return readdirSync(dir).some((entry) => {
    const sub = join(dir, entry);
    return statSync(sub).isDirectory() && existsSync(join(sub, name));
  });
}

async function reachable(url) {
  try {
    const response = await fetch(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return response.ok ? { ok: true } : { ok: false, why: `HTTP ${response.status}` };
  } catch (err) {
    return { ok: false, why: err?.cause?.code ?? err?.name ?? String(err) };
  }
}

const problems = [];
const builderCli = findElectronBuilder();
if (!builderCli) {
  problems.push(
    'electron-builder is not installed (it is not a dependency: it is large and downloads Electron).',
    `  install it on a machine with network access: npm i -D electron-builder@${ELECTRON_BUILDER_VERSION}`,
  );
}

const zip = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
if (!cachedZip(zip)) {
  const mirror = (
    process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
  ).replace(/\/?$/, '/');
  const url = `${mirror}v${electronVersion}/${zip}`;
  const probe = await reachable(url);
  if (!probe.ok) {
    problems.push(
      `the Electron ${electronVersion} release (${zip}) is not in ${electronCacheDir()} and cannot be fetched (${probe.why}).`,
      `  electron-builder downloads it from ${mirror} (ELECTRON_MIRROR to change); it needs network access,`,
      '  or put the zip in that cache folder (ELECTRON_CACHE to move it). Other targets (--win, --mac) need theirs.',
    );
  }
}

if (problems.length > 0) {
  say('cannot package here:');
  for (const line of problems) say(`  ${line}`);
  say('see docs/desktop.md ("Packaging"). `npm start` runs the app unpackaged.');
  process.exit(1);
}

const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const npm = process.env.npm_execpath;
if (npm) run(process.execPath, [npm, 'run', 'build']);
else run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
run(process.execPath, [builderCli, '--config', 'electron-builder.yml', ...args]);
say('done: packages are in release/');
