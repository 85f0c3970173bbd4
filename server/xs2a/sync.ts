import { parseIso } from '../clock.js';
import type { TenantData } from '../store/types.js';
import type { SyncOutcome, Xs2aBehaviour } from './behaviour.js';
import { book, syncedTurnovers } from './data.js';
import { emitEvent } from './events.js';
import type { BankConnection } from './state.js';
import { berlinDate, DAY_MS } from './time.js';

/** Where a sync happens: the tenant, the virtual instant, and the behaviour in force. */
export interface SyncEnv {
  tenant: TenantData;
  now: number;
  behaviour: Xs2aBehaviour;
}

/** Consecutive failures after which a connection is disabled (reference §4.4). */
export const MAX_SYNC_FAILURES = 3;

export const consentExpired = (connection: BankConnection, now: number) =>
  now >= connection.consentValidUntil;

const PIN_FAILURE = 'Login failed: the bank rejected the stored credentials (sandbox PIN sync-fail).';

/**
 * Queues how the next background sync of one connection ends, ahead of the tenant-wide queue (the
 * control plane's "fail next sync"). False when the tenant has no such connection.
 */
export function queueSyncOutcome(tenant: TenantData, connectionId: string, outcome: SyncOutcome): boolean {
  if (!tenant.xs2a.connections[connectionId]) return false;
  const queues = tenant.behaviour.xs2a.sync.byConnection;
  queues[connectionId] = [...(queues[connectionId] ?? []), outcome];
  return true;
}

/** How the next background sync ends: an outage, a queued outcome, the PIN's magic, or success. */
function nextOutcome(env: SyncEnv, connection: BankConnection): SyncOutcome {
  const { sync } = env.behaviour;
  if (sync.outage) {
    const from = parseIso(sync.outage.from) ?? Number.NEGATIVE_INFINITY;
    const until = parseIso(sync.outage.until) ?? Number.POSITIVE_INFINITY;
    if (env.now >= from && env.now < until)
      return { outcome: 'fail', message: sync.outage.message ?? 'The bank is not reachable (outage).' };
  }
  for (const key of [connection.id, connection.transaction]) {
    const queued = sync.byConnection?.[key]?.shift();
    if (queued) return queued;
  }
  const queued = sync.nextOutcomes.shift();
  if (queued) return queued;
  if (connection.failingSyncs !== 0) {
    if (connection.failingSyncs > 0) connection.failingSyncs -= 1;
    return { outcome: 'fail', message: PIN_FAILURE };
  }
  return { outcome: 'success' };
}

/** A successful sync: new turnovers (`new: true`) and balances; a manual one restores the asked-for mode. */
export function syncSucceeded(env: SyncEnv, connection: BankConnection, manual: boolean): void {
  const { tenant, now } = env;
  const state = tenant.xs2a;
  for (const account of Object.values(state.accounts)) {
    if (account.connectionId !== connection.id) continue;
    const existing = state.turnovers[account.id] ?? [];
    const added =
      account.type === 'giro' ? syncedTurnovers(tenant, account.holder, connection.lastSynced, now) : [];
    let turnovers = book(account, existing, added, now);
    if (connection.limitDays !== null) {
      const oldest = berlinDate(now - connection.limitDays * DAY_MS);
      turnovers = turnovers.filter((t) => t.bookingDate >= oldest);
    }
    state.turnovers[account.id] = turnovers;
  }
  connection.lastSynced = now;
  connection.syncActive = true;
  connection.syncFailCounter = 0;
  connection.syncMessage = '';
  if (manual && connection.syncMode !== connection.requestedSyncMode) {
    connection.syncMode = connection.requestedSyncMode;
    emitEvent(
      tenant,
      now,
      'bank_connection.back_to_full',
      connection,
      `Sync mode is ${connection.syncMode} again.`,
    );
  }
  emitEvent(tenant, now, 'bank_connection.sync_succeeded', connection, 'The bank connection was synced.');
}

/** A failed sync: automatic sync stops, `full` falls back to `none`, the third failure in a row disables. */
export function syncFailed(env: SyncEnv, connection: BankConnection, message: string): void {
  const { tenant, now } = env;
  connection.syncActive = false;
  connection.syncFailCounter += 1;
  connection.syncMessage = message;
  emitEvent(tenant, now, 'bank_connection.sync_failed', connection, message);
  if (connection.syncMode === 'full') {
    connection.syncMode = 'none';
    emitEvent(tenant, now, 'bank_connection.fallback_to_none', connection, 'Sync mode fell back to none.');
  }
  if (connection.syncFailCounter >= MAX_SYNC_FAILURES && !connection.disabled) {
    connection.disabled = true;
    emitEvent(
      tenant,
      now,
      'bank_connection.disabled',
      connection,
      `Disabled after ${MAX_SYNC_FAILURES} failed syncs.`,
    );
  }
}

/** Runs a sync with the stored (or shared) credentials; `needs-login` when the bank wants the user. */
export function runBackgroundSync(
  env: SyncEnv,
  connection: BankConnection,
  manual: boolean,
): 'done' | 'needs-login' {
  const result = nextOutcome(env, connection);
  if (result.outcome === 'success') syncSucceeded(env, connection, manual);
  else if (result.outcome === 'needs-login' && manual) return 'needs-login';
  else syncFailed(env, connection, result.message ?? 'The sync failed.');
  return 'done';
}

export type SyncDecision =
  | { kind: 'background' }
  | { kind: 'wizard' }
  | { kind: 'conflict'; message: string }
  | { kind: 'invalid'; errors: Record<string, string[]> };

/** What `POST .../sync` does with this connection; decides only, so a refusal changes nothing. */
export function decideSync(
  env: SyncEnv,
  connection: BankConnection,
  request: { credentials?: string | null; force?: boolean | null },
): SyncDecision {
  if (connection.disabled)
    return {
      kind: 'conflict',
      message: `The bank connection is disabled after ${MAX_SYNC_FAILURES} failed syncs; delete it and create a new one.`,
    };
  if (consentExpired(connection, env.now)) return { kind: 'wizard' };
  if (connection.syncMode === 'shared') {
    if (!request.credentials)
      return {
        kind: 'invalid',
        errors: { credentials: ['The credentials field is required when sync mode is shared.'] },
      };
    if (request.credentials !== connection.sharedCredentials)
      return { kind: 'invalid', errors: { credentials: ['The credentials are invalid.'] } };
  }
  if (connection.syncMode === 'none')
    return request.force && connection.requestedSyncMode !== 'none'
      ? { kind: 'background' }
      : { kind: 'wizard' };
  if (!connection.syncActive && !request.force)
    return {
      kind: 'conflict',
      message: `Syncing is deactivated after a failed sync (${connection.syncMessage}); retry with force: true.`,
    };
  return { kind: 'background' };
}
