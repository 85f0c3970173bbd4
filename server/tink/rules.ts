import type { FieldError } from './errors.js';
import { oldestAllowedDate, payloadFlag, toEpochMs } from './ledger.js';
import { fieldError } from './validation.js';

/**
 * The Connector's rules that a JSON schema cannot say (reference §1.4–§1.5, legacy validators):
 * uniqueness within a request, totals, payload sizes, the 10-year date limit by the tenant's clock.
 * They run after the schema check, on a body that has the documented shape.
 */

export const MAX_TRANSACTIONS = 2500;
const ACCOUNT_PAYLOAD_CHARS = 200;
const TRANSACTION_PAYLOAD_CHARS = 1000;

type Json = Record<string, unknown>;

function payloadErrors(payload: unknown, path: string, limit: number): FieldError[] {
  if (payload === undefined) return [];
  return JSON.stringify(payload).length > limit
    ? [fieldError(`${path}.payload`, `size must be at most ${limit} characters`)]
    : [];
}

function duplicates(ids: unknown[]): boolean {
  return new Set(ids).size !== ids.length;
}

export function accountListErrors(list: unknown): FieldError[] {
  const body = list as { accounts: Json[] };
  const errors: FieldError[] = [];
  if (duplicates(body.accounts.map((a) => a.externalId)))
    errors.push(fieldError('accounts', 'must have a list of accounts with unique externalId:s'));
  body.accounts.forEach((account, i) => {
    const path = `accounts[${i}]`;
    errors.push(...payloadErrors(account.payload, path, ACCOUNT_PAYLOAD_CHARS));
    const zero = account.balance === 0 && (account.reservedAmount ?? 0) === 0;
    if (payloadFlag(account.payload, 'CALCULATE_BALANCE') && !zero)
      errors.push(fieldError(`${path}.balance`, 'must be 0 when CALCULATE_BALANCE is set'));
  });
  return errors;
}

function transactionErrors(tx: Json, path: string, now: number): FieldError[] {
  const errors: FieldError[] = [];
  const date = toEpochMs(tx.date);
  if (date === undefined)
    errors.push(fieldError(`${path}.date`, 'must be epoch milliseconds or an ISO-8601 date'));
  else if (date < oldestAllowedDate(now))
    errors.push(fieldError(`${path}.date`, 'may not be older than 10 years'));
  if (typeof tx.description === 'string' && tx.description.trim() === '')
    errors.push(fieldError(`${path}.description`, 'Description is not valid.'));
  errors.push(...payloadErrors(tx.payload, path, TRANSACTION_PAYLOAD_CHARS));
  const payload = (tx.payload ?? {}) as Json;
  if (payload.PENDING_TRANSACTION_EXPIRATION_DATE !== undefined && tx.pending !== true)
    errors.push(fieldError(`${path}.payload`, 'Pending expiration date set, but transaction is not pending'));
  const tags = payload.TAGS;
  if (
    tags !== undefined &&
    !(Array.isArray(tags) && tags.every((t) => typeof t === 'string' && /^[A-Za-z0-9]+$/.test(t)))
  )
    errors.push(fieldError(`${path}.payload`, 'TAGS must be alphanumeric strings without whitespace'));
  const pendingIds = payload.PENDING_IDS;
  if (
    pendingIds !== undefined &&
    !(Array.isArray(pendingIds) && pendingIds.every((id) => typeof id === 'string'))
  )
    errors.push(fieldError(`${path}.payload`, 'PENDING_IDS must be a list of external ids'));
  return errors;
}

function accountEntityErrors(
  account: Json,
  path: string,
  now: number,
  withTransactions: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  const ignored =
    payloadFlag(account.payload, 'IGNORE_BALANCE') || payloadFlag(account.payload, 'CALCULATE_BALANCE');
  if (account.balance === undefined && !ignored)
    errors.push(fieldError(`${path}.balance`, 'may not be null'));
  errors.push(...payloadErrors(account.payload, path, ACCOUNT_PAYLOAD_CHARS));
  const transactions = account.transactions as Json[];
  if (duplicates(transactions.map((tx) => tx.externalId)))
    errors.push(
      fieldError(`${path}.transactions`, 'must have a list of transactions with unique externalId:s'),
    );
  if (withTransactions)
    transactions.forEach((tx, j) => {
      errors.push(...transactionErrors(tx, `${path}.transactions[${j}]`, now));
    });
  return errors;
}

/** Ingest (G), update (H) and delete (I) containers. Update and delete take only REAL_TIME. */
export function containerErrors(
  container: unknown,
  kind: 'create' | 'update' | 'delete',
  now: number,
): FieldError[] {
  const body = container as { type: string; transactionAccounts: Json[] };
  const errors: FieldError[] = [];
  if (kind !== 'create' && body.type !== 'REAL_TIME')
    errors.push(fieldError('type', 'Container type must be REAL_TIME'));
  const accounts = body.transactionAccounts;
  const total = accounts.reduce((sum, a) => sum + (a.transactions as unknown[]).length, 0);
  if (total > MAX_TRANSACTIONS)
    errors.push(
      fieldError('transactionAccounts', `may hold at most ${MAX_TRANSACTIONS} transactions in total`),
    );
  if (duplicates(accounts.map((a) => a.externalId)))
    errors.push(
      fieldError(
        'transactionAccounts',
        'All accounts must have different externalIDs when ingesting transactions.',
      ),
    );
  accounts.forEach((account, i) => {
    errors.push(...accountEntityErrors(account, `transactionAccounts[${i}]`, now, kind !== 'delete'));
  });
  return errors;
}
