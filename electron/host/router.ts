/** Matches an HTTP request to a contract method, built once from the contract's route table. */
import { contract, type HttpMethod, type MethodName, parseRoute } from '../../shared/contract/index.js';

interface CompiledRoute {
  name: MethodName;
  method: HttpMethod;
  segments: string[];
}

export interface RouteMatch {
  name: MethodName;
  pathParams: Record<string, string>;
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor() {
    this.routes = (Object.keys(contract) as MethodName[]).map((name) => {
      const { method, path } = parseRoute(contract[name].route);
      return { name, method, segments: path.split('/').filter(Boolean) };
    });
    // Literal segments win over parameters (e.g. /api/captures/export.har before /api/captures/:id).
    this.routes.sort((a, b) => literalWeight(b) - literalWeight(a));
  }

  /** Returns the match, or the methods allowed on the path (for 405), or nothing (404). */
  match(method: string, pathname: string): RouteMatch | { allowed: HttpMethod[] } | undefined {
    const parts = pathname.split('/').filter(Boolean);
    const allowed: HttpMethod[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { name: route.name, pathParams: params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { allowed } : undefined;
  }
}

function literalWeight(route: CompiledRoute): number {
  return route.segments.reduce((w, s, i) => w + (s.startsWith(':') ? 0 : 2 ** (8 - Math.min(i, 8))), 0);
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(v);
      } catch {
        return undefined;
      }
    } else if (p !== v) return undefined;
  }
  return params;
}
