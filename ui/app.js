// The dashboard: one tenant at a time, state polled every 2 s, journal every 1.5 s, only through the
// public admin API (and, for "sync now", the XS2A API itself), so whatever it does can be scripted.
import { ApiError, call } from './api.js';
import { clear, h, renderIfChanged, say, show, when } from './dom.js';
import { setupJournal } from './journal.js';
import { renderOverview, setupOverview } from './overview.js';
import { renderTink, setupTink } from './tink.js';
import { renderXs2a, setupXs2a } from './xs2a.js';

const $ = (id) => document.getElementById(id);

const ctx = {
  tenant: new URLSearchParams(window.location.search).get('tenant') ?? 'default',
  tenants: [],
  state: null,
  /** Fetches the tenant's state now and re-renders every view. */
  refresh: () => refreshState(),
  refreshAll: () => Promise.all([refreshTenants(), refreshState(), journal.poll()]),
};

function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab, focus) => {
    for (const each of tabs) {
      const selected = each === tab;
      each.setAttribute('aria-selected', String(selected));
      each.tabIndex = selected ? 0 : -1;
      $(each.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    window.history.replaceState(null, '', `${window.location.search}#${tab.id.slice(4)}`);
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const at = tabs.indexOf(tab);
      const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[(next + tabs.length) % tabs.length], true);
    });
  }
  const fromHash = tabs.find((tab) => tab.id === `tab-${window.location.hash.slice(1)}`);
  if (fromHash) select(fromHash, false);
}

function renderTenantPicker() {
  const picker = $('tenant');
  const ids = ctx.tenants.map((t) => `${t.id}:${t.name}`).join('|');
  renderIfChanged(picker, `${ids}/${ctx.tenant}`, () =>
    ctx.tenants.map((t) =>
      h(
        'option',
        { value: t.id, selected: t.id === ctx.tenant },
        t.name && t.name !== t.id ? `${t.name} (${t.id})` : t.id,
      ),
    ),
  );
}

async function refreshTenants() {
  try {
    ctx.tenants = (await call('GET', '/__admin/tenants')).tenants ?? [];
    if (!ctx.tenants.some((t) => t.id === ctx.tenant) && ctx.tenants[0]) ctx.tenant = ctx.tenants[0].id;
    renderTenantPicker();
  } catch (error) {
    connectionTrouble(error);
  }
}

function renderClock(clock) {
  $('clock-now').textContent = clock?.now ? `${when(clock.now)} UTC` : show(null);
  $('clock-now').dataset.iso = clock?.now ?? '';
  $('clock-frozen').hidden = !clock?.frozen;
}

let stateInFlight = null;
async function refreshState() {
  if (stateInFlight) return stateInFlight;
  stateInFlight = (async () => {
    try {
      ctx.state = await call('GET', '/__admin/state', { tenant: ctx.tenant });
      clear($('connection'));
      renderClock(ctx.state.clock);
      renderOverview(ctx);
      renderTink(ctx);
      renderXs2a(ctx);
    } catch (error) {
      if (error instanceof ApiError && error.body?.type?.endsWith(':unknown-tenant')) {
        ctx.tenant = 'default';
        await refreshTenants();
      } else connectionTrouble(error);
    } finally {
      stateInFlight = null;
    }
  })();
  return stateInFlight;
}

function connectionTrouble(error) {
  say($('connection'), 'error', error.message);
}

async function advance(by, buttons) {
  const message = $('clock-message');
  for (const button of buttons) button.disabled = true;
  try {
    const result = await call('POST', '/__admin/clock/advance', { tenant: ctx.tenant, body: { by } });
    const ran = result.ran ?? [];
    const list = ran.length
      ? `; ran ${ran.length}: ${ran.slice(0, 5).join(', ')}${ran.length > 5 ? ', …' : ''}`
      : '; nothing fell due';
    say(message, 'ok', `Advanced by ${by} to ${when(result.now)} UTC${list}.`);
    await refreshState();
  } catch (error) {
    say(message, 'error', `Could not advance the clock: ${error.message}`);
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

function setupClock() {
  const buttons = [...document.querySelectorAll('.clock-actions button')];
  for (const button of document.querySelectorAll('[data-advance]')) {
    button.addEventListener('click', () => advance(button.dataset.advance, buttons));
  }
  $('advance-form').addEventListener('submit', (event) => {
    event.preventDefault();
    advance($('advance-by').value.trim(), buttons);
  });
}

/** Runs `task` every `ms` while the page is visible, never two at once. */
function every(ms, task) {
  const loop = async () => {
    if (!document.hidden) await task();
    setTimeout(loop, ms);
  };
  setTimeout(loop, ms);
}

const journal = setupJournal(ctx);

async function start() {
  setupTabs();
  setupClock();
  setupOverview(ctx);
  setupTink(ctx);
  setupXs2a(ctx);
  $('tenant').addEventListener('change', async (event) => {
    ctx.tenant = event.target.value;
    const url = new URL(window.location.href);
    url.searchParams.set('tenant', ctx.tenant);
    window.history.replaceState(null, '', url);
    await Promise.all([refreshState(), journal.poll()]);
  });
  call('GET', '/__admin/health').then(
    (health) => {
      $('version').textContent = `v${health.version}`;
    },
    () => {},
  );
  await refreshTenants();
  await Promise.all([refreshState(), journal.poll()]);
  document.body.dataset.ready = 'true';
  every(2000, refreshState);
  every(5000, refreshTenants);
  every(1500, journal.poll);
}

start();
