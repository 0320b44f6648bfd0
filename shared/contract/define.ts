/**
 * The contract's building blocks. A method is a name, an HTTP route, a zod schema for its params and a
 * phantom result type. Both transports (HTTP and the Electron preload bridge) and the engine's handler
 * table are derived from one contract object, so the compiler rejects a method any side forgot.
 */
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RoutePath = `${HttpMethod} /api/${string}`;

/** A phantom carrier for a result type: exists only for the compiler. */
export interface Returns<T> {
  readonly __result?: T;
}
export const returns = <T>(): Returns<T> => ({});

export interface MethodDef<P extends z.ZodType = z.ZodType, R = unknown> {
  /** e.g. `GET /api/endpoints/:id`; `:name` segments are filled from params of the same name. */
  readonly route: RoutePath;
  readonly params: P;
  readonly result: Returns<R>;
  /** The response is sent as-is with this content type instead of JSON (PEM, curl, HAR downloads). */
  readonly raw?: string;
  /** One line for docs/api.md. */
  readonly summary?: string;
}

export type ContractShape = Record<string, MethodDef>;

/** Identity helper that keeps literal route strings and schema types. */
export const defineMethods = <const C extends ContractShape>(methods: C): C => methods;

export type ParamsIn<D> = D extends MethodDef<infer P, unknown> ? z.input<P> : never;
export type ParamsOut<D> = D extends MethodDef<infer P, unknown> ? z.output<P> : never;
export type ResultOf<D> = D extends MethodDef<z.ZodType, infer R> ? R : never;

/** True when every param is optional (or there are none), so callers may omit the argument. */
// biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "an argument with nothing required" here.
type AllOptional<T> = {} extends T ? true : false;

/** What a UI (or script) calls: one async function per method; params may be omitted when all are optional. */
export type ClientOf<C extends ContractShape> = {
  [K in keyof C]: AllOptional<ParamsIn<C[K]>> extends true
    ? (params?: ParamsIn<C[K]>) => Promise<ResultOf<C[K]>>
    : (params: ParamsIn<C[K]>) => Promise<ResultOf<C[K]>>;
};

/** Who is calling, so handlers can audit changes and hosts can differ where they must. */
export interface CallContext {
  readonly transport: 'http' | 'ipc' | 'cli' | 'internal';
  /** A human label for the audit log, e.g. "api 127.0.0.1" or "desktop". */
  readonly actor: string;
}

/** What the engine implements: one handler per method, params already validated. */
export type HandlersOf<C extends ContractShape> = {
  [K in keyof C]: (params: ParamsOut<C[K]>, ctx: CallContext) => Promise<ResultOf<C[K]>> | ResultOf<C[K]>;
};

/** Splits `GET /api/x/:id` into its parts. */
export function parseRoute(route: RoutePath): { method: HttpMethod; path: string; keys: string[] } {
  const space = route.indexOf(' ');
  const method = route.slice(0, space) as HttpMethod;
  const path = route.slice(space + 1);
  const keys = path
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
  return { method, path, keys };
}

/** Fills `:name` segments from params; returns the path and the params left over. */
export function fillPath(
  path: string,
  params: Record<string, unknown>,
): { path: string; rest: Record<string, unknown> } {
  const rest = { ...params };
  const filled = path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, key: string) => {
    const value = rest[key];
    if (value === undefined || value === null || value === '') {
      throw new TypeError(`missing path parameter "${key}" for ${path}`);
    }
    delete rest[key];
    return encodeURIComponent(String(value));
  });
  return { path: filled, rest };
}
