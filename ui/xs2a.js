// XS2A view: connections (with sync actions), wizard sessions, bank users, tokens (never their value),
// accounts. Fields are read in camelCase (the admin view) or snake_case (the API's spelling).
import { ApiError, call, route } from './api.js';
import {
  badge,
  code,
  h,
  money,
  pick,
  relative,
  renderIfChanged,
  say,
  show,
  table,
  toMs,
  when,
} from './dom.js';

const $ = (id) => document.getElementById(id);

const isFinished = (session) => Boolean(pick(session, 'finished', 'done'));
const wizardKey = (session) => pick(session, 'key', 'wizardSessionKey', 'wizard_session_key');

function consentExpired(connection, now) {
  const flag = pick(connection, 'consentExpired', 'consent_expired');
  if (typeof flag === 'boolean') return flag;
  const until = pick(connection, 'consentValidUntil', 'consent_valid_until');
  return Boolean(until) && toMs(until) <= toMs(now);
}

const isDisabled = (connection) =>
  Boolean(pick(connection, 'disabled')) || pick(connection, 'syncActive', 'sync_active') === false;

/** A valid access token of the connection's bank user: used in a request, never shown. */
function tokenFor(ctx, connection) {
  const userId = pick(connection, 'userId', 'user_id');
  return (ctx.state?.xs2a?.tokens ?? []).find(
    (t) => pick(t, 'userId', 'user_id') === userId && !t.expired && t.token,
  )?.token;
}

async function syncNow(ctx, connection) {
  const message = $('xs2a-message');
  const token = tokenFor(ctx, connection);
  if (!token) {
    say(
      message,
      'error',
      `No valid access token for bank user ${pick(connection, 'userId', 'user_id')}: create one through the XS2A API first.`,
    );
    return;
  }
  try {
    await call('POST', route('/v1/api/connections/{id}/sync', { id: connection.id }), {
      headers: { authorization: `Basic ${btoa(`api:${token}`)}` },
      body: {},
    });
    say(message, 'ok', `Sync of ${connection.id} requested.`);
  } catch (error) {
    say(message, 'error', `XS2A refused the sync of ${connection.id} (${error.status}): ${error.message}`);
  }
  await ctx.refresh();
}

async function failNextSync(ctx, connection) {
  const message = $('xs2a-message');
  try {
    await call('POST', route('/__admin/xs2a/connections/{id}/fail-next-sync', { id: connection.id }), {
      tenant: ctx.tenant,
    });
    say(message, 'ok', `The next sync of ${connection.id} will fail.`);
    await ctx.refresh();
  } catch (error) {
    const text =
      error instanceof ApiError && error.missingRoute
        ? 'Failing the next sync is not available in this sandbox version (the admin route answered 404).'
        : `Could not arrange a failing sync for ${connection.id}: ${error.message}`;
    say(message, 'error', text);
  }
}

function wizardLink(session, label) {
  const key = wizardKey(session);
  return key
    ? h(
        'a',
        {
          href: route('/wizard/{key}', { key }),
          target: '_blank',
          rel: 'noopener noreferrer',
          class: 'button small secondary',
        },
        label,
      )
    : show(null);
}

function connectionState(connection, now) {
  const until = pick(connection, 'consentValidUntil', 'consent_valid_until');
  const badges = [];
  if (pick(connection, 'disabled')) badges.push(badge('disabled', 'bad'));
  if (consentExpired(connection, now)) badges.push(badge('consent expired', 'bad'));
  else if (until) badges.push(badge(`consent ${relative(until, now)}`, 'ok'));
  if (pick(connection, 'syncActive', 'sync_active') === false) badges.push(badge('sync inactive', 'warn'));
  const message = pick(connection, 'syncMessage', 'sync_message');
  return [badges, message ? h('div', { class: 'hint' }, message) : null];
}

function connectionsTable(ctx, connections, sessions, now) {
  const pending = (connection) =>
    sessions.find((s) => pick(s, 'connectionId', 'connection_id') === connection.id && !isFinished(s));
  return table(
    'XS2A connections',
    [
      {
        label: 'Connection',
        cell: (c) => [
          code(c.id),
          h(
            'div',
            { class: 'hint' },
            show(pick(c, 'bankName', 'bank_name')),
            ' · ',
            show(pick(c, 'bankCode', 'bank_code')),
          ),
        ],
      },
      { label: 'Bank user', cell: (c) => code(pick(c, 'userId', 'user_id')) },
      { label: 'sync_mode', cell: (c) => code(pick(c, 'syncMode', 'sync_mode')) },
      { label: 'sync_active', cell: (c) => (pick(c, 'syncActive', 'sync_active') ? 'yes' : 'no') },
      {
        label: 'sync_fail_counter',
        cell: (c) => show(pick(c, 'syncFailCounter', 'sync_fail_counter')),
        numeric: true,
      },
      { label: 'last_synced', cell: (c) => when(pick(c, 'lastSynced', 'last_synced')) },
      {
        label: 'consent_valid_until',
        cell: (c) => when(pick(c, 'consentValidUntil', 'consent_valid_until')),
      },
      { label: 'State', cell: (c) => connectionState(c, now) },
      {
        label: 'Actions',
        cell: (c) =>
          h(
            'div',
            { class: 'row-actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'small',
                key: `sync-${c.id}`,
                'aria-label': `Sync ${c.id} now`,
                onclick: () => syncNow(ctx, c),
              },
              'Sync now',
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'small secondary',
                key: `fail-${c.id}`,
                'aria-label': `Make the next sync of ${c.id} fail`,
                onclick: () => failNextSync(ctx, c),
              },
              'Fail next sync',
            ),
            pending(c) ? wizardLink(pending(c), 'Open wizard') : null,
          ),
      },
    ],
    connections,
    {
      empty: 'No bank connections.',
      rowClass: (c) =>
        [consentExpired(c, now) ? 'is-expired' : '', isDisabled(c) ? 'is-disabled' : ''].join(' ').trim(),
      rowProps: (c) => ({ 'data-connection': c.id }),
    },
  );
}

