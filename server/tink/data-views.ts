import { createHash } from 'node:crypto';
import { toIso, toIsoDate } from '../clock.js';
import type { TinkAccount, TinkTransaction, TinkUser } from './state.js';
import { storedBalance } from './views.js';

/**
 * What Tink's Data API v2 shows of ingested data (docs.tink.com/api-data-v2). Tink ids are derived
 * from the external ids, so they are stable without being stored.
 */

const tinkId = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

export const accountId = (user: TinkUser, account: TinkAccount) => tinkId(user.userId, account.externalId);

/** An exact amount: `unscaledValue × 10^-scale`, both strings, in minor units. */
const amount = (value: number, currencyCode: string) => ({
  currencyCode,
  value: { scale: '2', unscaledValue: String(Math.round(value * 100)) },
});

const DATA_TYPES = new Set(['CHECKING', 'SAVINGS', 'CREDIT_CARD']);

/** Second precision, as Tink writes timestamps. */
const timestamp = (ms: number) => toIso(ms).replace(/\.\d{3}Z$/, 'Z');

export function dataAccount(user: TinkUser, account: TinkAccount) {
  const identifiers: Record<string, unknown> = {};
  if (account.number) identifiers.financialInstitution = { accountNumber: account.number };
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(account.number))
    identifiers.iban = { iban: account.number, bban: account.number.slice(4) };
  const booked = storedBalance(account);
  return {
    id: accountId(user, account),
    name: account.name,
    // Data v2 knows three types; Connector types beyond them show as UNDEFINED.
    type: DATA_TYPES.has(account.type) ? account.type : 'UNDEFINED',
    externalAccountId: account.externalId,
    customerSegment: account.flags.includes('BUSINESS') ? 'BUSINESS' : 'PERSONAL',
    dates: { lastRefreshed: timestamp(account.updatedAt) },
    balances: {
      booked: { amount: amount(booked, user.currency) },
      available: { amount: amount(booked + account.availableCredit, user.currency) },
    },
    identifiers,
  };
}

export function dataTransaction(user: TinkUser, account: TinkAccount, tx: TinkTransaction) {
  const merchant = {
    ...(tx.merchantCategoryCode ? { merchantCategoryCode: tx.merchantCategoryCode } : {}),
    ...(tx.merchantName ? { merchantName: tx.merchantName } : {}),
  };
  return {
    id: tinkId(user.userId, account.externalId, tx.externalId),
    accountId: accountId(user, account),
    amount: amount(tx.amount, user.currency),
    dates: { booked: toIsoDate(tx.date), value: toIsoDate(tx.date) },
    descriptions: { display: tx.merchantName ?? tx.description, original: tx.description },
    identifiers: { providerTransactionId: tx.externalId },
    ...(Object.keys(merchant).length ? { merchantInformation: merchant } : {}),
    ...(tx.counterparties ? { counterparties: tx.counterparties as object } : {}),
    providerMutability: tx.pending ? 'MUTABLE' : 'IMMUTABLE',
    status: tx.pending ? 'PENDING' : 'BOOKED',
    types: { type: tx.type },
  };
}
