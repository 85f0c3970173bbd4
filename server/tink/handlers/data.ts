import { parseIso } from '../../clock.js';
import type { Handler, HandlerContext } from '../../http/surface.js';
import { json, type Query } from '../../http/types.js';
import type { TinkPrincipal } from '../auth.js';
import { accountId, dataAccount, dataTransaction } from '../data-views.js';
import { oauthError } from '../errors.js';

const MAX_PAGE = 100;

const list = (query: Query, name: string) => {
  const value = query[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

const badQuery = (name: string, expected: string) =>
  oauthError(400, `Query parameter ${name} is not valid: ${expected}.`, 'request.invalid_query');

/** The page asked for: the token is an opaque offset; at most 100 items (Tink's limit). */
function pageOf(query: Query): { offset: number; size: number } | string {
  const size = query.pageSize === undefined ? MAX_PAGE : Number(list(query, 'pageSize')[0]);
  if (!Number.isInteger(size) || size < 1) return 'pageSize';
  const token = list(query, 'pageToken')[0] ?? '';
  const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (token !== '' && !decoded) return 'pageToken';
  const offset = decoded ? Number(decoded[1]) : 0;
  return { offset, size: Math.min(size, MAX_PAGE) };
}

function paged<T>(items: T[], page: { offset: number; size: number }) {
  const end = page.offset + page.size;
  const next = end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : '';
  return { slice: items.slice(page.offset, end), nextPageToken: next };
}

const userOf = ({ tenant, principal }: HandlerContext<TinkPrincipal>) =>
  principal.kind === 'token' ? tenant.tink.users[principal.token.userId ?? ''] : undefined;

export const dataHandlers: Record<string, Handler<TinkPrincipal>> = {
  listAccounts: (context) => {
    const page = pageOf(context.query);
    if (typeof page === 'string') return badQuery(page, 'expected a positive integer or a nextPageToken');
    const user = userOf(context);
    const ids = list(context.query, 'idIn');
    const types = list(context.query, 'typesIn');
    const accounts = Object.values(user?.accounts ?? {})
      .map((account) => dataAccount(user!, account))
      .filter((a) => (!ids.length || ids.includes(a.id)) && (!types.length || types.includes(a.type)));
    const { slice, nextPageToken } = paged(accounts, page);
    return json(200, { accounts: slice, nextPageToken });
  },

  listTransactions: (context) => {
    const { query } = context;
    const page = pageOf(query);
    if (typeof page === 'string') return badQuery(page, 'expected a positive integer or a nextPageToken');
    const from = list(query, 'bookedDateGte')[0];
    const to = list(query, 'bookedDateLte')[0];
    for (const [name, value] of [
      ['bookedDateGte', from],
      ['bookedDateLte', to],
    ] as const)
      if (value !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(value) && parseIso(value) !== undefined))
        return badQuery(name, 'expected a date YYYY-MM-DD');
    const user = userOf(context);
    const accountIds = list(query, 'accountIdIn');
    const statuses = list(query, 'statusIn');
    const transactions = Object.values(user?.accounts ?? {})
      .filter((account) => !accountIds.length || accountIds.includes(accountId(user!, account)))
      .flatMap((account) => Object.values(account.transactions).map((tx) => ({ account, tx })))
      .filter(({ tx }) => !tx.deleted)
      .sort((a, b) => b.tx.date - a.tx.date)
      .map(({ account, tx }) => dataTransaction(user!, account, tx))
      .filter((t) => !statuses.length || statuses.includes(t.status))
      .filter((t) => (!from || t.dates.booked >= from) && (!to || t.dates.booked <= to));
    const { slice, nextPageToken } = paged(transactions, page);
    return json(200, { transactions: slice, nextPageToken });
  },
};
