// The request journal: polled while live, newest first, filterable, a row opens the full exchange.
import { call } from './api.js';
import { badge, clear, code, h, renderIfChanged, replace, say, show, when } from './dom.js';

const $ = (id) => document.getElementById(id);

const LIMIT = 200;
const STATUS_FILTER = /^([1-5]\d\d|[1-5]xx)$/;
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const SECRET_FIELDS = /^(client_secret|password|pin|access_token|refresh_token|token|code)$/i;

/** The server already redacts; this is a second lock so a secret can never reach the screen. */
export function safeHeaderValue(name, value) {
  if (!SECRET_HEADERS.has(name.toLowerCase())) return value;
  return /^[A-Za-z-]+ \[redacted\]$/.test(value) ? value : '[redacted]';
}

const safeBody = (body) =>
  JSON.stringify(
    body,
    (key, value) =>
      SECRET_FIELDS.test(key) && typeof value === 'string' && value !== '[redacted]' ? '[redacted]' : value,
    2,
  );

const statusTone = (status) =>
  status >= 500 ? 'bad' : status >= 400 ? 'warn' : status >= 200 && status < 300 ? 'ok' : 'info';

const violationLabel = (violations) =>
  violations.length > 1 ? `${violations[0].rule} +${violations.length - 1}` : violations[0].rule;

const fullPath = (entry) => {
  const query = new URLSearchParams(
    Object.entries(entry.query ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x])),
  );
  const text = query.toString();
  return text ? `${entry.path}?${text}` : entry.path;
};

function headersTable(headers) {
  const entries = Object.entries(headers ?? {});
  if (!entries.length) return h('p', { class: 'empty' }, 'No headers.');
  return h(
    'dl',
    { class: 'headers' },
    entries.map(([name, value]) => [
      h('dt', null, name),
      h('dd', null, safeHeaderValue(name, String(value))),
    ]),
  );
}

const bodyBlock = (body) =>
  body === null || body === undefined
    ? h('p', { class: 'empty' }, 'No body.')
    : h('pre', { class: 'body' }, typeof body === 'string' ? body : safeBody(body));

function detail(entry, onClose) {
  const violations = entry.violations ?? [];
  return [
    h(
      'div',
      { class: 'detail-head' },
      h('h2', { id: 'journal-detail-heading' }, `${entry.method} ${entry.path}`),
      h('button', { type: 'button', class: 'small secondary', onclick: onClose }, 'Close'),
    ),
    h(
      'dl',
      { class: 'facts' },
      [
        ['Status', badge(String(entry.status), statusTone(entry.status))],
        ['Operation', code(entry.operationId)],
        ['API', show(entry.api)],
        ['Tenant', code(entry.tenant)],
        ['Received', `${when(entry.time)} UTC`],
        ['Virtual time', entry.clock ? `${when(entry.clock)} UTC` : show(null)],
        ['Latency', `${entry.latencyMs} ms`],
        ['Scenario rule', scenarioLabel(entry.scenario)],
        ['Fault', show(entry.fault)],
        ['Request id', code(entry.id)],
      ].map(([term, value]) => [h('dt', null, term), h('dd', null, value)]),
    ),
    violations.length
      ? [
          h('h3', null, `Contract violations (${violations.length})`),
          h(
            'ul',
            { class: 'violations' },
            violations.map((v) =>
              h('li', null, badge(`${v.source} · ${v.rule}`, 'bad'), ' ', code(v.where), ' ', v.message),
            ),
          ),
        ]
      : null,
    h('h3', null, 'Request'),
    h('p', null, code(fullPath(entry))),
    headersTable(entry.request?.headers),
    bodyBlock(entry.request?.body),
    h('h3', null, 'Response'),
    headersTable(entry.response?.headers),
    bodyBlock(entry.response?.body),
  ];
}

