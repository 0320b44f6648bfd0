/**
 * Security model: whatever runs in the window is untrusted input. Every ipcMain handler is registered here
 * through `handle`, which answers only a top-level frame whose URL is on the app origin (checked with
 * `new URL()` on every call, since a frame can navigate after it was created); params are validated by the
 * engine's zod schemas. Results and errors travel in an envelope so typed errors survive IPC.
 */
import type { CallContext } from '../../shared/contract/define.js';
import type { LiveMessage, MethodName } from '../../shared/contract/index.js';
import { ipcChannel, LIVE_CHANNEL, METHOD_NAMES } from '../../shared/contract/method-names.js';
import { toWireError, type WireError } from '../../shared/errors.js';

/** What every IPC handler returns. Electron would reduce a thrown error to a message string. */
export type IpcEnvelope<T = unknown> = { ok: true; result: T } | { ok: false; error: WireError };

/** The part of Electron's IpcMainInvokeEvent we rely on. `senderFrame` is null once the frame is gone. */
export interface IpcSenderEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** Electron's ipcMain satisfies this; tests pass a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<IpcEnvelope>,
  ): void;
  removeHandler(channel: string): void;
}

export interface EngineLike {
  call(name: MethodName, rawParams: unknown, ctx: CallContext): Promise<unknown>;
  readonly live: { subscribe(listener: (message: LiveMessage) => void): () => void };
}

export interface IpcOptions {
  /** e.g. app://hookscope — compared by scheme and host, because Node's URL gives custom schemes a "null" origin. */
  allowedOrigin: string;
  log?: Pick<Console, 'warn' | 'error'>;
}

export type IpcHandler = (...args: unknown[]) => unknown;

export interface IpcRegistry {
  /** The one way to register an IPC handler: origin-checked, enveloped, one handler per channel. */
  handle(channel: string, fn: IpcHandler): void;
  readonly channels: ReadonlySet<string>;
  dispose(): void;
}

const IPC_CONTEXT: CallContext = { transport: 'ipc', actor: 'desktop' };

/** True when the event comes from a top-level frame currently on the allowed origin. */
export function isTrustedSender(event: IpcSenderEvent, allowedOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  try {
    const sender = new URL(frame.url);
    const allowed = new URL(allowedOrigin);
    return sender.protocol === allowed.protocol && sender.host === allowed.host;
  } catch {
    return false;
  }
}

export function createIpc(ipcMain: IpcMainLike, options: IpcOptions): IpcRegistry {
  const log = options.log ?? console;
  const channels = new Set<string>();
  const handle = (channel: string, fn: IpcHandler): void => {
    // A second handler would throw inside Electron anyway; say which channel collided.
    if (channels.has(channel)) throw new Error(`IPC channel "${channel}" is already registered`);
    channels.add(channel);
    ipcMain.handle(channel, async (event, ...args): Promise<IpcEnvelope> => {
      if (!isTrustedSender(event, options.allowedOrigin)) {
        log.warn(`hookscope: refused IPC "${channel}" from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return {
          ok: false,
          error: { code: 'forbidden', message: `IPC "${channel}" is only answered for the app window` },
        };
      }
      try {
        return { ok: true, result: await fn(...args) };
      } catch (err) {
        const error = toWireError(err);
        if (error.code === 'internal') log.error(`hookscope: IPC "${channel}" failed:`, err);
        return { ok: false, error };
      }
    });
  };
  return {
    handle,
    channels,
    dispose: () => {
      for (const channel of channels) ipcMain.removeHandler(channel);
      channels.clear();
    },
  };
}

/** One channel per contract method, each calling the engine's validated entry point. */
export function registerApi(ipcMain: IpcMainLike, engine: EngineLike, options: IpcOptions): IpcRegistry {
  const ipc = createIpc(ipcMain, options);
  for (const name of METHOD_NAMES) {
    ipc.handle(ipcChannel(name), (params) => engine.call(name, params, IPC_CONTEXT));
  }
  return ipc;
}

/** The window's webContents, as far as live forwarding needs it. */
export interface LiveTarget {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, message: LiveMessage): void;
}

/** Relays engine events to the window while it shows the app (never to a page it was navigated to). */
export function forwardLive(engine: EngineLike, target: LiveTarget, allowedOrigin: string): () => void {
  const unsubscribe = engine.live.subscribe((message) => {
    if (target.isDestroyed()) {
      unsubscribe();
      return;
    }
    const onApp = isTrustedSender({ senderFrame: { url: target.getURL(), parent: null } }, allowedOrigin);
    if (onApp) target.send(LIVE_CHANNEL, message);
  });
  return unsubscribe;
}
