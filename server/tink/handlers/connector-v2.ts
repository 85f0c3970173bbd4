import type { Handler, HandlerContext } from '../../http/surface.js';
import type { SandboxRequest } from '../../http/types.js';
import type { TinkPrincipal } from '../auth.js';
import { oauthError } from '../errors.js';
import { startOperation } from '../operations.js';
import type { TinkOperationKind } from '../state.js';

/** What Tink answers for a path it does not serve; the v2 paths are not Tink's documented API. */
export const noSuchEndpoint = (request: SandboxRequest) =>
  oauthError(404, `No endpoint at ${request.method} ${request.path}`, 'not_found');

/** The undocumented `/data/v2/connector/*` writes: each is an operation; no user in path or body. */
function operation(kind: TinkOperationKind, field: 'accounts' | 'transactions' | 'externalIds') {
  return (context: HandlerContext<TinkPrincipal>) => {
    if (context.deps.options.documentedOnly) return noSuchEndpoint(context.request);
    const items = (context.body as Record<string, unknown[]>)[field]!;
    return startOperation(context, kind, null, items);
  };
}

export const connectorV2Handlers: Record<string, Handler<TinkPrincipal>> = {
  upsertAccountsV2: operation('accounts.upsert', 'accounts'),
  deleteAccountsV2: operation('accounts.delete', 'externalIds'),
  upsertTransactionsV2: operation('transactions.upsert', 'transactions'),
  batchDeleteTransactionsV2: operation('transactions.delete', 'externalIds'),
  batchUpdateTransactionsV2: operation('transactions.update', 'transactions'),
};
