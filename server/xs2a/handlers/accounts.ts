import { firstQueryValue, json } from '../../http/types.js';
import { notFound, validationFailed } from '../errors.js';
import { paginate } from '../paginate.js';
import { renderReport } from '../report.js';
import type { BankAccount } from '../state.js';
import { berlinDateTime, parseDate } from '../time.js';
import { accountView, balanceView, turnoverView } from '../wire.js';
import {
  byCreation,
  type Context,
  deleted,
  ownAccount,
  ownConnection,
  userIdOf,
  type Xs2aHandler,
} from './common.js';

const accountNotFound = () => notFound('Bank account');

/** `from`/`to` as `YYYY-MM-DD`; an empty string is no filter (the node client sends empty strings). */
function dateFilters(ctx: Context): { from?: string; to?: string } | { errors: Record<string, string[]> } {
  const out: { from?: string; to?: string } = {};
  const errors: Record<string, string[]> = {};
  for (const name of ['from', 'to'] as const) {
    const value = firstQueryValue(ctx.query, name) ?? '';
    if (value === '') continue;
    const date = parseDate(value);
    if (date) out[name] = date;
    else errors[name] = [`The ${name} does not match the format Y-m-d.`];
  }
  return Object.keys(errors).length ? { errors } : out;
}

/** node sends `only_new=0|1`, java `onlyNew=true|false`; either turns the filter on. */
function onlyNew(ctx: Context): boolean {
  const value = firstQueryValue(ctx.query, 'only_new') || firstQueryValue(ctx.query, 'onlyNew') || '';
  return value === '1' || value === 'true';
}

function turnoversOf(ctx: Context, account: BankAccount) {
  const filters = dateFilters(ctx);
  if ('errors' in filters) return validationFailed(filters.errors);
  const wanted = (ctx.tenant.xs2a.turnovers[account.id] ?? []).filter(
    (t) =>
      (!filters.from || t.bookingDate >= filters.from) &&
      (!filters.to || t.bookingDate <= filters.to) &&
      (!onlyNew(ctx) || t.new),
  );
  const connection = account.connectionId ? ctx.tenant.xs2a.connections[account.connectionId] : undefined;
  return json(200, {
    id: account.id,
    turnovers: wanted.map(turnoverView),
    days: connection?.days ?? 90,
    date: berlinDateTime(account.balanceDate),
    created_at: berlinDateTime(account.createdAt),
    object: 'bank_account_turnovers',
  });
}

/** Sets `new: false` on the account's turnovers, all of them or those booked up to a date. */
function markAsSeen(ctx: Context, upTo?: string) {
  const account = ownAccount(ctx, ctx.params.accountId!);
  if (!account) return accountNotFound();
  if (upTo !== undefined && !parseDate(upTo))
    return validationFailed({ upTo: ['The date does not match the format Y-m-d.'] });
  let marked = 0;
  for (const turnover of ctx.tenant.xs2a.turnovers[account.id] ?? []) {
    if (!turnover.new || (upTo && turnover.bookingDate > upTo)) continue;
    turnover.new = false;
    marked += 1;
  }
  return json(200, { code: 200, message: 'Turnovers marked as seen.', marked });
}

export const accountHandlers: Record<string, Xs2aHandler> = {
  listBankAccounts: (ctx) => {
    const userId = userIdOf(ctx);
    const own = Object.values(ctx.tenant.xs2a.accounts).filter((a) => a.userId === userId);
    return json(200, paginate(byCreation(own), ctx.request, accountView));
  },

  listBankConnectionAccounts: (ctx) => {
    const connection = ownConnection(ctx, ctx.params.connectionId!);
    if (!connection) return notFound('Bank connection');
    const own = Object.values(ctx.tenant.xs2a.accounts).filter((a) => a.connectionId === connection.id);
    return json(200, paginate(byCreation(own), ctx.request, accountView));
  },

  getBankAccount: (ctx) => {
    const account = ownAccount(ctx, ctx.params.accountId!);
    return account ? json(200, accountView(account)) : accountNotFound();
  },

  deleteBankAccount: (ctx) => {
    const account = ownAccount(ctx, ctx.params.accountId!);
    if (!account) return accountNotFound();
    delete ctx.tenant.xs2a.accounts[account.id];
    delete ctx.tenant.xs2a.turnovers[account.id];
    return deleted('Bank account deleted.');
  },

  getBankAccountBalance: (ctx) => {
    const account = ownAccount(ctx, ctx.params.accountId!);
    return account ? json(200, balanceView(account)) : accountNotFound();
  },

  getBankAccountTurnovers: (ctx) => {
    const account = ownAccount(ctx, ctx.params.accountId!);
    return account ? turnoversOf(ctx, account) : accountNotFound();
  },

  markTurnoversAsSeen: (ctx) => markAsSeen(ctx),
  markTurnoversAsSeenUpTo: (ctx) => markAsSeen(ctx, ctx.params.upTo!),

  getBankAccountReport: (ctx) => {
    const account = ownAccount(ctx, ctx.params.accountId!);
    if (!account) return accountNotFound();
    const format = firstQueryValue(ctx.query, 'format') || 'json';
    const locale = firstQueryValue(ctx.query, 'locale') === 'de' ? 'de' : 'en';
    const turnovers = ctx.tenant.xs2a.turnovers[account.id] ?? [];
    return renderReport({ reportId: ctx.params.reportId!, account, turnovers, locale, format, now: ctx.now });
  },
};
