import type { Handler, HandlerContext } from '../http/surface.js';
import type { SandboxResponse } from '../http/types.js';
import type { TinkPrincipal } from './auth.js';
import { VALIDATION_FAILED } from './errors.js';

/** Keys live 24 hours (reference §1.1, docs' api-introduction). */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

const isValidationFailure = (response: SandboxResponse) =>
  response.status === 400 &&
  (response.body as { errorMessage?: string } | undefined)?.errorMessage === VALIDATION_FAILED;

/**
 * `Idempotency-Key`: a repeated key (same client, method and path) within 24 h of the tenant's
 * virtual time gets the saved response again without running the handler. Only requests that
 * started executing are saved: failed validations are not (Tink's documented rule).
 */
export function withIdempotency(handler: Handler<TinkPrincipal>): Handler<TinkPrincipal> {
  return (context: HandlerContext<TinkPrincipal>) => {
    const key = context.request.headers['idempotency-key'];
    if (!key || context.principal.kind !== 'token') return handler(context);
    const { tenant, now, request } = context;
    const clientId = context.principal.token.clientId;
    const id = `${clientId}:${request.method}:${request.path}:${key}`;
    const saved = tenant.tink.idempotency[id];
    if (saved && saved.expiresAt > now) return structuredClone(saved.response);
    const save = (response: SandboxResponse) => {
      if (isValidationFailure(response)) return response;
      for (const [other, record] of Object.entries(tenant.tink.idempotency))
        if (record.expiresAt <= now) delete tenant.tink.idempotency[other];
      const body = response.body === undefined ? {} : { body: structuredClone(response.body) };
      tenant.tink.idempotency[id] = {
        key,
        clientId,
        fingerprint: `${request.method} ${request.path}`,
        expiresAt: now + IDEMPOTENCY_TTL_MS,
        response: { status: response.status, ...body },
      };
      return response;
    };
    // Synchronous handlers are saved in the same tick: two requests with one key cannot both run.
    const result = handler(context);
    return result instanceof Promise ? result.then(save) : save(result);
  };
}
