// `npm start`: the desktop app where Electron can run, otherwise the headless host with one line saying why.
// Decides in order: (1) build if dist is missing or older than the sources; (2) on Linux, no display means
// no desktop (checked first so a headless box never downloads Electron for nothing); (3) require('electron')
// in a child, which downloads the binary the normal way when it is missing (fails in seconds offline);
// (4) the path it returns must exist. Any "no" falls back to `hookscope serve` with the remaining args.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = [
  'electron',
  'renderer',
  'shared',
  'scripts/build-node.mjs',
  'vite.config.ts',
  'package.json',
];
const OUTPUTS = [
  'dist/host/cli.js',
  'dist/main/index.js',
  'dist/preload/index.cjs',
  'dist/renderer/index.html',
];
const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
const PATH_MARK = 'HOOKSCOPE_ELECTRON_PATH=';
const args = process.argv.slice(2);
const say = (line) => process.stderr.write(`hookscope: ${line}\n`);

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function ensureBuilt() {
  const outputs = OUTPUTS.map((p) => join(ROOT, p));
  const oldestOutput = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
  if (oldestOutput > Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p))))) return;
  say('building (dist is missing or older than the sources)…');
  // npm_execpath is set when run via `npm start`; it avoids needing a shell for npm.cmd on Windows.
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], {
        cwd: ROOT,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (result.status !== 0) {
    say('the build failed (see above)');
    process.exit(result.status ?? 1);
  }
}

/** Returns { path } of a runnable Electron, or { reason } why there is none. */
function findElectron() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display for the desktop app (DISPLAY and WAYLAND_DISPLAY are unset)' };
  }
  const pkg = join(ROOT, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { reason: 'the electron npm package is not installed' };
  const pathTxt = join(pkg, 'path.txt');
  const installed = existsSync(pathTxt) && existsSync(join(pkg, 'dist', readFileSync(pathTxt, 'utf8')));
  if (!installed) say('fetching Electron… (first run only; this can take a few minutes)');
  const probe = `process.stdout.write('\\n${PATH_MARK}' + require('electron') + '\\n')`;
  const result = spawnSync(process.execPath, ['-e', probe], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const missing = (why) => ({ reason: `Electron binary not available (${why})` });
  if (result.error?.code === 'ETIMEDOUT')
    return missing(`download timed out after ${DOWNLOAD_TIMEOUT_MS / 60_000} min`);
  const path = result.stdout
    ?.split('\n')
    .find((line) => line.startsWith(PATH_MARK))
    ?.slice(PATH_MARK.length);
  if (result.status !== 0 || !path) return missing(`download failed: ${firstError(result.stderr)}`);
  if (!existsSync(path)) return missing(`${path} does not exist`);
  return { path };
}

/** The first error line of a stack dump, e.g. "TypeError: fetch failed" → "fetch failed". */
function firstError(stderr = '') {
  const line = stderr.split('\n').find((l) => /^\s*\w*Error\b/.test(l)) ?? stderr.trim().split('\n')[0];
  return (line ?? 'unknown error').trim().replace(/^\w*Error:\s*/, '') || 'unknown error';
}

function runElectron(path) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node and ignore the app
  const child = spawn(path, [ROOT, ...args], { cwd: ROOT, stdio: 'inherit', env });
  // The desktop app treats SIGINT/SIGTERM as "quit" and is idempotent about repeats.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * Runs `hookscope serve` in this process rather than a child: Ctrl-C reaches every process in the
 * terminal's group, so a child would get it once from the terminal and again from our forwarding, and
 * serve treats a second signal as "stop now". The no-op listeners keep any repeat (npm may relay one too)
 * from killing the process mid-flush; serve's own handlers do the graceful stop.
 */
async function runHeadless() {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});
  const { main, processIO } = await import(pathToFileURL(join(ROOT, 'dist', 'host', 'cli.js')).href);
  process.exit(await main(['serve', ...args], processIO));
}

ensureBuilt();
const electron = findElectron();
if (electron.path) {
  runElectron(electron.path);
} else {
  say(`${electron.reason}; starting the headless host instead`);
  await runHeadless();
}
