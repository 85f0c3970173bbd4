import type { SandboxDeps } from '../deps.js';
import { createOpenApi } from '../http/openapi.js';
import type { Surface } from '../http/surface.js';
import { json, type SandboxRequest, type SandboxResponse } from '../http/types.js';

/** Tink's error body for a request the API does not know: `{errorMessage, errorCode}` (reference §4.1). */
const tinkError = (status: number, errorMessage: string, errorCode: string): SandboxResponse =>
  json(status, { errorMessage, errorCode });

/** The Tink surface: OAuth, users and the Connector API (paths under /api, /connector and /data). */
export async function createTinkSurface(_deps: SandboxDeps): Promise<Surface> {
  const api = await createOpenApi('tink');
  return {
    name: 'tink',
    api,
    handlers: {},
    owns: (path) => path.startsWith('/api/') || path.startsWith('/connector/') || path.startsWith('/data/'),
    authenticate: () => ({ ok: false, response: tinkError(401, 'Unauthorized', 'unauthorized') }),
    rejectBody: (_routed, _kind, detail) => tinkError(400, detail, 'bad_request'),
    rejectInvalid: () => tinkError(400, 'Validation of the sent data failed.', 'validation_failed'),
    notFound: (request: SandboxRequest, allowed) =>
      allowed.length
        ? tinkError(405, `${request.method} is not allowed on ${request.path}`, 'method_not_allowed')
        : tinkError(404, `No endpoint at ${request.method} ${request.path}`, 'not_found'),
  };
}
