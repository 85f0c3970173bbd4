import type { OpenAPIBackend, Operation } from 'openapi-backend';

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  operation: Operation;
}

export interface RouteMatch {
  operation: Operation;
  /** Path parameters by the contract's names, percent-decoded. */
  params: Record<string, string>;
}

export interface Router {
  match(method: string, path: string): RouteMatch | undefined;
  /** The methods some operation accepts at this path (for 405 answers), upper case. */
  methodsAt(path: string): string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(operation: Operation): Route {
  const names: string[] = [];
  const source = operation.path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (!part.startsWith('{')) return escapeRegExp(part);
      names.push(part.slice(1, -1));
      return '([^/]+)';
    })
    .join('');
  return { method: operation.method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, operation };
}

/** Fewer parameters first, then longer paths: `/accounts:delete` wins over `/accounts/{id}`. */
const specificity = (a: Route, b: Route) =>
  a.names.length - b.names.length || b.operation.path.length - a.operation.path.length;

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const routers = new WeakMap<OpenAPIBackend, Router>();

/**
 * The contract's operations as precompiled patterns, built once per contract: openapi-backend's own
 * matching rebuilds its candidates on every call (100-200 µs), which is most of a request's cost.
 * Trailing slashes are ignored, as openapi-backend does by default.
 */
export function routerFor(api: OpenAPIBackend): Router {
  const cached = routers.get(api);
  if (cached) return cached;
  const routes = api.getOperations().map(compile).sort(specificity);
  const normalise = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
  const router: Router = {
    match(method, rawPath) {
      const path = normalise(rawPath);
      const wanted = method.toUpperCase();
      for (const route of routes) {
        if (route.method !== wanted) continue;
        const found = route.pattern.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => {
          params[name] = decode(found[i + 1]!);
        });
        return { operation: route.operation, params };
      }
      return undefined;
    },
    methodsAt(rawPath) {
      const path = normalise(rawPath);
      return [...new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method))];
    },
  };
  routers.set(api, router);
  return router;
}
