import type { TenantData } from '../store/types.js';
import { type AsyncAccount, readAll, readAsyncAccount, readAsyncTransaction } from './async-items.js';
import { type FieldError, MESSAGES, VALIDATION_FAILED } from './errors.js';
import { accountsById, applyBalance, markDeleted, putTransaction, upsertAccount } from './ledger.js';
import type { TinkAccount, TinkOperation, TinkUser } from './state.js';
import { addUser, findUserByExternalId, marketOfCurrency } from './users.js';
import { fieldError } from './validation.js';

/**
 * What an operation does when it completes: every item is checked first (REJECTED when one is
 * malformed, FAILED when one names what does not exist); only then is anything changed, all or nothing.
 */
export interface Ending {
  status: 'COMPLETED' | 'FAILED' | 'REJECTED';
  errorMessage?: string;
  errorCode?: string;
  errors?: FieldError[];
}

/** Accounts written on the v2 paths without an `externalUserId` belong to this user. */
export const V2_DEFAULT_USER = 'connector-v2-user';

const rejected = (errors: FieldError[]): Ending => ({
  status: 'REJECTED',
  errorMessage: VALIDATION_FAILED,
  errorCode: 'VALIDATION_FAILED',
  errors,
});

const failed = (code: string, message: keyof typeof MESSAGES, errors: FieldError[]): Ending => ({
  status: 'FAILED',
  errorMessage: MESSAGES[message],
  errorCode: code,
  errors,
});

const COMPLETED: Ending = { status: 'COMPLETED' };

function upsertAccounts(tenant: TenantData, operation: TinkOperation, at: number): Ending {
  const read = readAll(operation.items, (item, i) => readAsyncAccount(item, `accounts[${i}]`));
  if (!read.ok) return rejected(read.errors);
  const ownerOf = (a: AsyncAccount) => operation.externalUserId ?? a.externalUserId ?? V2_DEFAULT_USER;
  const errors: FieldError[] = [];
  read.value.forEach((a, i) => {
    const user = findUserByExternalId(tenant, ownerOf(a));
    for (const [name, amount] of [
      ['balance', a.balance],
      ['reservedAmount', a.reservedAmount],
    ] as const)
      if (user && amount?.currency && amount.currency !== user.currency)
        errors.push(
          fieldError(
            `accounts[${i}].${name}`,
            `currency ${amount.currency} is not the user's ${user.currency}`,
          ),
        );
  });
  if (errors.length) return rejected(errors);
  for (const a of read.value) {
    const currency = a.balance?.currency ?? a.reservedAmount?.currency;
    const user =
      findUserByExternalId(tenant, ownerOf(a)) ??
      addUser(tenant, { externalUserId: ownerOf(a), market: marketOfCurrency(currency) }, at);
    const account = upsertAccount(user, a.fields, at);
    applyBalance(account, { balance: a.balance?.value, reservedAmount: a.reservedAmount?.value }, at);
  }
  return COMPLETED;
}

function deleteAccounts(tenant: TenantData, operation: TinkOperation): Ending {
  const ids = operation.items as string[];
  const missing = ids.flatMap((id, i) =>
    accountsById(tenant, id).length ? [] : [fieldError(`externalIds[${i}]`, MESSAGES.accountNotFound)],
  );
  if (missing.length) return failed('ACCOUNT_NOT_FOUND', 'accountNotFound', missing);
  for (const id of ids) for (const { user } of accountsById(tenant, id)) delete user.accounts[id];
  return COMPLETED;
}

/** The account a transaction names: the v1 path's user's, or the one account of that id (v2). */
function accountFor(tenant: TenantData, user: TinkUser | null | undefined, accountId: string) {
  if (user !== null) return user?.accounts[accountId];
  const matches = accountsById(tenant, accountId);
  return matches.length === 1 ? matches[0]!.account : undefined;
}

function writeTransactions(tenant: TenantData, operation: TinkOperation, at: number): Ending {
  const update = operation.kind === 'transactions.update';
  const read = readAll(operation.items, (item, i) => readAsyncTransaction(item, `transactions[${i}]`, at));
  if (!read.ok) return rejected(read.errors);
  const keys = read.value.map((t) => `${t.accountExternalId}/${t.fields.externalId}`);
  const dupes = keys.flatMap((key, i) =>
    keys.indexOf(key) !== i
      ? [fieldError(`transactions[${i}].externalId`, 'is sent twice in this request')]
      : [],
  );
  if (dupes.length) return rejected(dupes);
  const user =
    operation.externalUserId === null ? null : findUserByExternalId(tenant, operation.externalUserId);
  const targets: TinkAccount[] = [];
  for (const [i, t] of read.value.entries()) {
    const account = accountFor(tenant, user, t.accountExternalId);
    const path = `transactions[${i}]`;
    if (!account)
      return failed('ACCOUNT_NOT_FOUND', 'accountNotFound', [
        fieldError(`${path}.accountExternalId`, MESSAGES.accountNotFound),
      ]);
    const existing = account.transactions[t.fields.externalId];
    if (existing?.deleted)
      return failed('TRANSACTION_ALREADY_DELETED', 'transactionAlreadyDeleted', [
        fieldError(`${path}.externalId`, MESSAGES.transactionAlreadyDeleted),
      ]);
    if (update && !existing)
      return failed('TRANSACTION_NOT_FOUND', 'transactionNotFound', [
        fieldError(`${path}.externalId`, MESSAGES.transactionNotFound),
      ]);
    targets.push(account);
  }
  read.value.forEach((t, i) => {
    putTransaction(targets[i]!, t.fields, at);
  });
  return COMPLETED;
}

function deleteTransactions(tenant: TenantData, operation: TinkOperation, at: number): Ending {
  const ids = operation.items as string[];
  let users = Object.values(tenant.tink.users);
  if (operation.externalUserId !== null) {
    const user = findUserByExternalId(tenant, operation.externalUserId);
    if (!user) return failed('USER_NOT_FOUND', 'userNotFound', []);
    users = [user];
  }
  const found = ids.map((id) =>
    users
      .flatMap((u) => Object.values(u.accounts))
      .flatMap((a) => (a.transactions[id] ? [a.transactions[id]] : [])),
  );
  const missing = ids.flatMap((_, i) =>
    found[i]!.length ? [] : [fieldError(`externalIds[${i}]`, MESSAGES.transactionNotFound)],
  );
  if (missing.length) return failed('TRANSACTION_NOT_FOUND', 'transactionNotFound', missing);
  for (const tx of found.flat()) if (!tx.deleted) markDeleted(tx, at);
  return COMPLETED;
}

const APPLIERS: Record<TinkOperation['kind'], (tenant: TenantData, op: TinkOperation, at: number) => Ending> =
  {
    'accounts.upsert': upsertAccounts,
    'accounts.delete': deleteAccounts,
    'transactions.upsert': writeTransactions,
    'transactions.update': writeTransactions,
    'transactions.delete': deleteTransactions,
  };

export function applyOperation(tenant: TenantData, operation: TinkOperation, at: number): Ending {
  return APPLIERS[operation.kind](tenant, operation, at);
}
