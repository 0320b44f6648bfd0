/**
 * The CLI's generated bad inputs: bad flags, unknown commands, missing, unreadable and broken files, and a
 * runner that spawns the built CLI for each (four at a time) and collects exit codes and stderr.
 */
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from '../spawn-host.js';
import type { Rng } from './recorder.js';

export interface CliResult {
  args: string[];
  code: number;
  err: string;
}

/** Writes the unreadable and broken files into `dir` and returns the argument lists to run (21 of them). */
export function cliCases(rng: Rng, dir: string): string[][] {
  const unreadable = join(dir, 'unreadable.json');
  writeFileSync(unreadable, '{}');
  chmodSync(unreadable, 0o000);
  const brokenPem = join(dir, 'broken.pem');
  writeFileSync(brokenPem, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
  const runs: string[][] = [
    ['serve', '--port', 'abc'],
    ['serve', '--port', '99999'],
    ['serve', '--token', 'short'],
    ['serve', '--nope'],
    ['serve', '--subdomain', 'x'],
    ['sign', '--scheme', 'nope', '--secret', 'x'],
    ['sign', '--scheme', 'instnt-rsa', '--key', brokenPem, join(dir, 'missing.json')],
    ['sign', '--scheme', 'instafill-hmac', '--secret', 'x', join(dir, 'missing.json')],
    ['verify', '--scheme', 'instafill-hmac', '--secret', 'x', '-H', 'no colon', unreadable],
    ['verify', '--scheme', 'instnt-rsa', '--key', join(dir, 'nokey.pem'), unreadable],
    ['send', 'form.completed', '--to', 'not a url'],
    ['send', 'form.completed', '--to', 'http://127.0.0.1:9', '--data', `@${unreadable}`],
    ['send', 'form.completed', '--to', 'http://127.0.0.1:9', '--data', '{broken json'],
    ['keygen', 'dsa'],
    ['keygen', 'rsa', '--bits', 'many'],
    ['frobnicate'],
    ['sign'],
    ['verify', '--tolerance', '-5'],
    ['send'],
  ];
  return [...runs, ...runs.slice(0, 2).map((r) => [...r, `--x${rng.int(100)}`])];
}

/** Runs the CLI once with `args` (no token, data under `dataDir`); killed after 10 s. */
function runCli(args: string[], dataDir: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOOKSCOPE_DATA: dataDir, HOOKSCOPE_TOKEN: '' },
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ args, code: code ?? -1, err });
    });
  });
}

/** Runs every argument list, four at a time, and returns the results in order. */
export async function runCliCases(all: string[][], dataDir: string): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (let i = 0; i < all.length; i += 4) {
    results.push(...(await Promise.all(all.slice(i, i + 4).map((args) => runCli(args, dataDir)))));
  }
  return results;
}
