import type { HandlerContext } from '../../http/surface.js';
import type { SandboxResponse } from '../../http/types.js';
import type { TinkPrincipal } from '../auth.js';
import { dialectErrors, dialectOf } from '../dialect.js';
import { validationFailed } from '../errors.js';
import { startOperation } from '../operations.js';
import type { TinkOperationKind } from '../state.js';

type Context = HandlerContext<TinkPrincipal>;

/**
 * The start of every v1 write that speaks both dialects: the body is checked in the dialect its
 * shape names; an asynchronous write becomes an operation of `kind` over the body's `itemsKey`
 * list, a documented one goes on to `documented`. `--documented-only` knows only Tink's own.
 */
export function byDialect(
  context: Context,
  kind: TinkOperationKind,
  itemsKey: 'accounts' | 'transactions' | 'externalIds',
  documented: () => SandboxResponse,
): SandboxResponse {
  const { body, now, operationId, params } = context;
  const dialect = context.deps.options.documentedOnly ? 'documented' : dialectOf(operationId, body);
  const errors = dialectErrors(operationId, dialect, body, now);
  if (errors.length) return validationFailed(errors);
  if (dialect !== 'async') return documented();
  const items = (body as Record<string, unknown[]>)[itemsKey]!;
  return startOperation(context, kind, params.externalUserId!, items);
}
