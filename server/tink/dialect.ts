import type { FieldError } from './errors.js';
import { accountListErrors, containerErrors } from './rules.js';
import { checkSchema } from './validation.js';

/**
 * Two dialects share the v1 paths: Tink's documented one and the asynchronous one of the Elixir
 * `tink` 1.0 client (reference §1.7, §2.4). The body's shape tells them apart; the v2 paths only
 * speak the asynchronous one.
 */
export type Dialect = 'documented' | 'async';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Operations whose v1 path may carry either dialect. */
export const DIALECT_OPERATIONS = new Set(['ingestAccounts', 'ingestTransactions', 'deleteTransactions']);

export function dialectOf(operationId: string, body: unknown): Dialect {
  if (operationId.endsWith('V2')) return 'async';
  if (!isObject(body)) return 'documented';
  switch (operationId) {
    case 'ingestAccounts':
      // v2 money (`"balance": {"amount": {...}}`) is what the Elixir client's docs send.
      return Array.isArray(body.accounts) && body.accounts.some((a) => isObject(a) && isObject(a.balance))
        ? 'async'
        : 'documented';
    case 'ingestTransactions':
      return 'transactions' in body && !('transactionAccounts' in body) ? 'async' : 'documented';
    case 'deleteTransactions':
      return 'externalIds' in body && !('transactionAccounts' in body) ? 'async' : 'documented';
    default:
      return 'documented';
  }
}

const SCHEMAS: Record<string, Record<Dialect, string>> = {
  ingestAccounts: { documented: 'AccountListEntity', async: 'AsyncAccountList' },
  ingestTransactions: { documented: 'CreateTransactionAccountContainer', async: 'AsyncTransactionList' },
  deleteTransactions: { documented: 'DeleteTransactionAccountsContainer', async: 'ExternalIdList' },
};

/** The body's shape checked against its dialect's schema, then (documented) against the Connector's rules. */
export function dialectErrors(
  operationId: string,
  dialect: Dialect,
  body: unknown,
  now?: number,
): FieldError[] {
  const schema = SCHEMAS[operationId]?.[dialect];
  if (!schema) return [];
  const errors = checkSchema(schema, body ?? null);
  if (errors.length || dialect === 'async' || now === undefined) return errors;
  if (operationId === 'ingestAccounts') return accountListErrors(body);
  const kind = operationId === 'ingestTransactions' ? 'create' : 'delete';
  return containerErrors(body, kind, now);
}
