import { problem } from '../errors.js';
import type { Handler, HandlerContext } from '../http/surface.js';
import { firstQueryValue, json } from '../http/types.js';
import { presentEntry } from '../journal.js';
import { contractOperations, nearestOperations } from '../scenarios/nearest.js';
import { type StepAction, stepOperation } from '../tink/operations.js';
import type { TinkFieldError } from '../tink/state.js';
import type { SyncOutcome } from '../xs2a/behaviour.js';
import { queueSyncOutcome } from '../xs2a/sync.js';

function step(action: StepAction): Handler {
  return ({ tenant, params, body, now }) => {
    const failure = (body ?? {}) as { status?: 'FAILED' | 'REJECTED'; errors?: TinkFieldError[] };
    const result = stepOperation(tenant, params.operationId!, action, now, failure);
    if (result.ok) return json(200, result);
    if (result.reason === 'not-found') {
      const known = Object.keys(tenant.tink.operations);
      return problem(
        'not-found',
        `tenant '${tenant.id}' has no Tink operation '${params.operationId}'; known: ${known.join(', ') || 'none'}`,
      );
    }
    return problem('conflict', `operation '${params.operationId}' has already ended as ${result.status}`);
  };
}

const UNMATCHED_RULES = new Set(['unknown-path', 'method-not-allowed']);

/** Unmatched requests are journaled before authentication, so most carry no tenant: include those. */
function unmatched(context: HandlerContext) {
  const all = firstQueryValue(context.query, 'tenant') === '*';
  const limit = Number(firstQueryValue(context.query, 'limit') ?? 100);
  const candidates = { tink: contractOperations('tink'), xs2a: contractOperations('xs2a') };
  return context.deps.journal
    .query({ tenant: '*' })
    .filter((entry) => all || entry.tenant === null || entry.tenant === context.tenant.id)
    .filter((entry) => entry.violations.some((v) => UNMATCHED_RULES.has(v.rule)))
    .slice(0, limit)
    .map((entry) => {
      const violation = entry.violations.find((v) => UNMATCHED_RULES.has(v.rule))!;
      const api = entry.api === 'xs2a' ? 'xs2a' : 'tink';
      return {
        ...presentEntry(entry),
        reason: violation.rule,
        explanation: violation.message,
        nearest: nearestOperations(entry.method, entry.path, candidates[api]),
      };
    });
}

export const stepHandlers: Record<string, Handler> = {
  advanceTinkOperation: step('advance'),
  completeTinkOperation: step('complete'),
  failTinkOperation: step('fail'),

  failNextXs2aSync: ({ tenant, params, body }) => {
    const spec = (body ?? {}) as Partial<SyncOutcome>;
    const outcome: SyncOutcome = {
      outcome: spec.outcome ?? 'fail',
      ...(spec.message ? { message: spec.message } : {}),
    };
    if (!queueSyncOutcome(tenant, params.connectionId!, outcome)) {
      const known = Object.keys(tenant.xs2a.connections);
      return problem(
        'not-found',
        `tenant '${tenant.id}' has no XS2A connection '${params.connectionId}'; known: ${known.join(', ') || 'none'}`,
      );
    }
    return json(200, { connectionId: params.connectionId, queued: outcome });
  },

  listUnmatchedRequests: (context) => json(200, { requests: unmatched(context) }),
};
