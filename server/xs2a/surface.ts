import type { SandboxDeps } from '../deps.js';
import { createOpenApi } from '../http/openapi.js';
import type { Surface } from '../http/surface.js';
import type { SandboxRequest } from '../http/types.js';
import { authenticate, type Xs2aPrincipal } from './auth.js';
import { fromSchemaErrors, xs2aError } from './errors.js';
import { accessTokenHandlers } from './handlers/access-tokens.js';
import { accountHandlers } from './handlers/accounts.js';
import { bankCodeHandlers } from './handlers/bank-codes.js';
import { connectionHandlers } from './handlers/connections.js';
import { eventHandlers } from './handlers/events.js';
import { sessionHandlers } from './handlers/sessions.js';
import { userHandlers } from './handlers/users.js';
import { wizardHandlers } from './handlers/wizard.js';
import { registerXs2aTimeline } from './schedule.js';

/** Every XS2A operation's handler, by the contract's operationId; one file per contract tag. */
export const xs2aHandlers: Surface<Xs2aPrincipal>['handlers'] = {
  ...userHandlers,
  ...accessTokenHandlers,
  ...connectionHandlers,
  ...accountHandlers,
  ...wizardHandlers,
  ...sessionHandlers,
  ...bankCodeHandlers,
  ...eventHandlers,
};

/** The XS2A surface: bank users, tokens, connections, wizard, accounts (paths under /v1 and /v1.1). */
export async function createXs2aSurface(deps: SandboxDeps): Promise<Surface<Xs2aPrincipal>> {
  const api = await createOpenApi('xs2a');
  registerXs2aTimeline(deps.timeline);
  return {
    name: 'xs2a',
    api,
    handlers: xs2aHandlers,
    owns: (path) => path.startsWith('/v1/') || path.startsWith('/v1.1/'),
    authenticate,
    rejectBody: (_routed, kind, detail) =>
      xs2aError(
        400,
        kind === 'too-large' ? `The body is too large: ${detail}` : `The body could not be read: ${detail}`,
      ),
    rejectInvalid: (errors) => fromSchemaErrors(errors),
    notFound: (request: SandboxRequest, allowed) =>
      allowed.length
        ? xs2aError(
            405,
            `The ${request.method} method is not supported for this route. Supported: ${allowed.join(', ')}.`,
            {
              allow: allowed.join(', '),
            },
          )
        : xs2aError(404, `Not found: ${request.method} ${request.path}`),
  };
}
