import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { Listening } from '../../server/app.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import {
  activateScenario,
  advanceClock,
  completeOperationFromPage,
  expectOperationStatus,
  findJournalRow,
  makeApiRequests,
  openDashboard,
  openTab,
  pushTinkIngestion,
} from './steps.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = join(import.meta.dirname, '..', '..', 'test-output');

interface Xs2aConnectionView {
  id: string;
  syncMode: string;
  consentExpired: boolean;
}

describe('dashboard in a real browser', { timeout: 30_000 }, () => {
  let sandbox: TestSandbox;
  let server: Listening;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `no chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH`,
    );
    sandbox = await startSandbox();
    server = await sandbox.listen(0, '127.0.0.1');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('request', (request) => requested.push(request.url()));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await sandbox?.close();
  });

  it('advances the clock by 91 days and marks the full connection’s consent expired', async () => {
    const state = (await sandbox.http.get('/__admin/state').expect(200)).body;
    const full = (state.xs2a.connections as Xs2aConnectionView[]).find((c) => c.syncMode === 'full');
    assert.ok(full, 'the default tenant is seeded with a full XS2A connection');
    const row = `#xs2a-connections tr[data-connection="${full.id}"]`;

    await openDashboard(page, server.url);
    await openTab(page, 'xs2a');
    await page.waitForSelector(row);
    assert.equal(await page.$eval(row, (tr) => tr.classList.contains('is-expired')), false);
    assert.match((await page.textContent(row)) ?? '', /consent in \d+ d/);

    const before = await page.textContent('#clock-now');
    assert.match(await advanceClock(page, '+91 days', 'P91D'), /Advanced by P91D to \d{4}-\d\d-\d\d/);
    await page.waitForSelector(`${row}.is-expired`, { timeout: 5000 });
    assert.match((await page.textContent(row)) ?? '', /consent expired/);
    assert.notEqual(await page.textContent('#clock-now'), before);

    const after = (await sandbox.http.get('/__admin/state').expect(200)).body;
    const connection = (after.xs2a.connections as Xs2aConnectionView[]).find((c) => c.id === full.id);
    assert.equal(connection?.consentExpired, true, 'the page shows what the admin API says');
  });

  it('lists emulated-API requests live, newest first, and opens one with its credentials redacted', async () => {
    await makeApiRequests(server.url);
    await openTab(page, 'journal');
    const id = await findJournalRow(page, '/api/v1/nope');
    const paths = await page.$$eval('#journal-list tr[data-request] button.linklike', (buttons) =>
      buttons.map((b) => b.textContent),
    );
    assert.deepEqual(paths.slice(0, 2), ['/v1/api/nowhere', '/api/v1/nope'], 'newest first');

    await page.click(`tr[data-request="${id}"] button.linklike`);
    await page.waitForSelector('#journal-detail:not([hidden])');
    const detail = (await page.textContent('#journal-detail')) ?? '';
    assert.match(detail, /not_found/);
    assert.match(detail, /unknown-path/);
    assert.match(detail, /authorizationBearer \[redacted\]/);

    // A request made while the page is open appears without a reload.
    await fetch(`${server.url}/connector/later`, { headers: { 'x-sandbox-tenant': 'default' } });
    await findJournalRow(page, '/connector/later');

    await page.fill('#journal-status', '2xx');
    await page.waitForSelector('#journal-list p.empty');
    await page.fill('#journal-status', '');
    await findJournalRow(page, '/connector/later');

    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'dashboard-journal.png'), fullPage: true });
    await openTab(page, 'xs2a');
    await page.screenshot({ path: join(OUTPUT, 'dashboard.png'), fullPage: true });
  });

  it('activates slow-operations, pushes a Tink ingestion, sees it PENDING and completes it from the page', async () => {
    await activateScenario(page, 'slow-operations');
    const operationId = await pushTinkIngestion(server.url);
    await expectOperationStatus(page, operationId, 'PENDING');
    await completeOperationFromPage(page, operationId);
    await expectOperationStatus(page, operationId, 'COMPLETED');

    const state = (await sandbox.http.get('/__admin/state').expect(200)).body;
    const checking = state.tink.users[0].accounts.find(
      (a: { externalId: string }) => a.externalId === 'demo-checking',
    );
    assert.ok(
      checking.transactions.some((t: { externalId: string }) => t.externalId === 'ui-test-tx-1'),
      'completing from the page applied the ingestion',
    );
    await openTab(page, 'journal');
    await findJournalRow(page, '/connector/users/demo-user/transactions');
    await page.screenshot({ path: join(OUTPUT, 'dashboard-operation.png'), fullPage: true });
  });

  it('never shows a secret and talks to no host but the sandbox', async () => {
    const state = (await sandbox.http.get('/__admin/state').expect(200)).body;
    const html = await page.content();
    for (const token of state.xs2a.tokens as Array<{ token: string }>) {
      assert.equal(html.includes(token.token), false, 'an XS2A access token is on the page');
    }
    assert.equal(html.includes('very-secret-token'), false);
    assert.equal(html.includes('sandbox-client-secret'), false);

    const origin = new URL(server.url).origin;
    assert.ok(requested.length > 10, `the page made requests (${requested.length})`);
    const foreign = requested.filter((url) => new URL(url).origin !== origin);
    assert.deepEqual(foreign, []);
  });
});
