import type { FieldError } from './errors.js';
import { type AccountFields, oldestAllowedDate, type TransactionFields, toEpochMs } from './ledger.js';
import { checkSchema, fieldError } from './validation.js';

/**
 * Items of the asynchronous dialect, checked when their operation runs. They may use v2 money
 * (`{"amount":{"currencyCode","value"}}` or `{"currencyCode","value"}`), `accountExternalId` and
 * `dates.booked`; v1 numbers and `date` are accepted too.
 */

type Json = Record<string, unknown>;

export interface Amount {
  value: number;
  currency?: string;
}

export function amountOf(value: unknown): Amount | undefined {
  if (typeof value === 'number') return { value };
  const money = value as Json | undefined;
  const inner = (money?.amount ?? money) as Json | undefined;
  if (typeof inner?.value !== 'number') return undefined;
  return { value: inner.value, currency: inner.currencyCode as string };
}

export interface AsyncAccount {
  externalUserId?: string;
  fields: AccountFields;
  balance?: Amount | undefined;
  reservedAmount?: Amount | undefined;
}

export interface AsyncTransaction {
  accountExternalId: string;
  fields: TransactionFields;
  currency?: string | undefined;
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function readAsyncAccount(item: unknown, path: string): Checked<AsyncAccount> {
  const errors = checkSchema('AsyncAccount', item, path);
  if (errors.length) return { ok: false, errors };
  const a = item as Json;
  const fields: AccountFields = {
    externalId: a.externalId as string,
    name: a.name as string,
    type: a.type as string,
    number: a.number as string | undefined,
    availableCredit: amountOf(a.availableCredit)?.value,
    closed: a.closed as boolean | undefined,
    exclusion: a.exclusion as string | undefined,
    flags: a.flags as string[] | undefined,
  };
  const value: AsyncAccount = {
    fields,
    balance: amountOf(a.balance),
    reservedAmount: amountOf(a.reservedAmount),
  };
  if (typeof a.externalUserId === 'string') value.externalUserId = a.externalUserId;
  return { ok: true, value };
}

export function readAsyncTransaction(item: unknown, path: string, now: number): Checked<AsyncTransaction> {
  const errors = checkSchema('AsyncTransaction', item, path);
  if (errors.length) return { ok: false, errors };
  const t = item as Json;
  const dates = (t.dates ?? {}) as Json;
  const rawDate = t.date ?? dates.booked ?? dates.value;
  const date = toEpochMs(rawDate);
  const datePath = t.date !== undefined ? `${path}.date` : `${path}.dates.booked`;
  if (rawDate === undefined) return { ok: false, errors: [fieldError(datePath, 'may not be null')] };
  if (date === undefined)
    return { ok: false, errors: [fieldError(datePath, 'must be epoch milliseconds or an ISO-8601 date')] };
  if (date < oldestAllowedDate(now))
    return { ok: false, errors: [fieldError(datePath, 'may not be older than 10 years')] };
  const amount = amountOf(t.amount)!;
  const fields: TransactionFields = {
    externalId: t.externalId as string,
    amount: amount.value,
    date,
    description: t.description as string,
    type: (t.type as string | undefined) ?? 'DEFAULT',
    pending: t.pending === true || t.status === 'PENDING',
    merchantName: t.merchantName as string | undefined,
    merchantCategoryCode: t.merchantCategoryCode as string | undefined,
  };
  return {
    ok: true,
    value: { accountExternalId: t.accountExternalId as string, fields, currency: amount.currency },
  };
}

/** Reads every item; the errors of all of them, or all the values. */
export function readAll<T>(items: unknown[], read: (item: unknown, i: number) => Checked<T>): Checked<T[]> {
  const values: T[] = [];
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const checked = read(item, i);
    if (checked.ok) values.push(checked.value);
    else errors.push(...checked.errors);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: values };
}
