import { createHash } from 'node:crypto';
import type { SandboxDeps } from '../deps.js';
import { createOpenApi } from '../http/openapi.js';
import type { Handler, RoutedRequest, Surface } from '../http/surface.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import { authenticateBearer, authenticateClient, type TinkPrincipal } from './auth.js';
import { DIALECT_OPERATIONS, dialectErrors, dialectOf } from './dialect.js';
import { oauthError, validationFailed } from './errors.js';
import { connectorAccountHandlers } from './handlers/connector-accounts.js';
import { connectorTransactionHandlers } from './handlers/connector-transactions.js';
import { connectorV2Handlers, noSuchEndpoint } from './handlers/connector-v2.js';
import { dataHandlers } from './handlers/data.js';
import { oauthHandlers } from './handlers/oauth.js';
import { operationHandlers } from './handlers/operations.js';
import { userHandlers } from './handlers/users.js';
import { withIdempotency } from './idempotency.js';
import { operationsDue } from './operations.js';
import { fieldErrors } from './validation.js';

/** Every Tink operation's handler, by the contract's operationId; writes honour `Idempotency-Key`. */
function tinkHandlers(): Record<string, Handler<TinkPrincipal>> {
  const writes = {
    ...userHandlers,
    ...connectorAccountHandlers,
    ...connectorTransactionHandlers,
    ...connectorV2Handlers,
  };
  const idempotent = Object.fromEntries(
    Object.entries(writes).map(([id, handler]) => [id, withIdempotency(handler)]),
  );
  return { ...oauthHandlers, ...operationHandlers, ...dataHandlers, ...idempotent };
}

/**
 * Tink's `X-Request-ID` (and `X-Tink-Request-ID`, which the Elixir client reads) on every response.
 * Request ids are not domain data: a per-surface counter keeps them unique and reproducible.
 */
function requestIds() {
  let counter = 0;
  return () => {
    counter += 1;
    const hex = createHash('sha256').update(`tink-request:${counter}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
}

/** The Tink surface: OAuth, users and the Connector API (paths under /api, /connector and /data). */
export async function createTinkSurface(deps: SandboxDeps): Promise<Surface<TinkPrincipal>> {
  const api = await createOpenApi('tink');
  const nextRequestId = requestIds();
  deps.timeline.register(operationsDue);
  return {
    name: 'tink',
    api,
    handlers: tinkHandlers(),
    owns: (path) => path.startsWith('/api/') || path.startsWith('/connector/') || path.startsWith('/data/'),

    authenticate: (routed: RoutedRequest) =>
      routed.operationId === 'getAccessToken'
        ? authenticateClient(routed, deps)
        : authenticateBearer(routed, deps),

    rejectBody: (_routed, kind, detail) =>
      kind === 'too-large'
        ? oauthError(413, 'The request body is too large.', 'request.too_large')
        : validationFailed([{ fieldName: '(body)', errorMessage: `(body) ${detail}` }]),

    // A body that may be either dialect is judged by the schema of the dialect its shape claims.
    rejectInvalid: (errors, routed) => {
      // Documented-only: the v2 paths do not exist, whatever their body.
      if (deps.options.documentedOnly && routed.operationId.endsWith('V2'))
        return noSuchEndpoint(routed.request);
      if (DIALECT_OPERATIONS.has(routed.operationId)) {
        const dialect = deps.options.documentedOnly
          ? 'documented'
          : dialectOf(routed.operationId, routed.body);
        const own = dialectErrors(routed.operationId, dialect, routed.body);
        if (own.length) return validationFailed(own);
      }
      return validationFailed(fieldErrors(errors, { strip: '/requestBody' }));
    },

    notFound: (request: SandboxRequest, allowed) =>
      allowed.length
        ? oauthError(405, `${request.method} is not allowed on ${request.path}`, 'method_not_allowed')
        : oauthError(404, `No endpoint at ${request.method} ${request.path}`, 'not_found'),

    finish: (response: SandboxResponse, request: SandboxRequest) => {
      const id = nextRequestId();
      const trace = request.headers['x-client-trace-id'];
      const headers: Record<string, string> = {
        ...response.headers,
        'x-request-id': id,
        'x-tink-request-id': id,
      };
      if (trace) headers['x-client-trace-id'] = trace;
      return { ...response, headers };
    },
  };
}
