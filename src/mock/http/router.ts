import type { OperationIndex } from '../../descriptions/operations.ts';

/**
 * Routes from a version's operation index: the path templates (and so the path parameter names) are the
 * version's own — `/conversations/{id}` in 2.10, `/conversations/{conversation_id}` in 2.11.
 */
export interface Route {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: 'found'; operationId: string; params: Record<string, string>; pathValues: string[] }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export function compileRoutes(index: OperationIndex): Route[] {
  return Object.values(index.operations).map((op) => {
    const names: string[] = [];
    const source = op.path
      .split('/')
      .map((segment) => {
        const m = /^\{([^}]+)\}$/.exec(segment);
        if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('/');
    return {
      operationId: op.operationId,
      method: op.method.toUpperCase(),
      template: op.path,
      pattern: new RegExp(`^${source}$`),
      names,
    };
  });
}

/**
 * The route of a request. A template with fewer parameters wins over one with more (OpenAPI: "concrete paths are
 * matched before their templated counterparts"), so `GET /conversations/search` is the search route's 405 (Allow:
 * POST), not a retrieve of a conversation called "search".
 */
export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch {
  let best: Array<{ route: Route; m: RegExpExecArray }> = [];
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (best.length === 0 || route.names.length < best[0]!.route.names.length) best = [{ route, m }];
    else if (route.names.length === best[0]!.route.names.length) best.push({ route, m });
  }
  if (best.length === 0) return { kind: 'not-found' };
  const hit = best.find((b) => b.route.method === method);
  if (!hit) {
    const allowed = best.map((b) => b.route.method);
    if (allowed.includes('GET')) allowed.push('HEAD');
    return { kind: 'method-not-allowed', allowed };
  }
  const { route, m } = hit;
  const params: Record<string, string> = {};
  const pathValues = route.names.map((name, k) => {
    let value = m[k + 1]!;
    try {
      value = decodeURIComponent(value);
    } catch {
      // a malformed escape stays as sent: no conversation or tag has such an id
    }
    params[name] = value;
    return value;
  });
  return { kind: 'found', operationId: route.operationId, params, pathValues };
}