export function renderXs2a(ctx) {
  const xs2a = ctx.state?.xs2a ?? {};
  const now = ctx.state?.clock?.now;
  const connections = xs2a.connections ?? [];
  const sessions = xs2a.sessions ?? [];
  // Tokens are compared by id and expiry only: their values never enter the page's markup.
  const tokens = (xs2a.tokens ?? []).map((t) => ({
    id: t.id,
    userId: pick(t, 'userId', 'user_id'),
    validUntil: pick(t, 'validUntil', 'valid_until'),
    expired: t.expired,
  }));
  const day = now ? now.slice(0, 13) : '';
  renderIfChanged($('xs2a-connections'), JSON.stringify([connections, sessions, tokens, day]), () =>
    connectionsTable(ctx, connections, sessions, now),
  );
  renderIfChanged($('xs2a-sessions'), JSON.stringify(sessions), () =>
    table(
      'Wizard sessions',
      [
        { label: 'Transaction', cell: (s) => code(s.transaction ?? s.id) },
        { label: 'Connection', cell: (s) => code(pick(s, 'connectionId', 'connection_id')) },
        { label: 'Purpose', cell: (s) => show(s.purpose) },
        { label: 'Step', cell: (s) => show(s.step) },
        { label: 'Last error', cell: (s) => show(pick(s, 'lastError', 'last_error')) },
        {
          label: 'State',
          cell: (s) => (isFinished(s) ? badge('finished', 'ok') : badge('waiting for bank login', 'warn')),
        },
        { label: 'Wizard', cell: (s) => (isFinished(s) ? show(null) : wizardLink(s, 'Open wizard')) },
      ],
      sessions,
      {
        empty:
          'No bank logins: a wizard session appears when a connection is created, synced with sync_mode none, or reset.',
      },
    ),
  );
  const users = xs2a.users ?? [];
  renderIfChanged($('xs2a-users'), JSON.stringify([users, tokens, connections.length]), () =>
    table(
      'XS2A bank users',
      [
        { label: 'Bank user', cell: (u) => code(u.id) },
        { label: 'Name', cell: (u) => show(u.name) },
        { label: 'Email', cell: (u) => show(u.email) },
        { label: 'Tokens', cell: (u) => tokenSummary(tokens.filter((t) => t.userId === u.id)) },
        {
          label: 'Connections',
          cell: (u) => String(connections.filter((c) => pick(c, 'userId', 'user_id') === u.id).length),
          numeric: true,
        },
        { label: 'Created', cell: (u) => when(u.createdAt) },
      ],
      users,
      { empty: 'No bank users.' },
    ),
  );
  renderIfChanged($('xs2a-tokens'), JSON.stringify([tokens, day]), () =>
    table(
      'XS2A access tokens',
      [
        { label: 'Access token', cell: (t) => [code(t.id), h('span', { class: 'hint' }, ' (value hidden)')] },
        { label: 'Bank user', cell: (t) => code(t.userId) },
        {
          label: 'Valid until',
          cell: (t) => [when(t.validUntil), h('span', { class: 'hint' }, ` ${relative(t.validUntil, now)}`)],
        },
        { label: 'State', cell: (t) => (t.expired ? badge('expired', 'bad') : badge('valid', 'ok')) },
      ],
      tokens,
      { empty: 'No access tokens.', rowClass: (t) => (t.expired ? 'is-expired' : '') },
    ),
  );
  const accounts = xs2a.accounts ?? [];
  renderIfChanged(
    $('xs2a-accounts'),
    JSON.stringify(accounts.map(({ turnovers, ...a }) => [a, turnovers?.length])),
    () =>
      table(
        'XS2A accounts',
        [
          { label: 'IBAN', cell: (a) => code(a.iban) },
          { label: 'Description', cell: (a) => show(a.description) },
          { label: 'Type', cell: (a) => show(a.type) },
          { label: 'Holder', cell: (a) => show(a.holder) },
          { label: 'Connection', cell: (a) => code(pick(a, 'connectionId', 'connection_id')) },
          { label: 'Balance', cell: (a) => money(a.balance, a.currency), numeric: true },
          { label: 'Available', cell: (a) => money(a.available, a.currency), numeric: true },
          { label: 'Turnovers', cell: (a) => String(a.turnovers?.length ?? 0), numeric: true },
        ],
        accounts,
        { empty: 'No XS2A accounts.' },
      ),
  );
}

function tokenSummary(tokens) {
  if (!tokens.length) return 'none';
  const valid = tokens.filter((t) => !t.expired).length;
  return `${valid} valid · ${tokens.length - valid} expired`;
}

export function setupXs2a() {}
