import type { Handler, HandlerContext } from '../../http/surface.js';
import type { Xs2aPrincipal } from '../auth.js';
import { defaultXs2aBehaviour } from '../behaviour.js';
import type { BankAccount, BankConnection } from '../state.js';
import type { SyncEnv } from '../sync.js';

export type Context = HandlerContext<Xs2aPrincipal>;
export type Xs2aHandler = Handler<Xs2aPrincipal>;

/** The domain's view of a request: tenant, virtual now, and the XS2A behaviour in force. */
export const envOf = (ctx: Context): SyncEnv => ({
  tenant: ctx.tenant,
  now: ctx.now,
  behaviour: ctx.behaviour.xs2a ?? defaultXs2aBehaviour(),
});

/** The bank user behind an access token (token-level operations only ever see their own user). */
export function userIdOf(ctx: Context): string {
  if (ctx.principal.kind !== 'token') throw new Error(`${ctx.operationId} needs an access token`);
  return ctx.principal.userId;
}

export const byCreation = <T extends { createdAt: number }>(items: T[]) =>
  [...items].sort((a, b) => a.createdAt - b.createdAt);

/** The token's own connection, by id or by the transaction returned at creation (reference §1 row 12). */
export function ownConnection(ctx: Context, idOrTransaction: string): BankConnection | undefined {
  const userId = userIdOf(ctx);
  const { connections } = ctx.tenant.xs2a;
  const connection =
    connections[idOrTransaction] ?? Object.values(connections).find((c) => c.transaction === idOrTransaction);
  return connection?.userId === userId ? connection : undefined;
}

export function ownAccount(ctx: Context, id: string): BankAccount | undefined {
  const account = ctx.tenant.xs2a.accounts[id];
  return account?.userId === userIdOf(ctx) ? account : undefined;
}

export const deleted = (message: string) => ({ status: 200, body: { code: 200, message } });
