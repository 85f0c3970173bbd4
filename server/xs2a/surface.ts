import type { SandboxDeps } from '../deps.js';
import { createOpenApi } from '../http/openapi.js';
import type { Surface } from '../http/surface.js';
import { json, type SandboxRequest, type SandboxResponse } from '../http/types.js';

/** XS2A's error body: `{code, message}` with the HTTP status as code (reference §5). */
const xs2aError = (status: number, message: string): SandboxResponse =>
  json(status, { code: status, message });

/** The XS2A surface: bank users, tokens, connections, wizard, accounts (paths under /v1 and /v1.1). */
export async function createXs2aSurface(_deps: SandboxDeps): Promise<Surface> {
  const api = await createOpenApi('xs2a');
  return {
    name: 'xs2a',
    api,
    handlers: {},
    owns: (path) => path.startsWith('/v1/') || path.startsWith('/v1.1/'),
    authenticate: () => ({
      ok: false,
      response: { ...xs2aError(401, 'Unauthorized'), headers: { 'www-authenticate': 'Basic realm="XS2A"' } },
    }),
    rejectBody: (_routed, _kind, detail) => xs2aError(400, detail),
    rejectInvalid: () => xs2aError(422, 'The given data was invalid.'),
    notFound: (request: SandboxRequest, allowed) =>
      allowed.length
        ? xs2aError(405, `${request.method} is not allowed on ${request.path}`)
        : xs2aError(404, `Not found: ${request.path}`),
  };
}
