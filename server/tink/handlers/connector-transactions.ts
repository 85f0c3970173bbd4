import type { Handler, HandlerContext } from '../../http/surface.js';
import { noContent } from '../../http/types.js';
import type { TinkPrincipal } from '../auth.js';
import { connectorError, MESSAGES, validationFailed } from '../errors.js';
import { type Container, ingest, transactionFields } from '../ingest.js';
import { applyBalance, markDeleted, putTransaction } from '../ledger.js';
import { containerErrors } from '../rules.js';
import { findUserByExternalId } from '../users.js';
import { byDialect } from './two-dialects.js';

type Context = HandlerContext<TinkPrincipal>;

function ingestTransactions(context: Context) {
  return byDialect(context, 'transactions.upsert', 'transactions', () => {
    const { body, tenant, now, params } = context;
    const externalUserId = params.externalUserId!;
    const user = findUserByExternalId(tenant, externalUserId);
    if (!user) return connectorError(404, MESSAGES.userNotFound, { externalUserId });
    return ingest(user, externalUserId, body as Container, now) ?? noContent();
  });
}

function updateTransaction(context: Context) {
  const { tenant, now, params } = context;
  const body = context.body as Container;
  const externalUserId = params.externalUserId!;
  const externalTransactionId = params.externalTransactionId!;
  const errors = containerErrors(body, 'update', now);
  if (errors.length) return validationFailed(errors);
  const entity = body.transactionAccounts[0]!;
  const sent = entity.transactions[0]!;
  if (sent.externalId !== externalTransactionId)
    return connectorError(400, MESSAGES.transactionIdMismatch, { externalUserId, externalTransactionId });
  const user = findUserByExternalId(tenant, externalUserId);
  if (!user) return connectorError(404, MESSAGES.userNotFound, { externalUserId });
  const account = user.accounts[entity.externalId];
  if (!account)
    return connectorError(400, MESSAGES.accountNotFound, {
      externalUserId,
      externalAccountId: entity.externalId,
    });
  const stored = account.transactions[externalTransactionId];
  if (!stored || stored.deleted)
    return connectorError(404, MESSAGES.transactionNotFound, {
      externalUserId,
      externalAccountId: entity.externalId,
      externalTransactionId,
    });
  putTransaction(account, transactionFields(sent), now);
  applyBalance(account, entity, now);
  return noContent();
}

function deleteTransactions(context: Context) {
  return byDialect(context, 'transactions.delete', 'externalIds', () =>
    deleteDocumentedTransactions(context),
  );
}

function deleteDocumentedTransactions(context: Context) {
  const { body, tenant, now, params } = context;
  const externalUserId = params.externalUserId!;
  const user = findUserByExternalId(tenant, externalUserId);
  if (!user) return connectorError(404, MESSAGES.userNotFound, { externalUserId });
  const { transactionAccounts } = body as Container;
  for (const entity of transactionAccounts) {
    const account = user.accounts[entity.externalId];
    const externalAccountId = entity.externalId;
    if (!account) return connectorError(400, MESSAGES.accountNotFound, { externalUserId, externalAccountId });
    const missing = entity.transactions
      .filter((tx) => !account.transactions[tx.externalId])
      .map((tx) => tx.externalId);
    if (missing.length)
      return connectorError(404, MESSAGES.transactionNotFound, {
        externalUserId,
        externalAccountId,
        externalTransactionId: missing.join(','),
      });
  }
  for (const entity of transactionAccounts) {
    const account = user.accounts[entity.externalId]!;
    for (const { externalId } of entity.transactions) {
      const tx = account.transactions[externalId]!;
      if (!tx.deleted) markDeleted(tx, now);
    }
    applyBalance(account, entity, now);
  }
  return noContent();
}

export const connectorTransactionHandlers: Record<string, Handler<TinkPrincipal>> = {
  ingestTransactions,
  updateTransaction,
  deleteTransactions,
};
