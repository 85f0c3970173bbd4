/**
 * The seam between the control plane (admin steps, scenario rules) and the Tink / XS2A emulations.
 *
 * The admin API writes the fields defined here; the surfaces read them through the functions
 * below. Until the surfaces adopt these functions, the writes are stored (and visible in
 * `GET /__admin/state`) but change nothing. Keep this file the single place both sides agree on.
 *
 * Tink: an operation's status is a function of its timeline and the clock. `forcedStatus` on a
 * stored operation (`tenant.tink.operations[id]`) overrides it from the instant it was set:
 *   const { status, errors } = tinkOperationStatus(operation, tenant.behaviour.tink, now);
 * XS2A: the next sync of a connection ends as queued in `behaviour.xs2a.sync.byConnection`, before
 * the tenant-wide queue `behaviour.xs2a.sync.nextOutcomes` (read by server/xs2a/sync.ts).
 */
import type { TenantData } from '../store/types.js';
import type { TinkBehaviour } from '../tink/behaviour.js';
import type { TinkOperation } from '../tink/state.js';
import type { SyncOutcome } from '../xs2a/behaviour.js';

export type { SyncOutcome };

export type TinkOperationStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'REJECTED';
export const FINAL_STATUSES: ReadonlySet<TinkOperationStatus> = new Set(['COMPLETED', 'FAILED', 'REJECTED']);

/** A per-item error of a FAILED or REJECTED operation. */
export interface TinkItemError {
  externalId?: string;
  fieldName?: string;
  errorMessage: string;
}

/** Written on a stored operation by `POST /__admin/tink/operations/{id}/advance|complete|fail`. */
export interface ForcedOperationStatus {
  status: TinkOperationStatus;
  /** Virtual time it was forced. */
  at: number;
  errors?: TinkItemError[];
}

/** Fields a stored operation may carry besides the surface's own (`TinkOperation` allows extras). */
export interface OperationHookFields {
  forcedStatus?: ForcedOperationStatus;
  /** Timings and outcome captured from the behaviour when the operation was created. */
  timeline?: TinkBehaviour['operations'] & { errors?: TinkItemError[] };
}

/** The status of an operation now: forced by an admin step, or derived from its timeline. */
export function tinkOperationStatus(
  operation: TinkOperation,
  behaviour: TinkBehaviour,
  now: number,
): { status: TinkOperationStatus; errors?: TinkItemError[] } {
  const fields = operation as TinkOperation & OperationHookFields;
  if (fields.forcedStatus) {
    const { status, errors } = fields.forcedStatus;
    return errors ? { status, errors } : { status };
  }
  const timeline = fields.timeline ?? behaviour.operations;
  const elapsed = now - operation.createdAt;
  if (elapsed < timeline.pendingMs) return { status: 'PENDING' };
  if (elapsed < timeline.pendingMs + timeline.inProgressMs) return { status: 'IN_PROGRESS' };
  const errors = fields.timeline?.errors;
  return errors && timeline.outcome !== 'COMPLETED'
    ? { status: timeline.outcome, errors }
    : { status: timeline.outcome };
}

export type StepAction = 'advance' | 'complete' | 'fail';
export type StepResult =
  | { ok: true; operationId: string; status: TinkOperationStatus; errors?: TinkItemError[] }
  | { ok: false; reason: 'not-found' | 'final'; status?: TinkOperationStatus };

/** Moves an operation on: `advance` to its next phase, `complete`, or `fail` (FAILED/REJECTED). */
export function stepTinkOperation(
  tenant: TenantData,
  operationId: string,
  action: StepAction,
  now: number,
  failure: { status?: 'FAILED' | 'REJECTED'; errors?: TinkItemError[] } = {},
): StepResult {
  const operation = tenant.tink.operations[operationId] as (TinkOperation & OperationHookFields) | undefined;
  if (!operation) return { ok: false, reason: 'not-found' };
  const current = tinkOperationStatus(operation, tenant.behaviour.tink, now).status;
  if (FINAL_STATUSES.has(current)) return { ok: false, reason: 'final', status: current };
  const outcome = (operation.timeline ?? tenant.behaviour.tink.operations).outcome;
  const next: ForcedOperationStatus =
    action === 'complete'
      ? { status: 'COMPLETED', at: now }
      : action === 'fail'
        ? { status: failure.status ?? 'FAILED', at: now, errors: failure.errors ?? [] }
        : { status: current === 'PENDING' ? 'IN_PROGRESS' : outcome, at: now };
  operation.forcedStatus = next;
  return next.errors
    ? { ok: true, operationId, status: next.status, errors: next.errors }
    : { ok: true, operationId, status: next.status };
}

/**
 * Queues how the next background sync of one connection ends, ahead of the tenant-wide queue; the
 * XS2A emulation consumes `behaviour.xs2a.sync.byConnection` (see server/xs2a/sync.ts).
 * False when the tenant has no such connection.
 */
export function forceNextSync(tenant: TenantData, connectionId: string, outcome: SyncOutcome): boolean {
  if (!tenant.xs2a.connections[connectionId]) return false;
  const queues = tenant.behaviour.xs2a.sync.byConnection;
  queues[connectionId] = [...(queues[connectionId] ?? []), outcome];
  return true;
}
