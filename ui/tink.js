// Tink view: operations (with their status timeline and step buttons), users, accounts, transactions.
import { call, route } from './api.js';
import { badge, code, h, money, pick, renderIfChanged, say, show, table, toMs, when } from './dom.js';

const $ = (id) => document.getElementById(id);

const MAX_TRANSACTIONS = 200;

const STATUS_TONES = {
  COMPLETED: 'ok',
  BOOKED: 'ok',
  PENDING: 'warn',
  FAILED: 'bad',
  REJECTED: 'bad',
  DELETED: 'neutral',
};
export const statusBadge = (status) => badge(show(status), STATUS_TONES[status] ?? 'info');

/** An operation's timeline, whichever shape the surface gives it: `[{status, at}]`, `{STATUS: at}` or names. */
export function timelineOf(operation) {
  for (const key of ['timeline', 'history', 'statusHistory', 'statuses', 'phases']) {
    const value = operation[key];
    if (Array.isArray(value))
      return value.map((step) =>
        typeof step === 'string'
          ? { status: step, at: null }
          : {
              status: pick(step, 'status', 'state', 'name') ?? '?',
              at: pick(step, 'at', 'time', 'from', 'since') ?? null,
            },
      );
    if (value && typeof value === 'object')
      return Object.entries(value).map(([status, at]) => ({
        status,
        at: typeof at === 'object' ? null : at,
      }));
  }
  return [];
}

/** The status now: the operation's own field, or the last timeline step already reached. */
function statusOf(operation, now) {
  const own = pick(operation, 'status', 'state');
  if (typeof own === 'string') return own;
  const reached = timelineOf(operation).filter((step) => step.at === null || toMs(step.at) <= toMs(now));
  return reached.at(-1)?.status ?? 'UNKNOWN';
}

async function step(ctx, operationId, action) {
  const message = $('tink-message');
  try {
    await call('POST', route('/__admin/tink/operations/{id}/{action}', { id: operationId, action }), {
      tenant: ctx.tenant,
    });
    say(message, 'ok', `Operation ${operationId}: ${action} done.`);
    await ctx.refresh();
  } catch (error) {
    const text = error.missingRoute
      ? `Stepping operations is not available in this sandbox version (POST …/${action} answered 404).`
      : `Could not ${action} operation ${operationId}: ${error.message}`;
    say(message, 'error', text);
  }
}

function timelineList(operation, now) {
  const steps = timelineOf(operation);
  if (!steps.length) return show(null);
  return h(
    'ol',
    { class: 'timeline' },
    steps.map((s) => {
      const reached = s.at === null || toMs(s.at) <= toMs(now);
      return h(
        'li',
        { class: reached ? 'reached' : 'upcoming' },
        h('span', null, s.status),
        ' ',
        h('span', { class: 'muted' }, s.at === null ? '' : when(s.at)),
      );
    }),
  );
}

function operationsTable(ctx, operations, now) {
  return operations.length
    ? h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          null,
          h('caption', { class: 'visually-hidden' }, 'Tink operations'),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Operation', 'Kind', 'User', 'Created', 'Status', 'Timeline', 'Step'].map((label) =>
                h('th', { scope: 'col' }, label),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            operations.map((op) => {
              const id = pick(op, 'operationId', 'id');
              const status = statusOf(op, now);
              return h(
                'tr',
                { 'data-operation': id },
                h('td', null, code(id)),
                h('td', null, show(op.kind)),
                h('td', null, show(pick(op, 'externalUserId', 'userId'))),
                h('td', null, when(op.createdAt)),
                h('td', { class: 'op-status' }, statusBadge(status)),
                h('td', null, timelineList(op, now)),
                h(
                  'td',
                  { class: 'row-actions' },
                  ['advance', 'complete', 'fail'].map((action) =>
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'small secondary',
                        key: `op-${id}-${action}`,
                        'aria-label': `${action} operation ${id}`,
                        onclick: () => step(ctx, id, action),
                      },
                      action[0].toUpperCase() + action.slice(1),
                    ),
                  ),
                ),
              );
            }),
          ),
        ),
      )
    : h(
        'p',
        { class: 'empty' },
        'No operations yet: they appear when a client writes through the v2 Connector API.',
      );
}

function accountRows(users) {
  return users.flatMap((user) => (user.accounts ?? []).map((account) => ({ user, account })));
}

