/** `hookscope serve`: the headless host. Prints one line with the UI URL; stops cleanly on SIGINT/SIGTERM. */
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../../core/data-dir.js';
import { DEFAULT_API_PORT, DEFAULT_RECEIVER_PORT, startHost } from '../serve.js';
import { reportTunnel, TUNNEL_USAGE, tunnelRequest } from './tunnel-output.js';
import { type CliCommand, UsageError } from './types.js';

export const SERVE_USAGE = `hookscope serve [--port N] [--receiver-port N] [--receiver-https] [--data DIR] [--token T] [--tunnel [--tunnel-host URL] [--subdomain S]]
  --port N           control API + UI port on 127.0.0.1 (default ${DEFAULT_API_PORT}; 0 = any free port)
  --receiver-port N  webhook receiver port (default ${DEFAULT_RECEIVER_PORT}; 0 = any free port)
  --receiver-https   receiver speaks HTTPS (self-signed; trust GET /api/certificate.pem); not with --tunnel
  --data DIR         data folder (default ${defaultDataDir()}; env HOOKSCOPE_DATA)
  --token T          API token (default: env HOOKSCOPE_TOKEN, else a random token per run)
${TUNNEL_USAGE}`;

export function parsePort(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`${flag} must be a port number 0-65535, got "${value}"`);
  return port;
}

export const run: CliCommand = async (args, io) => {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'receiver-port': { type: 'string' },
      'receiver-https': { type: 'boolean' },
      data: { type: 'string' },
      token: { type: 'string' },
      tunnel: { type: 'boolean' },
      'tunnel-host': { type: 'string' },
      subdomain: { type: 'string' },
    },
    strict: true,
  });
  const token = values.token ?? (io.env.HOOKSCOPE_TOKEN || undefined);
  if (token !== undefined && token.length < 8)
    throw new UsageError('the token must be at least 8 characters');
  const tunnel = tunnelRequest(values);
  if (values['receiver-https'] && tunnel) {
    // The tunnel relays the public side's plain HTTP to the receiver port, which would then expect TLS.
    throw new UsageError(
      '--receiver-https cannot be combined with --tunnel (the tunnel already serves HTTPS publicly)',
    );
  }
  let host: Awaited<ReturnType<typeof startHost>>;
  try {
    host = await startHost({
      dataDir: values.data ?? defaultDataDir(io.env),
      port: parsePort(values.port, '--port', DEFAULT_API_PORT),
      receiverPort: parsePort(values['receiver-port'], '--receiver-port', DEFAULT_RECEIVER_PORT),
      receiverHttps: values['receiver-https'] === true,
      token,
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { port?: number };
    if (e.code === 'EADDRINUSE') {
      io.stderr(
        `hookscope: port ${e.port ?? ''} is already in use; pass --port N (or --port 0 for any free port)\n`,
      );
      return 1;
    }
    io.stderr(`hookscope: ${e.message}\n`);
    return 1;
  }
  io.stdout(`Hookscope ${host.engine.health().version} is running at ${host.uiUrl}\n`);
  for (const issue of host.engine.storeIssues) {
    io.stderr(`hookscope: warning: ${issue.file} was damaged (${issue.reason}); moved to ${issue.movedTo}\n`);
  }
  const stopTunnelReport = reportTunnel(host.engine, io);
  if (tunnel) {
    try {
      await host.engine.call('updateTunnel', tunnel, { transport: 'cli', actor: 'cli' });
    } catch (err) {
      io.stderr(`hookscope: could not start the tunnel: ${(err as Error).message}\n`);
      stopTunnelReport();
      await host.stop();
      return 1;
    }
  }
  return new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: string) => {
      // Ctrl-C reaches every process in the terminal's group, so a wrapper (npm, start.mjs) may relay a
      // second copy: repeats are ignored rather than cutting the final save short.
      if (stopping) return;
      stopping = true;
      stopTunnelReport();
      io.stderr(`hookscope: ${signal} received, saving and stopping…\n`);
      host.stop().then(
        () => {
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          resolve(0);
        },
        (err) => {
          io.stderr(`hookscope: error while stopping: ${(err as Error).message}\n`);
          resolve(1);
        },
      );
    };
    const onInt = () => shutdown('SIGINT');
    const onTerm = () => shutdown('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
};
