import type { SandboxResponse } from '../http/types.js';
import { connectorError, MESSAGES } from './errors.js';
import { applyBalance, putTransaction, type TransactionFields, toEpochMs } from './ledger.js';
import type { TinkAccount, TinkUser } from './state.js';

/** The documented ingest (G), in the legacy server's order (reference §1.6), on a validated body. */

export interface TransactionEntity {
  externalId: string;
  amount: number;
  date: number | string;
  description: string;
  type: string;
  pending?: boolean;
  merchantName?: string;
  merchantCategoryCode?: string;
  counterparties?: unknown;
  payload?: Record<string, unknown>;
}

export interface TransactionAccountEntity {
  externalId: string;
  balance?: number;
  reservedAmount?: number;
  payload?: Record<string, unknown>;
  transactions: TransactionEntity[];
}

export interface Container {
  type: string;
  transactionAccounts: TransactionAccountEntity[];
  overridePending?: boolean;
}

export const transactionFields = (tx: TransactionEntity): TransactionFields => ({
  externalId: tx.externalId,
  amount: tx.amount,
  date: toEpochMs(tx.date)!,
  description: tx.description,
  type: tx.type,
  pending: tx.pending ?? false,
  merchantName: tx.merchantName,
  merchantCategoryCode: tx.merchantCategoryCode,
  counterparties: tx.counterparties,
  payload: tx.payload,
});

/** Pending ids that booked transactions of the batch replace (payload `PENDING_IDS`). */
const replacedPending = (batch: TransactionEntity[]) =>
  new Set(batch.flatMap((tx) => (tx.payload?.PENDING_IDS as string[] | undefined) ?? []));

interface Plan {
  account: TinkAccount;
  entity: TransactionAccountEntity;
  incoming: TransactionEntity[];
  /** Stored pending transactions to remove before the incoming ones are stored. */
  removed: string[];
}

function plan(account: TinkAccount, entity: TransactionAccountEntity, overridePending: boolean) {
  const replaced = replacedPending(entity.transactions);
  // A pending transaction that another one of the same batch books is dropped (step 5).
  const incoming = entity.transactions.filter((tx) => !(tx.pending && replaced.has(tx.externalId)));
  const removed = Object.values(account.transactions)
    .filter((tx) => tx.pending && !tx.deleted && (overridePending || replaced.has(tx.externalId)))
    .map((tx) => tx.externalId);
  const deleted: string[] = [];
  const existing: string[] = [];
  for (const tx of incoming) {
    const stored = account.transactions[tx.externalId];
    if (stored?.deleted) deleted.push(tx.externalId);
    else if (stored && !removed.includes(tx.externalId)) existing.push(tx.externalId);
  }
  return { plan: { account, entity, incoming, removed }, deleted, existing };
}

interface Checked {
  account: TinkAccount;
  plan: Plan;
  deleted: string[];
  existing: string[];
}

/** 410 before 409, as the legacy server checks: every offending id, the first account that holds one. */
function conflict(externalUserId: string, checked: Checked[]): SandboxResponse | null {
  for (const [status, kind, message] of [
    [410, 'deleted', MESSAGES.transactionAlreadyDeleted],
    [409, 'existing', MESSAGES.transactionConflict],
  ] as const) {
    const ids = checked.flatMap((c) => c[kind]);
    if (ids.length)
      return connectorError(status, message, {
        externalUserId,
        externalAccountId: checked.find((c) => c[kind].length)!.account.externalId,
        externalTransactionId: ids.join(','),
      });
  }
  return null;
}

/** Checks everything, then changes everything: a refused ingest changes nothing. */
export function ingest(
  user: TinkUser,
  externalUserId: string,
  body: Container,
  now: number,
): SandboxResponse | null {
  if (Object.keys(user.accounts).length === 0)
    return connectorError(412, MESSAGES.noAccounts, { externalUserId });
  const checked: Checked[] = [];
  for (const entity of body.transactionAccounts) {
    const account = user.accounts[entity.externalId];
    if (!account)
      return connectorError(400, MESSAGES.accountNotFound, {
        externalUserId,
        externalAccountId: entity.externalId,
      });
    checked.push({ account, ...plan(account, entity, body.overridePending === true) });
  }
  const refused = conflict(externalUserId, checked);
  if (refused) return refused;
  for (const { account, entity, incoming, removed } of checked.map((c) => c.plan)) {
    for (const id of removed) delete account.transactions[id];
    for (const tx of incoming) putTransaction(account, transactionFields(tx), now);
    // HISTORICAL ingests leave the balance alone (reference §1.5).
    if (body.type !== 'HISTORICAL') applyBalance(account, entity, now);
  }
  return null;
}
