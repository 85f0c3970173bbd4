import { json, noContent } from '../../http/types.js';
import { deleteConnection } from '../connections.js';
import { notFound, validationFailed, xs2aError } from '../errors.js';
import { paginate } from '../paginate.js';
import { openSession, sessionCreated } from '../sessions.js';
import type { BankConnection, ConnectionRequest } from '../state.js';
import { decideSync, runBackgroundSync } from '../sync.js';
import { connectionView } from '../wire.js';
import {
  byCreation,
  type Context,
  deleted,
  envOf,
  ownConnection,
  userIdOf,
  type Xs2aHandler,
} from './common.js';

interface CreateBody {
  sync_mode?: ConnectionRequest['syncMode'];
  bic?: string | null;
  country_id?: string | null;
  days?: number | null;
  limit_days?: number | null;
  account_selection?: ConnectionRequest['accountSelection'] | null;
  language?: string | null;
}

/** The server's defaults for what the client left out (reference §11.12; fidelity.md). */
function requestOf(body: CreateBody | null | undefined): ConnectionRequest {
  return {
    syncMode: body?.sync_mode ?? 'full',
    bic: body?.bic ?? null,
    countryId: body?.country_id?.toUpperCase() ?? null,
    days: body?.days ?? 90,
    limitDays: body?.limit_days ?? null,
    accountSelection: body?.account_selection ?? 'all',
    language: body?.language ?? 'de',
  };
}

/** A new bank login for an existing connection: its bank is known, its mode is what the client asked for. */
function loginSession(ctx: Context, connection: BankConnection, purpose: 'sync' | 'reset') {
  const request: ConnectionRequest = {
    syncMode: connection.requestedSyncMode,
    bic: connection.bic,
    countryId: connection.countryId,
    days: connection.days,
    limitDays: connection.limitDays,
    accountSelection: 'all',
    language: 'de',
  };
  const session = openSession(ctx.tenant, ctx.now, {
    userId: connection.userId,
    request,
    connection,
    purpose,
  });
  return json(202, sessionCreated(session));
}

const connectionNotFound = (ctx: Context) => {
  const id = ctx.params.connectionId!;
  const pending = Object.values(ctx.tenant.xs2a.sessions).find(
    (s) => s.transaction === id && s.purpose === 'create' && s.userId === userIdOf(ctx),
  );
  // The connection appears when its wizard finishes (fidelity.md); say so for a pending transaction.
  return pending
    ? xs2aError(404, 'Bank connection not found: the wizard of this transaction has not finished.')
    : notFound('Bank connection');
};

export const connectionHandlers: Record<string, Xs2aHandler> = {
  createBankConnection: (ctx) => {
    const request = requestOf(ctx.body as CreateBody | undefined);
    const session = openSession(ctx.tenant, ctx.now, { userId: userIdOf(ctx), request, purpose: 'create' });
    return json(200, sessionCreated(session));
  },

  listBankConnections: (ctx) => {
    const userId = userIdOf(ctx);
    const own = Object.values(ctx.tenant.xs2a.connections).filter((c) => c.userId === userId);
    return json(200, paginate(byCreation(own), ctx.request, connectionView));
  },

  getBankConnection: (ctx) => {
    const connection = ownConnection(ctx, ctx.params.connectionId!);
    return connection ? json(200, connectionView(connection)) : connectionNotFound(ctx);
  },

  deleteBankConnection: (ctx) => {
    const connection = ownConnection(ctx, ctx.params.connectionId!);
    if (!connection) return connectionNotFound(ctx);
    deleteConnection(envOf(ctx), connection);
    return deleted('Bank connection deleted.');
  },

  syncBankConnection: (ctx) => {
    const connection = ownConnection(ctx, ctx.params.connectionId!);
    if (!connection) return connectionNotFound(ctx);
    const env = envOf(ctx);
    const decision = decideSync(
      env,
      connection,
      (ctx.body ?? {}) as { credentials?: string; force?: boolean },
    );
    if (decision.kind === 'conflict') return xs2aError(409, decision.message);
    if (decision.kind === 'invalid') return validationFailed(decision.errors);
    if (decision.kind === 'wizard') return loginSession(ctx, connection, 'sync');
    if (runBackgroundSync(env, connection, true) === 'needs-login')
      return loginSession(ctx, connection, 'sync');
    return noContent();
  },

  resetBankConnection: (ctx) => {
    const connection = ownConnection(ctx, ctx.params.connectionId!);
    if (!connection) return connectionNotFound(ctx);
    if (connection.disabled)
      return xs2aError(
        409,
        'The bank connection is disabled after 3 failed syncs; delete it and create a new one.',
      );
    return loginSession(ctx, connection, 'reset');
  },
};
