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

export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
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
  if (allowed.includes('GET')) allowed.push('HEAD');
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
