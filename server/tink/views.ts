import { toIso } from '../clock.js';
import type { TenantData } from '../store/types.js';
import { operationView } from './operations.js';
import type { TinkAccount, TinkOperation, TinkTransaction } from './state.js';

const money = (value: number) => Math.round(value * 100) / 100;

/** The balance Tink shows: the booked balance less what is reserved. */
export const storedBalance = (account: TinkAccount) => money(account.balance - account.reservedAmount);

const transactionView = (tx: TinkTransaction) => ({
  ...tx,
  date: toIso(tx.date),
  status: tx.deleted ? 'DELETED' : tx.pending ? 'PENDING' : 'BOOKED',
  createdAt: toIso(tx.createdAt),
  updatedAt: toIso(tx.updatedAt),
});

/** An operation with its status as of now, its timeline and what it was sent. */
const operationAdminView = (operation: TinkOperation, now: number) => ({
  ...operationView(operation, now),
  externalUserId: operation.externalUserId,
  clientId: operation.clientId,
  timeline: {
    ...operation.timeline,
    createdAt: toIso(operation.createdAt),
    startsAt: toIso(operation.timeline.startsAt),
    completesAt: toIso(operation.timeline.completesAt),
  },
  items: operation.items,
});

/** The tenant's Tink data for `GET /__admin/state`: computed balances, transactions with their status. */
export function tinkAdminView(tenant: TenantData, now: number) {
  return {
    users: Object.values(tenant.tink.users).map((user) => ({
      userId: user.userId,
      externalUserId: user.externalUserId,
      market: user.market,
      locale: user.locale,
      currency: user.currency,
      createdAt: toIso(user.createdAt),
      accounts: Object.values(user.accounts).map((account) => {
        const { transactions, ...fields } = account;
        return {
          ...fields,
          createdAt: toIso(account.createdAt),
          updatedAt: toIso(account.updatedAt),
          storedBalance: storedBalance(account),
          currency: user.currency,
          transactions: Object.values(transactions)
            .sort((a, b) => b.date - a.date)
            .map(transactionView),
        };
      }),
    })),
    operations: Object.values(tenant.tink.operations).map((operation) => operationAdminView(operation, now)),
  };
}
