/** The real headless host, in-process, on ephemeral ports, serving the built renderer from dist/renderer. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningHost, startHost } from '../../electron/host/serve.js';
import { tempDir } from '../helpers/tmp.js';

export const E2E_TOKEN = 'e2e-token-1234';
const RENDERER_DIR = join('dist', 'renderer');

export interface E2eHost {
  host: RunningHost;
  dataDir: string;
  /** The UI URL with the token in the fragment, as `hookscope serve` prints it. */
  uiUrl: string;
  /** The UI URL without any token. */
  baseUrl: string;
  stop(): Promise<void>;
}

export interface E2eHostOptions {
  /** Runs on the empty data folder before the host starts (e.g. to plant a damaged file). */
  prepare?: (dataDir: string) => void;
  /** A fixed control port (to restart a host where a page expects it); default any free port. */
  port?: number;
  token?: string;
  /** Serve the receiver over HTTPS (a self-signed certificate in the data folder). */
  receiverHttps?: boolean;
}

export async function startE2eHost(options: E2eHostOptions = {}): Promise<E2eHost> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `${RENDERER_DIR}/index.html is missing: build the renderer first (npx vite build, or npm run build) — the e2e tests drive the built UI`,
    );
  }
  const tmp = tempDir('hookscope-e2e-');
  options.prepare?.(tmp.dir);
  let host: RunningHost;
  try {
    host = await startHost({
      dataDir: tmp.dir,
      port: options.port ?? 0,
      receiverPort: 0,
      token: options.token ?? E2E_TOKEN,
      rendererDir: RENDERER_DIR,
      ...(options.receiverHttps && { receiverHttps: true }),
    });
  } catch (err) {
    tmp.remove();
    throw err;
  }
  return {
    host,
    dataDir: tmp.dir,
    uiUrl: host.uiUrl,
    baseUrl: `${host.api.url}/`,
    stop: async () => {
      await host.stop();
      tmp.remove();
    },
  };
}
