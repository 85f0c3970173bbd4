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

/** Checks everything, then changes everything: a refused ingest changes nothing. */
export function ingest(
  user: TinkUser,
  externalUserId: string,
  body: Container,
  now: number,
): SandboxResponse | null {
  if (Object.keys(user.accounts).length === 0)
    return connectorError(412, MESSAGES.noAccounts, { externalUserId });
  const plans: Plan[] = [];
  const deleted: string[] = [];
  const existing: string[] = [];
  let firstAccount: { deleted?: string; existing?: string } = {};
  for (const entity of body.transactionAccounts) {
    const account = user.accounts[entity.externalId];
    if (!account)
      return connectorError(400, MESSAGES.accountNotFound, {
        externalUserId,
        externalAccountId: entity.externalId,
      });
    const checked = plan(account, entity, body.overridePending === true);
    if (checked.deleted.length && !firstAccount.deleted)
      firstAccount = { ...firstAccount, deleted: entity.externalId };
    if (checked.existing.length && !firstAccount.existing)
      firstAccount = { ...firstAccount, existing: entity.externalId };
    deleted.push(...checked.deleted);
    existing.push(...checked.existing);
    plans.push(checked.plan);
  }
  if (deleted.length)
    return connectorError(410, MESSAGES.transactionAlreadyDeleted, {
      externalUserId,
      externalAccountId: firstAccount.deleted,
      externalTransactionId: deleted.join(','),
    });
  if (existing.length)
    return connectorError(409, MESSAGES.transactionConflict, {
      externalUserId,
      externalAccountId: firstAccount.existing,
      externalTransactionId: existing.join(','),
    });
  for (const { account, entity, incoming, removed } of plans) {
    for (const id of removed) delete account.transactions[id];
    for (const tx of incoming) putTransaction(account, transactionFields(tx), now);
    // HISTORICAL ingests leave the balance alone (reference §1.5).
    if (body.type !== 'HISTORICAL') applyBalance(account, entity, now);
  }
  return null;
}
