/**
 * The IPC boundary: no handler outside ipc.ts, every contract method has its channel, and every channel
 * refuses a forged sender while answering the app window, with typed errors in the envelope.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-protocol.js';
import {
  type EngineLike,
  forwardLive,
  type IpcEnvelope,
  type IpcMainLike,
  type IpcSenderEvent,
  registerApi,
} from '../../../electron/main/ipc.js';
import { contract, type LiveMessage, type MethodName } from '../../../shared/contract/index.js';
import { ipcChannel, LIVE_CHANNEL } from '../../../shared/contract/method-names.js';
import { ValidationError } from '../../../shared/errors.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const MAIN_DIR = join(ROOT, 'electron', 'main');
const BARE_REGISTRATION =
  /\bipcMain\s*(?:\.\s*(?:handle|handleOnce|on|once|addListener|prependListener|prependOnceListener)\b|\[)/;

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => Promise<IpcEnvelope>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  return { ipcMain, handlers };
}

function fakeEngine(answer: (name: MethodName, params: unknown) => unknown = (name) => ({ answered: name })) {
  const calls: { name: MethodName; params: unknown; ctx: unknown }[] = [];
  const engine: EngineLike = {
    call: async (name, params, ctx) => {
      calls.push({ name, params, ctx });
      return answer(name, params);
    },
    live: { subscribe: () => () => {} },
  };
  return { engine, calls };
}

const quiet = { warn: () => {}, error: () => {} };
const frame = (url: string, parent: unknown = null): IpcSenderEvent => ({ senderFrame: { url, parent } });
const LEGIT = frame(`${APP_ORIGIN}/index.html#/settings`);

const FORGED: [string, IpcSenderEvent][] = [
  ['a destroyed frame', { senderFrame: null }],
  ['the headless UI origin', frame('http://127.0.0.1:4800/')],
  ['a web page', frame('https://evil.example/')],
  ['a local file', frame('file:///home/me/evil.html')],
  ['another app:// host', frame('app://evil/index.html')],
  ['a look-alike host', frame('app://hookscope.evil.example/index.html')],
  ['userinfo trickery', frame('app://hookscope@evil.example/index.html')],
  ['a sub-frame of the app', frame(`${APP_ORIGIN}/index.html`, { url: `${APP_ORIGIN}/index.html` })],
  ['about:blank', frame('about:blank')],
  ['an unparsable URL', frame('not a url')],
];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('ipcMain is only used through ipc.ts', () => {
  it('finds no bare ipcMain registration in electron/main outside ipc.ts', () => {
    const offenders = sourcesUnder(MAIN_DIR)
      .filter((file) => !file.endsWith(join('main', 'ipc.ts')))
      .filter((file) => BARE_REGISTRATION.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders, 'register IPC handlers with createIpc().handle from electron/main/ipc.ts').toEqual([]);
  });

  it('would catch the forms it is meant to catch', () => {
    for (const bad of [
      "ipcMain.handle('x', f)",
      'ipcMain.on("x", f)',
      'ipcMain .handleOnce(',
      'ipcMain.once(',
      "ipcMain['on'](",
    ]) {
      expect(bad).toMatch(BARE_REGISTRATION);
    }
    expect('ipcMain.removeAllListeners(channel)').not.toMatch(BARE_REGISTRATION);
  });

  it('ipc.ts itself registers through a single ipcMain.handle call (the wrapper)', () => {
    const source = readFileSync(join(MAIN_DIR, 'ipc.ts'), 'utf8');
    expect(source.match(/ipcMain\.handle\(/g)).toHaveLength(1);
  });
});

describe('registerApi', () => {
  it('registers exactly one channel per contract method', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerApi(ipcMain, fakeEngine().engine, { allowedOrigin: APP_ORIGIN, log: quiet });
    const expected = (Object.keys(contract) as MethodName[]).map(ipcChannel).sort();
    expect([...handlers.keys()].sort()).toEqual(expected);
    expect(handlers.has(LIVE_CHANNEL)).toBe(false);
  });

  it.each(FORGED)('refuses %s on every channel without reaching the engine', async (_label, event) => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { engine, calls } = fakeEngine();
    registerApi(ipcMain, engine, { allowedOrigin: APP_ORIGIN, log: quiet });
    for (const [channel, listener] of handlers) {
      const reply = await listener(event, {});
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
  });

  it('answers the app window on every channel, passing params and the IPC context', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { engine, calls } = fakeEngine();
    registerApi(ipcMain, engine, { allowedOrigin: APP_ORIGIN, log: quiet });
    for (const name of Object.keys(contract) as MethodName[]) {
      const reply = await handlers.get(ipcChannel(name))!(LEGIT, { probe: name });
      expect(reply).toEqual({ ok: true, result: { answered: name } });
    }
    expect(calls[0]).toEqual({
      name: 'health',
      params: { probe: 'health' },
      ctx: { transport: 'ipc', actor: 'desktop' },
    });
  });

  it('carries typed errors in the envelope, with field issues', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { engine } = fakeEngine(() => {
      throw new ValidationError('invalid parameters', [{ path: 'theme', message: 'expected light or dark' }]);
    });
    registerApi(ipcMain, engine, { allowedOrigin: APP_ORIGIN, log: quiet });
    const reply = await handlers.get(ipcChannel('updateSettings'))!(LEGIT, { theme: 'pink' });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'invalid parameters',
        issues: [{ path: 'theme', message: 'expected light or dark' }],
      },
    });
  });

  it('reports unexpected failures as internal errors without a stack', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { engine } = fakeEngine(() => {
      throw new Error('disk on fire');
    });
    registerApi(ipcMain, engine, { allowedOrigin: APP_ORIGIN, log: quiet });
    const reply = await handlers.get(ipcChannel('health'))!(LEGIT);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error: disk on fire' },
    });
  });

  it('refuses a second handler for a channel and removes all on dispose', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const ipc = registerApi(ipcMain, fakeEngine().engine, { allowedOrigin: APP_ORIGIN, log: quiet });
    expect(() => ipc.handle(ipcChannel('health'), () => 1)).toThrow(/already registered/);
    ipc.dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('forwardLive', () => {
  function liveEngine() {
    let listener: ((m: LiveMessage) => void) | undefined;
    const engine: EngineLike = {
      call: async () => undefined,
      live: {
        subscribe: (l) => {
          listener = l;
          return () => {
            listener = undefined;
          };
        },
      },
    };
    return { engine, emit: (m: LiveMessage) => listener?.(m), subscribed: () => listener !== undefined };
  }
  const message = {
    event: 'audit',
    data: { id: 'a1', at: '', actor: 'desktop', action: 'update', target: 'settings' },
  } as LiveMessage;

  it('sends events on the live channel only while the window shows the app', () => {
    const { engine, emit } = liveEngine();
    const sent: unknown[] = [];
    let url = `${APP_ORIGIN}/index.html`;
    forwardLive(
      engine,
      { isDestroyed: () => false, getURL: () => url, send: (c, m) => sent.push([c, m]) },
      APP_ORIGIN,
    );
    emit(message);
    url = 'https://evil.example/';
    emit(message);
    expect(sent).toEqual([[LIVE_CHANNEL, message]]);
  });

  it('unsubscribes once the window is destroyed', () => {
    const { engine, emit, subscribed } = liveEngine();
    forwardLive(engine, { isDestroyed: () => true, getURL: () => APP_ORIGIN, send: () => {} }, APP_ORIGIN);
    emit(message);
    expect(subscribed()).toBe(false);
  });
});
