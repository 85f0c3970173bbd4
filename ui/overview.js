// Overview: counts, the active scenario (and switching it), the tenant, snapshots.
import { call } from './api.js';
import { badge, clear, code, h, pick, renderIfChanged, say, show, when } from './dom.js';

const $ = (id) => document.getElementById(id);

const scenarios = { list: [], unavailable: null, state: null };

/** Counts over whatever the state holds; a missing collection counts as zero. */
export function counts(state) {
  const tinkUsers = state?.tink?.users ?? [];
  const tinkAccounts = tinkUsers.flatMap((user) => user.accounts ?? []);
  const xs2aAccounts = state?.xs2a?.accounts ?? [];
  return [
    ['Tink users', tinkUsers.length],
    ['Tink accounts', tinkAccounts.length],
    ['Tink transactions', tinkAccounts.reduce((sum, a) => sum + (a.transactions?.length ?? 0), 0)],
    ['Tink operations', state?.tink?.operations?.length ?? 0],
    ['XS2A bank users', state?.xs2a?.users?.length ?? 0],
    ['XS2A connections', state?.xs2a?.connections?.length ?? 0],
    ['XS2A accounts', xs2aAccounts.length],
    ['XS2A turnovers', xs2aAccounts.reduce((sum, a) => sum + (a.turnovers?.length ?? 0), 0)],
  ];
}

/** The active scenario as `{name, state}` from `GET /__admin/scenario/state`, or else the tenant's state. */
function activeScenario(ctx) {
  const fromEngine = scenarios.state;
  const raw = fromEngine ?? ctx.state?.scenario ?? null;
  if (!raw) return null;
  if (typeof raw === 'string') return { name: raw, state: null };
  const name = pick(raw, 'name', 'scenario', 'active');
  if (!name) return null;
  return {
    name: typeof name === 'object' ? name.name : name,
    state: pick(raw, 'state', 'currentState') ?? null,
  };
}

function renderScenario(ctx) {
  const active = activeScenario(ctx);
  renderIfChanged($('scenario-active'), JSON.stringify(active), () =>
    active
      ? h(
          'p',
          null,
          'Active: ',
          h('strong', { id: 'scenario-name' }, active.name),
          ' · state ',
          code(active.state),
        )
      : h('p', { id: 'scenario-name' }, 'No scenario is active: the APIs follow their happy path.'),
  );
  const form = $('scenario-form');
  if (scenarios.unavailable) {
    form.hidden = true;
    return;
  }
  form.hidden = scenarios.list.length === 0;
  const signature = JSON.stringify([scenarios.list, active?.name]);
  renderIfChanged($('scenario-list'), signature, () =>
    scenarios.list.map((scenario, i) =>
      h(
        'div',
        { class: 'choice' },
        h('input', {
          type: 'radio',
          name: 'scenario',
          id: `scenario-${i}`,
          value: scenario.name,
          checked: scenario.name === active?.name,
          'aria-describedby': `scenario-${i}-desc`,
          key: `scenario-${scenario.name}`,
        }),
        h(
          'label',
          { for: `scenario-${i}` },
          scenario.name,
          scenario.source ? badge(scenario.source, 'neutral') : null,
        ),
        h('p', { id: `scenario-${i}-desc`, class: 'hint' }, show(scenario.description)),
      ),
    ),
  );
}

async function loadScenarios(ctx) {
  const message = $('scenario-message');
  try {
    const answer = await call('GET', '/__admin/scenarios', { tenant: ctx.tenant });
    scenarios.list = answer?.scenarios ?? [];
    scenarios.unavailable = null;
    if (!scenarios.list.length) say(message, 'info', 'No scenarios are known to this sandbox.');
  } catch (error) {
    scenarios.list = [];
    scenarios.unavailable = error;
    const text = error.missingRoute
      ? 'Scenarios are not available in this sandbox version (GET /__admin/scenarios answered 404).'
      : `Could not list scenarios: ${error.message}`;
    say(message, error.missingRoute ? 'info' : 'error', text);
  }
  renderScenario(ctx);
}

async function loadScenarioState(ctx) {
  if (scenarios.unavailable) return;
  try {
    scenarios.state = await call('GET', '/__admin/scenario/state', { tenant: ctx.tenant });
  } catch {
    // An older engine without this route: the tenant's state still names the scenario.
    scenarios.state = null;
  }
}

async function switchScenario(ctx, name) {
  const message = $('scenario-message');
  try {
    if (name) await call('PUT', '/__admin/scenario', { tenant: ctx.tenant, body: { name } });
    else await call('DELETE', '/__admin/scenario', { tenant: ctx.tenant });
    say(
      message,
      'ok',
      name ? `Activated ${name} for ${ctx.tenant}.` : `Deactivated the scenario of ${ctx.tenant}.`,
    );
    await loadScenarioState(ctx);
    await ctx.refresh();
  } catch (error) {
    say(
      message,
      'error',
      `Could not ${name ? `activate ${name}` : 'deactivate the scenario'}: ${error.message}`,
    );
  }
}

function renderTenant(ctx) {
  const tenant = ctx.tenants.find((t) => t.id === ctx.tenant);
  const facts = [
    ['Id', code(ctx.tenant)],
    ['Name', show(tenant?.name)],
    ['Seed', show(tenant?.seed)],
    ['Created', tenant?.createdAt ? `${when(tenant.createdAt)} UTC` : show(null)],
    ['Tink client id', code(tenant?.tink?.clientId)],
  ];
  renderIfChanged($('tenant-info'), JSON.stringify(tenant ?? null), () =>
    facts.map(([term, value]) => [h('dt', null, term), h('dd', null, value)]),
  );
}

export function renderOverview(ctx) {
  const numbers = counts(ctx.state);
  renderIfChanged($('counts'), JSON.stringify(numbers), () =>
    numbers.map(([label, value]) =>
      h(
        'div',
        { class: 'stat' },
        h('span', { class: 'stat-value' }, String(value)),
        h('span', { class: 'stat-label' }, label),
      ),
    ),
  );
  renderScenario(ctx);
  renderTenant(ctx);
  if (!scenarios.unavailable && scenarios.list.length) loadScenarioState(ctx).then(() => renderScenario(ctx));
}

async function importSnapshot(ctx, file) {
  const message = $('snapshot-message');
  say(message, 'info', `Importing ${file.name}…`);
  try {
    const result = await call('PUT', '/__admin/snapshot', { body: await file.text() });
    say(
      message,
      'ok',
      `Imported ${result.tenants?.length ?? 0} tenant(s) and ${result.requests ?? 0} journaled request(s).`,
    );
    await loadScenarios(ctx);
    await ctx.refreshAll();
  } catch (error) {
    say(message, 'error', `Could not import ${file.name}: ${error.message}`);
  }
}

export function setupOverview(ctx) {
  loadScenarios(ctx).then(() => loadScenarioState(ctx));
  $('scenario-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new FormData(event.target).get('scenario');
    if (chosen) switchScenario(ctx, String(chosen));
    else say($('scenario-message'), 'error', 'Pick a scenario first.');
  });
  $('scenario-off').addEventListener('click', () => switchScenario(ctx, null));
  $('tenant').addEventListener('change', () => {
    clear($('scenario-message'));
    scenarios.state = null;
    loadScenarios(ctx).then(() => loadScenarioState(ctx));
  });
  $('snapshot-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = $('snapshot-file').files?.[0];
    if (file) importSnapshot(ctx, file);
  });
}