const txCounts = (account) => {
  const all = account.transactions ?? [];
  const by = (status) => all.filter((tx) => tx.status === status).length;
  return `${by('BOOKED')} booked · ${by('PENDING')} pending · ${by('DELETED')} deleted`;
};

export function renderTink(ctx) {
  const tink = ctx.state?.tink ?? {};
  const users = tink.users ?? [];
  const now = ctx.state?.clock?.now;
  const operations = tink.operations ?? [];
  renderIfChanged($('tink-operations'), JSON.stringify([operations, operations.length ? now : null]), () =>
    operationsTable(ctx, operations, now),
  );
  renderIfChanged(
    $('tink-users'),
    JSON.stringify(users.map(({ accounts, ...u }) => [u, accounts?.length])),
    () =>
      table(
        'Tink users',
        [
          { label: 'User id', cell: (u) => code(u.userId) },
          { label: 'External user id', cell: (u) => show(u.externalUserId) },
          { label: 'Market', cell: (u) => show(u.market) },
          { label: 'Locale', cell: (u) => show(u.locale) },
          { label: 'Accounts', cell: (u) => String(u.accounts?.length ?? 0), numeric: true },
          { label: 'Created', cell: (u) => when(u.createdAt) },
        ],
        users,
        { empty: 'No Tink users.' },
      ),
  );
  const rows = accountRows(users);
  renderIfChanged(
    $('tink-accounts'),
    JSON.stringify(rows.map(({ account: { transactions, ...a } }) => [a, txCounts({ transactions })])),
    () =>
      table(
        'Tink accounts',
        [
          { label: 'User', cell: (r) => show(r.user.externalUserId ?? r.user.userId) },
          { label: 'Name', cell: (r) => show(r.account.name) },
          { label: 'External id', cell: (r) => code(r.account.externalId) },
          { label: 'Type', cell: (r) => show(r.account.type) },
          { label: 'Balance', cell: (r) => money(r.account.balance, r.account.currency), numeric: true },
          {
            label: 'Reserved',
            cell: (r) => money(r.account.reservedAmount, r.account.currency),
            numeric: true,
          },
          {
            label: 'Stored balance',
            cell: (r) => money(r.account.storedBalance, r.account.currency),
            numeric: true,
          },
          {
            label: 'State',
            cell: (r) => [
              r.account.closed ? badge('closed', 'neutral') : badge('open', 'ok'),
              r.account.exclusion ? badge(`excluded: ${r.account.exclusion}`, 'warn') : null,
            ],
          },
          { label: 'Transactions', cell: (r) => txCounts(r.account) },
        ],
        rows,
        { empty: 'No Tink accounts.' },
      ),
  );
  renderTransactions(rows);
}

function renderTransactions(rows) {
  const wanted = $('tink-tx-status').value;
  const all = rows
    .flatMap(({ account }) => (account.transactions ?? []).map((tx) => ({ tx, account })))
    .filter(({ tx }) => !wanted || tx.status === wanted)
    .sort((a, b) => toMs(b.tx.date) - toMs(a.tx.date));
  const shown = all.slice(0, MAX_TRANSACTIONS);
  renderIfChanged($('tink-transactions'), JSON.stringify([wanted, shown]), () => [
    h(
      'p',
      { class: 'hint' },
      all.length > shown.length
        ? `Newest ${shown.length} of ${all.length}.`
        : `${all.length} transaction(s).`,
    ),
    table(
      'Tink transactions',
      [
        { label: 'Date', cell: (r) => when(r.tx.date) },
        { label: 'Account', cell: (r) => show(r.account.name ?? r.account.externalId) },
        { label: 'Description', cell: (r) => show(r.tx.description) },
        { label: 'Merchant', cell: (r) => show(r.tx.merchantName) },
        { label: 'Amount', cell: (r) => money(r.tx.amount, r.account.currency), numeric: true },
        { label: 'Status', cell: (r) => statusBadge(r.tx.status) },
        { label: 'External id', cell: (r) => code(r.tx.externalId) },
      ],
      shown,
      {
        empty: 'No transactions match.',
        tall: true,
        rowClass: (r) => (r.tx.status === 'DELETED' ? 'is-deleted' : ''),
      },
    ),
  ]);
}

export function setupTink(ctx) {
  $('tink-tx-status').addEventListener('change', () => renderTink(ctx));
}
