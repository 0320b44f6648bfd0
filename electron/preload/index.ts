/**
 * Security model: this runs sandboxed in the isolated world and exposes `window.hookscope`: one function
 * per contract method (each bound to its own channel), plus `onLive`. Never a generic invoke, never
 * ipcRenderer, events or process.env. Main checks the sender's origin; zod validates params there, which is
 * why this file imports only the method names (no zod) and bundles to CJS with 'electron' as sole external.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { HookscopeBridge } from '../../renderer/api/bridge-types.js';
import type { LiveMessage, MethodName } from '../../shared/contract/index.js';
import { ipcChannel, LIVE_CHANNEL, METHOD_NAMES } from '../../shared/contract/method-names.js';
import type { WireError } from '../../shared/errors.js';

/**
 * How a failed call rejects. contextBridge copies an Error as its message only (custom properties are
 * dropped), so the rejection is a plain error-shaped object: the bridge copies every field, and the
 * renderer reads code/message/issues from it (renderer/api/errors.ts) or rebuilds one with `new ApiError(e)`.
 */
export interface BridgeError extends WireError {
  name: 'ApiError';
}

type Envelope = { ok: true; result: unknown } | { ok: false; error: WireError };

const BRIDGE_KEY = 'hookscope';

function isEnvelope(value: unknown): value is Envelope {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function callerFor(name: MethodName): (params?: unknown) => Promise<unknown> {
  const channel = ipcChannel(name);
  return async (params) => {
    let reply: unknown;
    try {
      reply = await ipcRenderer.invoke(channel, params ?? {});
    } catch (err) {
      // Electron rejects only when no handler answers (app still starting, or shutting down).
      throw bridgeError({ code: 'unavailable', message: `${channel}: ${(err as Error).message}` });
    }
    if (!isEnvelope(reply)) {
      throw bridgeError({ code: 'internal', message: `malformed reply on ${channel}` });
    }
    if (reply.ok) return reply.result;
    throw bridgeError(reply.error);
  };
}

function bridgeError(wire: WireError): BridgeError {
  const error: BridgeError = { name: 'ApiError', code: wire.code, message: wire.message };
  if (wire.issues) error.issues = wire.issues.map((i) => ({ path: i.path, message: i.message }));
  return error;
}

function onLive(listener: (message: LiveMessage) => void): () => void {
  // The IpcRendererEvent (whose .sender is ipcRenderer itself) must never reach the page.
  const relay = (_event: IpcRendererEvent, message: LiveMessage) => listener(message);
  ipcRenderer.on(LIVE_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(LIVE_CHANNEL, relay);
  };
}

/** Typed against the renderer's declared HookscopeBridge, so the two cannot drift apart. */
export function buildBridge(): HookscopeBridge {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) api[name] = callerFor(name);
  api.onLive = onLive;
  return api as HookscopeBridge;
}

contextBridge.exposeInMainWorld(BRIDGE_KEY, buildBridge());
