/**
 * The preload bridge, loaded with a mocked 'electron': one function per contract method on its own
 * channel, nothing generic, envelopes unwrapped into results or error-shaped rejections, and live events
 * relayed without the IPC event. Also checks the bundle stays tiny: 'electron' is its only import.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HookscopeBridge } from '../../../renderer/api/bridge-types.js';
import type { LiveMessage } from '../../../shared/contract/index.js';
import { ipcChannel, LIVE_CHANNEL, METHOD_NAMES } from '../../../shared/contract/method-names.js';
import { ApiError } from '../../../shared/errors.js';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

const ROOT = join(import.meta.dirname, '..', '..', '..');
let bridge: HookscopeBridge;

beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]!;
  expect(key).toBe('hookscope');
  bridge = api as HookscopeBridge;
});
beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.on.mockReset();
  electron.ipcRenderer.removeListener.mockReset();
});

describe('window.hookscope', () => {
  it('exposes exactly one function per contract method, plus onLive', () => {
    expect(Object.keys(bridge).sort()).toEqual([...METHOD_NAMES, 'onLive'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('has no generic door: no invoke/send/ipcRenderer/process/env', () => {
    for (const key of Object.keys(bridge)) {
      expect(key).not.toMatch(/invoke|send|ipc|process|env|require|channel/i);
    }
  });

  it.each([...METHOD_NAMES])('%s invokes its own channel and unwraps the result', async (name) => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { from: name } });
    const call = bridge[name] as (params?: unknown) => Promise<unknown>;
    await expect(call({ probe: 1 })).resolves.toEqual({ from: name });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel(name), { probe: 1 });
  });

  it('rejects with the error fields intact (code, message, issues), which ApiError can rebuild', async () => {
    const issues = [{ path: 'theme', message: 'expected light or dark' }];
    electron.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'validation', message: 'bad', issues },
    });
    const failure = await bridge.updateSettings({ theme: 'dark' }).catch((e: unknown) => e);
    expect(failure).toEqual({ name: 'ApiError', code: 'validation', message: 'bad', issues });
    // A plain object survives contextBridge's copy; an Error would arrive as its message only.
    expect(Object.getPrototypeOf(failure)).toBe(Object.prototype);
    const rebuilt = new ApiError(failure as ApiError);
    expect([rebuilt.code, rebuilt.status, rebuilt.issues]).toEqual(['validation', 422, issues]);
  });

  it('turns a missing handler and a malformed reply into error-shaped rejections', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(
      new Error("No handler registered for 'hookscope:health'"),
    );
    await expect(bridge.health({})).rejects.toMatchObject({ code: 'unavailable' });
    electron.ipcRenderer.invoke.mockResolvedValueOnce('surprise');
    await expect(bridge.health({})).rejects.toMatchObject({ code: 'internal' });
  });

  it('relays live messages without the IPC event, and unsubscribes', () => {
    const received: unknown[][] = [];
    const stop = bridge.onLive((...args) => received.push(args));
    const [channel, relay] = electron.ipcRenderer.on.mock.calls[0]!;
    expect(channel).toBe(LIVE_CHANNEL);
    const message = { event: 'settings', data: {} } as LiveMessage;
    relay({ sender: 'the ipcRenderer object' }, message);
    expect(received).toEqual([[message]]);
    stop();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(LIVE_CHANNEL, relay);
  });
});

describe('preload bundle', () => {
  it("imports nothing but 'electron' (no zod, no Node built-ins: it runs sandboxed)", async () => {
    const result = await build({
      entryPoints: [join(ROOT, 'electron', 'preload', 'index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([]);
    const output = Object.values(result.metafile.outputs)[0]!;
    expect(output.imports.map((i) => i.path)).toEqual(['electron']);
  });
});
