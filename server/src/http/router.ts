/**
 * A router for a handful of JSON routes: `METHOD /path/:param` patterns, matched segment by segment. A path that
 * matches with another method answers 405 with `Allow`; parameters are URL-decoded.
 */
export type Params = Readonly<Record<string, string>>;

export type Match<H> =
  | { readonly kind: 'found'; readonly handler: H; readonly params: Params }
  | { readonly kind: 'method'; readonly allowed: readonly string[] }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'none' };

type Route<H> = { readonly method: string; readonly segments: readonly string[]; readonly handler: H };

const split = (path: string): string[] => path.split('/').filter((s) => s.length > 0);

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  match(method: string, pathname: string): Match<H> {
    const segments = split(pathname);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (params === null) continue;
      if (params === 'malformed') return { kind: 'malformed' };
      if (route.method === method.toUpperCase() || (method.toUpperCase() === 'HEAD' && route.method === 'GET')) {
        return { kind: 'found', handler: route.handler, params };
      }
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method', allowed } : { kind: 'none' };
  }
}

function matchSegments(
  pattern: readonly string[],
  path: readonly string[],
): Record<string, string> | 'malformed' | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i] ?? '';
    const s = path[i] ?? '';
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(s);
      } catch {
        return 'malformed';
      }
    } else if (p !== s) {
      return null;
    }
  }
  return params;
}
