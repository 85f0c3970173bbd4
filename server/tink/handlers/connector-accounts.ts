import type { Handler, HandlerContext } from '../../http/surface.js';
import { noContent } from '../../http/types.js';
import type { TinkPrincipal } from '../auth.js';
import { connectorError, MESSAGES } from '../errors.js';
import { applyBalance, upsertAccount } from '../ledger.js';

import { findUserByExternalId } from '../users.js';
import { byDialect } from './two-dialects.js';

interface AccountEntity {
  externalId: string;
  name: string;
  number: string;
  type: string;
  balance: number;
  availableCredit?: number;
  reservedAmount?: number;
  closed?: boolean;
  exclusion?: string;
  flags?: string[];
  payload?: Record<string, unknown>;
}

type Context = HandlerContext<TinkPrincipal>;

/** The documented dialect unless the body has the Elixir client's shape (and the sandbox allows it). */
function ingestAccounts(context: Context) {
  return byDialect(context, 'accounts.upsert', 'accounts', () => ingestDocumentedAccounts(context));
}

function ingestDocumentedAccounts(context: Context) {
  const { body, tenant, now, params } = context;
  const externalUserId = params.externalUserId!;
  const { accounts } = body as { accounts: AccountEntity[] };
  const user = findUserByExternalId(tenant, externalUserId);
  if (!user) return connectorError(401, MESSAGES.userNotFound, { externalUserId });
  const existing = accounts.filter((a) => user.accounts[a.externalId]).map((a) => a.externalId);
  if (context.behaviour.tink.accounts?.conflictOnExisting && existing.length)
    return connectorError(409, MESSAGES.accountAlreadyExists, {
      externalUserId,
      externalAccountId: existing.join(','),
    });
  for (const { balance, reservedAmount, ...fields } of accounts) {
    const account = upsertAccount(user, fields, now);
    applyBalance(account, { balance, reservedAmount, payload: fields.payload }, now);
  }
  return noContent();
}

interface UpdateAccountEntity {
  availableCredit?: number;
  closed?: boolean;
  exclusion?: string;
  name?: string;
  type?: string;
}

export const connectorAccountHandlers: Record<string, Handler<TinkPrincipal>> = {
  ingestAccounts,

  updateAccount: ({ body, tenant, now, params }) => {
    const externalUserId = params.externalUserId!;
    const externalAccountId = params.externalAccountId!;
    const user = findUserByExternalId(tenant, externalUserId);
    if (!user) return connectorError(401, MESSAGES.userNotFound, { externalUserId });
    const account = user.accounts[externalAccountId];
    if (!account) return connectorError(404, MESSAGES.accountNotFound, { externalUserId, externalAccountId });
    // Balance, number and externalId cannot be changed here; only these fields are read.
    const { availableCredit, closed, exclusion, name, type } = body as UpdateAccountEntity;
    upsertAccount(
      user,
      { externalId: externalAccountId, availableCredit, closed, exclusion, name, type },
      now,
    );
    return noContent();
  },

  deleteAccount: ({ tenant, params }) => {
    const externalUserId = params.externalUserId!;
    const externalAccountId = params.externalAccountId!;
    const user = findUserByExternalId(tenant, externalUserId);
    if (!user) return connectorError(404, MESSAGES.userNotFound, { externalUserId });
    if (!user.accounts[externalAccountId])
      return connectorError(404, MESSAGES.accountNotFound, { externalUserId, externalAccountId });
    delete user.accounts[externalAccountId];
    return noContent();
  },
};
