import { toIso } from '../clock.js';
import type { HandlerContext } from '../http/surface.js';
import { json, type SandboxResponse } from '../http/types.js';
import { nextId } from '../store/ids.js';
import type { TenantData } from '../store/types.js';
import type { DueWorkSource } from '../timeline.js';
import { applyOperation } from './apply.js';
import type { TinkPrincipal } from './auth.js';
import type { TinkFieldError, TinkOperation, TinkOperationKind, TinkOperationStatus } from './state.js';

/**
 * Operations of the asynchronous dialect. Nothing is scheduled: an operation's status is a function
 * of its timeline and the tenant's clock, and its change is applied by the tenant's timeline at the
 * virtual instant it completes, so advancing the clock finishes it.
 */

const FORCED = {
  FAILED: { errorCode: 'OPERATION_FAILED', errorMessage: 'The operation failed.' },
  REJECTED: { errorCode: 'OPERATION_REJECTED', errorMessage: 'The operation was rejected.' },
};

export function statusAt(operation: TinkOperation, now: number): TinkOperationStatus {
  if (operation.result) return operation.result.status;
  return now < operation.timeline.startsAt ? 'PENDING' : 'IN_PROGRESS';
}

export function operationView(operation: TinkOperation, now: number) {
  const { result, timeline } = operation;
  const updatedAt = result?.endedAt ?? (now >= timeline.startsAt ? timeline.startsAt : operation.createdAt);
  return {
    operationId: operation.operationId,
    status: statusAt(operation, now),
    type: operation.kind,
    createdAt: toIso(operation.createdAt),
    updatedAt: toIso(updatedAt),
    ...(result?.errorMessage ? { errorMessage: result.errorMessage } : {}),
    ...(result?.errorCode ? { errorCode: result.errorCode } : {}),
    ...(result?.errors?.length ? { errors: result.errors } : {}),
  };
}

/** Ends an operation at `at`: a forced outcome, or the change validated and applied (or refused). */
export function completeOperation(tenant: TenantData, operation: TinkOperation, at: number): void {
  const { outcome } = operation.timeline;
  if (outcome !== 'COMPLETED') {
    const { errors } = operation.timeline;
    operation.result = {
      status: outcome,
      endedAt: at,
      errorCode: operation.timeline.errorCode ?? FORCED[outcome].errorCode,
      errorMessage: operation.timeline.errorMessage ?? FORCED[outcome].errorMessage,
      ...(errors?.length ? { errors } : {}),
    };
    return;
  }
  operation.result = { ...applyOperation(tenant, operation, at), endedAt: at };
}

/** The earliest operation still running, as work for the tenant's timeline. */
export const operationsDue: DueWorkSource = (tenant) => {
  let next: TinkOperation | undefined;
  for (const operation of Object.values(tenant.tink.operations))
    if (!operation.result && (!next || operation.timeline.completesAt < next.timeline.completesAt))
      next = operation;
  if (!next) return undefined;
  const operation = next;
  return {
    at: operation.timeline.completesAt,
    what: `tink operation ${operation.operationId} (${operation.kind}) ends`,
    run: (at) => completeOperation(tenant, operation, at),
  };
};

/**
 * Creates an operation with the timeline of the behaviour in force (the tenant's, or a scenario's
 * for this request), lets whatever is already due run, and answers `{operationId, status, ...}`.
 */
export function startOperation(
  context: HandlerContext<TinkPrincipal>,
  kind: TinkOperationKind,
  externalUserId: string | null,
  items: unknown[],
): SandboxResponse {
  const { tenant, now, principal, deps } = context;
  const behaviour = context.behaviour.tink.operations;
  const startsAt = now + Math.max(0, behaviour.pendingMs);
  const operation: TinkOperation = {
    operationId: nextId(tenant, 'op-', 24),
    kind,
    externalUserId,
    clientId: principal.kind === 'token' ? principal.token.clientId : principal.clientId,
    createdAt: now,
    timeline: {
      startsAt,
      completesAt: startsAt + Math.max(0, behaviour.inProgressMs),
      outcome: behaviour.outcome,
      ...(behaviour.errorCode ? { errorCode: behaviour.errorCode } : {}),
      ...(behaviour.errorMessage ? { errorMessage: behaviour.errorMessage } : {}),
      ...(behaviour.errors?.length ? { errors: structuredClone(behaviour.errors) } : {}),
    },
    items: structuredClone(items),
  };
  tenant.tink.operations[operation.operationId] = operation;
  deps.timeline.settle(tenant, now);
  return json(200, operationView(operation, now));
}

export type StepAction = 'advance' | 'complete' | 'fail';

export type StepResult =
  | { ok: true; operationId: string; status: TinkOperationStatus; errors?: TinkFieldError[] }
  | { ok: false; reason: 'not-found' | 'ended'; status?: TinkOperationStatus };

/**
 * Moves an operation on now, for the control plane: `advance` to its next phase (PENDING →
 * IN_PROGRESS → its outcome), `complete` (the change is validated and applied), or `fail`. It
 * rewrites the operation's timeline rather than faking a status, so what a client polls, what the
 * tenant's data shows and what the timeline runs later all agree.
 */
export function stepOperation(
  tenant: TenantData,
  operationId: string,
  action: StepAction,
  now: number,
  failure: { status?: 'FAILED' | 'REJECTED'; errors?: TinkFieldError[] } = {},
): StepResult {
  const operation = tenant.tink.operations[operationId];
  if (!operation) return { ok: false, reason: 'not-found' };
  if (operation.result) return { ok: false, reason: 'ended', status: operation.result.status };
  const { timeline } = operation;
  if (action === 'advance' && now < timeline.startsAt) {
    timeline.completesAt = now + (timeline.completesAt - timeline.startsAt);
    timeline.startsAt = now;
    return { ok: true, operationId, status: 'IN_PROGRESS' };
  }
  if (action === 'complete') timeline.outcome = 'COMPLETED';
  if (action === 'fail') {
    timeline.outcome = failure.status ?? 'FAILED';
    if (failure.errors) timeline.errors = failure.errors;
  }
  timeline.startsAt = Math.min(timeline.startsAt, now);
  timeline.completesAt = now;
  completeOperation(tenant, operation, now);
  const result = operation.result!;
  return result.errors
    ? { ok: true, operationId, status: result.status, errors: result.errors }
    : { ok: true, operationId, status: result.status };
}