export function setupJournal(ctx) {
  let entries = [];
  let selected = null;
  let paused = false;
  const list = $('journal-list');
  const panel = $('journal-detail');
  const message = $('journal-message');

  const filters = () => {
    const status = $('journal-status').value.trim().toLowerCase();
    return {
      tenant: $('journal-scope').value || ctx.tenant,
      method: $('journal-method').value,
      path: $('journal-path').value.trim(),
      status,
      limit: LIMIT,
    };
  };

  const select = (id) => {
    selected = selected === id ? null : id;
    render();
  };

  function render() {
    const all = $('journal-scope').value === '*';
    $('journal-count').textContent = entries.length
      ? `(${entries.length >= LIMIT ? `${LIMIT}+` : entries.length})`
      : '';
    const signature = JSON.stringify([entries.map((e) => e.id), selected, all]);
    renderIfChanged(list, signature, () => table(entries, all, selected, select));
    const entry = entries.find((e) => e.id === selected);
    panel.hidden = !entry;
    if (entry && panel.dataset.id !== entry.id) {
      panel.dataset.id = entry.id;
      replace(
        panel,
        detail(entry, () => {
          selected = null;
          render();
          list.querySelector(`[data-key="${CSS.escape(entry.id)}"]`)?.focus();
        }),
      );
    }
    if (!entry) delete panel.dataset.id;
  }

  let inFlight = null;
  async function poll(force = false) {
    if (paused && !force) return;
    // A filter changed while a poll was out: ask again once it is back, with the new filter.
    if (inFlight) return force ? inFlight.then(() => poll(true)) : inFlight;
    const wanted = filters();
    if (wanted.status && !STATUS_FILTER.test(wanted.status)) {
      say(message, 'error', 'Status filter: use a status such as 404 or a class such as 4xx.');
      return;
    }
    inFlight = call('GET', '/__admin/requests', {
      tenant: wanted.tenant,
      query: { ...wanted, tenant: undefined },
    })
      .then((answer) => {
        entries = answer?.requests ?? [];
        if (message.dataset.kind === 'error') clear(message);
        render();
      })
      .catch((error) => say(message, 'error', `Could not read the journal: ${error.message}`))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  const refilter = () => poll(true);
  for (const id of ['journal-scope', 'journal-method']) $(id).addEventListener('change', refilter);
  for (const id of ['journal-path', 'journal-status']) $(id).addEventListener('input', refilter);
  $('journal-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    refilter();
  });
  $('journal-pause').addEventListener('click', (event) => {
    paused = !paused;
    event.currentTarget.setAttribute('aria-pressed', String(paused));
    event.currentTarget.textContent = paused ? 'Resume' : 'Pause';
    say(
      message,
      'info',
      paused
        ? 'Paused: the list stays as it is until you resume.'
        : 'Live: new requests appear as they arrive.',
    );
    if (!paused) poll();
  });
  $('journal-clear').addEventListener('click', async () => {
    const tenant = $('journal-scope').value || ctx.tenant;
    try {
      const answer = await call('DELETE', '/__admin/requests', { tenant });
      say(
        message,
        'ok',
        `Cleared ${answer.cleared} request(s) of ${tenant === '*' ? 'all tenants' : tenant}.`,
      );
      selected = null;
      await poll(true);
    } catch (error) {
      say(message, 'error', `Could not clear the journal: ${error.message}`);
    }
  });
  return { poll: () => poll(false) };
}

function table(entries, allTenants, selected, select) {
  if (!entries.length)
    return h(
      'p',
      { class: 'empty' },
      'No requests match. Requests to the Tink and XS2A APIs appear here as they arrive.',
    );
  const columns = [
    'Time (UTC)',
    ...(allTenants ? ['Tenant'] : []),
    'Method',
    'Path',
    'Status',
    'Latency',
    'Operation',
    'Scenario rule',
    'Violations',
  ];
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'journal-table' },
      h(
        'caption',
        { class: 'visually-hidden' },
        'Journaled requests, newest first. Choose a path to see the full request and response.',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          columns.map((label) => h('th', { scope: 'col', class: label === 'Latency' ? 'num' : null }, label)),
        ),
      ),
      h(
        'tbody',
        null,
        entries.map((entry) =>
          h(
            'tr',
            {
              class: entry.id === selected ? 'is-selected' : null,
              'data-request': entry.id,
              onclick: (event) => event.target.closest('button') || select(entry.id),
            },
            h('td', { class: 'nowrap' }, when(entry.time).slice(11)),
            allTenants ? h('td', null, show(entry.tenant)) : null,
            h('td', null, h('span', { class: 'method' }, entry.method)),
            h(
              'td',
              { class: 'path' },
              h(
                'button',
                {
                  type: 'button',
                  class: 'linklike',
                  key: entry.id,
                  'aria-expanded': String(entry.id === selected),
                  'aria-controls': 'journal-detail',
                  onclick: () => select(entry.id),
                },
                fullPath(entry),
              ),
            ),
            h('td', null, badge(String(entry.status), statusTone(entry.status))),
            h('td', { class: 'num nowrap' }, `${entry.latencyMs} ms`),
            h('td', null, show(entry.operationId)),
            h('td', null, scenarioLabel(entry.scenario)),
            h(
              'td',
              null,
              entry.violations?.length ? badge(violationLabel(entry.violations), 'bad') : show(null),
            ),
          ),
        ),
      ),
    ),
  );
}

/** `slow-bank / jitter`, or the scenario alone when only its behaviour applied. */
function scenarioLabel(scenario) {
  if (!scenario) return show(null);
  return scenario.rule ? `${scenario.name} / ${scenario.rule}` : `${scenario.name} (behaviour)`;
}
