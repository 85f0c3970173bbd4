import type { Handler } from '../../http/surface.js';
import { json } from '../../http/types.js';
import type { TinkPrincipal } from '../auth.js';
import { oauthError } from '../errors.js';
import { operationView } from '../operations.js';
import { noSuchEndpoint } from './connector-v2.js';

export const operationHandlers: Record<string, Handler<TinkPrincipal>> = {
  /** The status is computed from the operation's timeline and the tenant's clock, at this request. */
  getOperation: ({ tenant, now, params, deps, request }) => {
    if (deps.options.documentedOnly) return noSuchEndpoint(request);
    const operation = tenant.tink.operations[params.operationId!];
    if (!operation) return oauthError(404, 'Could not find the operation.', 'operation.not_found');
    return json(200, operationView(operation, now));
  },
};
