import { addCalendar, parseIso } from '../clock.js';
import type { TenantData } from '../store/types.js';
import type { TinkAccount, TinkTransaction, TinkUser } from './state.js';

/** Changes to accounts and transactions, shared by both dialects. Callers validate first. */

export const money = (value: number) => Math.round(value * 100) / 100;

export interface AccountFields {
  externalId: string;
  name?: string | undefined;
  number?: string | undefined;
  type?: string | undefined;
  availableCredit?: number | undefined;
  closed?: boolean | undefined;
  exclusion?: string | undefined;
  flags?: string[] | undefined;
  payload?: Record<string, unknown> | undefined;
}

export interface TransactionFields {
  externalId: string;
  amount: number;
  date: number;
  description: string;
  type: string;
  pending: boolean;
  merchantName?: string | undefined;
  merchantCategoryCode?: string | undefined;
  counterparties?: unknown;
  payload?: Record<string, unknown> | undefined;
}

/** A legacy payload switch: Tink's payload maps held strings, so `"true"` counts as well as `true`. */
export const payloadFlag = (payload: unknown, key: string) => {
  const value = (payload as Record<string, unknown> | undefined)?.[key];
  return value === true || value === 'true';
};

/** Epoch ms from the wire: an integer, digits, or an ISO-8601 date or date-time. */
export function toEpochMs(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string') return undefined;
  if (/^\d{9,}$/.test(value)) return Number(value);
  return parseIso(value);
}

/** The oldest execution date Tink accepts: ten years before the tenant's now (reference §1.5). */
export const oldestAllowedDate = (now: number) => addCalendar(now, { years: -10, months: 0, ms: 0 });

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** The fields that were sent: an absent field leaves the stored value alone. */
const defined = <T extends object>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Defined<T>;

/** A new account: Tink's defaults for whatever was not sent. */
export function newAccount(fields: AccountFields, now: number): TinkAccount {
  return {
    name: fields.externalId,
    number: '',
    type: 'OTHER',
    balance: 0,
    reservedAmount: 0,
    availableCredit: 0,
    closed: false,
    exclusion: null,
    flags: [],
    ...defined(fields),
    externalId: fields.externalId,
    createdAt: now,
    updatedAt: now,
    transactions: {},
  };
}

export function upsertAccount(user: TinkUser, fields: AccountFields, now: number): TinkAccount {
  const existing = user.accounts[fields.externalId];
  if (existing) {
    Object.assign(existing, defined(fields), { updatedAt: now });
    return existing;
  }
  const account = newAccount(fields, now);
  user.accounts[account.externalId] = account;
  return account;
}

/** Booked, live transactions summed: the balance Tink computes with CALCULATE_BALANCE. */
const calculated = (account: TinkAccount) =>
  money(
    Object.values(account.transactions)
      .filter((tx) => !tx.deleted && !tx.pending)
      .reduce((sum, tx) => sum + tx.amount, 0),
  );

/**
 * Applies a balance as sent. The stored balance Tink shows is `balance − reservedAmount` (views.ts);
 * payload switches may tell Tink to ignore the balance or to compute it from the transactions.
 */
export function applyBalance(
  account: TinkAccount,
  sent: { balance?: number | undefined; reservedAmount?: number | undefined; payload?: unknown },
  now: number,
): void {
  if (payloadFlag(sent.payload, 'IGNORE_BALANCE')) return;
  if (payloadFlag(sent.payload, 'CALCULATE_BALANCE')) {
    account.balance = calculated(account);
    account.reservedAmount = 0;
  } else if (sent.balance !== undefined) {
    account.balance = sent.balance;
    account.reservedAmount = sent.reservedAmount ?? 0;
  }
  account.updatedAt = now;
}

export function putTransaction(account: TinkAccount, fields: TransactionFields, now: number): void {
  const existing = account.transactions[fields.externalId];
  const tx: TinkTransaction = {
    ...(defined(fields) as Omit<TinkTransaction, 'deleted' | 'createdAt' | 'updatedAt'>),
    deleted: false,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  account.transactions[tx.externalId] = tx;
}

export function markDeleted(tx: TinkTransaction, now: number): void {
  tx.deleted = true;
  tx.updatedAt = now;
}

/** Every account of the tenant with this external id, with its user (v2 paths name no user). */
export function accountsById(tenant: TenantData, externalId: string) {
  return Object.values(tenant.tink.users).flatMap((user) => {
    const account = user.accounts[externalId];
    return account ? [{ user, account }] : [];
  });
}
