/** Starts the engine and the control API/UI server for the headless host (and for tests). */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../core/engine.js';
import { loadOrCreateReceiverTls } from '../core/receiver/receiver-tls.js';
import { confBackend } from '../core/store/conf-backend.js';
import { plainSecretBox } from '../core/store/plain-secret-box.js';
import { VERSION } from '../core/version.js';
import { type RunningApiServer, startApiServer } from './api-server.js';

export const DEFAULT_API_PORT = 4800;
export const DEFAULT_RECEIVER_PORT = 4801;
const LOOPBACK = '127.0.0.1';

export interface HostOptions {
  dataDir: string;
  /** 0 = any free port. */
  port?: number;
  receiverPort?: number;
  /** Serve the receiver over HTTPS with a self-signed certificate kept in the data folder. */
  receiverHttps?: boolean;
  token?: string;
  /** Defaults to the built renderer beside this file (dist/renderer), when present. */
  rendererDir?: string;
}

export interface RunningHost {
  engine: Engine;
  api: RunningApiServer;
  token: string;
  /** The UI URL with the token in the fragment (never sent to the server, never logged). */
  uiUrl: string;
  stop(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const engine = await Engine.start({
    dataDir: resolve(options.dataDir),
    host: 'headless',
    version: VERSION,
    confBackend,
    secretBox: plainSecretBox,
    receiver: {
      host: LOOPBACK,
      port: options.receiverPort ?? DEFAULT_RECEIVER_PORT,
      ...(options.receiverHttps && { tls: await loadOrCreateReceiverTls(resolve(options.dataDir)) }),
    },
  });
  let api: RunningApiServer;
  try {
    api = await startApiServer({
      engine,
      token,
      host: LOOPBACK,
      port: options.port ?? DEFAULT_API_PORT,
      rendererDir: options.rendererDir ?? findRendererDir(),
    });
  } catch (err) {
    await engine.close();
    throw err;
  }
  engine.setApiUrl(api.url);
  let stopping: Promise<void> | undefined;
  return {
    engine,
    api,
    token,
    uiUrl: `${api.url}/#token=${token}`,
    stop: () => {
      stopping ??= (async () => {
        await api.close();
        await engine.close();
      })();
      return stopping;
    },
  };
}

/** dist/renderer next to the bundled host (dist/host), or the repo's build output when run from source. */
export function findRendererDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '..', 'renderer'), join(here, '..', '..', 'dist', 'renderer')]) {
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}
