import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** What the callbacks below use of the page's DOM; they run in the browser, not in node. */
interface PageElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
}
declare const document: {
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
};

/**
 * Steps of the dashboard's browser story, one function each. The first group works on today's
 * sandbox; the second needs endpoints that other parts add (the scenario engine's admin routes, the
 * Tink surface's v2 operations and the admin route that steps an operation), and is what
 * test/ui/dashboard.test.ts switches on once they exist.
 */

/** Requests to the emulated APIs, attributed to a tenant by header (no surface route exists yet). */
export async function makeApiRequests(baseUrl: string, tenant = 'default'): Promise<void> {
  const headers = { 'x-sandbox-tenant': tenant, authorization: 'Bearer very-secret-token' };
  assert.equal((await fetch(`${baseUrl}/api/v1/nope`, { headers })).status, 404);
  const post = await fetch(`${baseUrl}/v1/api/nowhere`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ a: 1 }),
  });
  assert.equal(post.status, 404);
}

export async function openDashboard(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/__admin/ui`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 5000 });
}

export async function openTab(page: Page, name: 'overview' | 'tink' | 'xs2a' | 'journal'): Promise<void> {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#panel-${name}:not([hidden])`);
}

/** Clicks one of the clock buttons and waits for the dashboard to confirm the move. */
export async function advanceClock(page: Page, label: string, duration: string): Promise<string> {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForFunction(
    (by) => document.getElementById('clock-message')?.textContent?.includes(`Advanced by ${by}`),
    duration,
  );
  return (await page.textContent('#clock-message')) ?? '';
}

/** Waits until a journal row for `path` is listed, and returns its id. */
export async function findJournalRow(page: Page, path: string): Promise<string> {
  const row = page.locator('#journal-list tr[data-request]', {
    has: page.getByRole('button', { name: path, exact: true }),
  });
  await row.first().waitFor({ timeout: 5000 });
  return (await row.first().getAttribute('data-request'))!;
}

// ---- Scenarios and Tink operations -------------------------------------------------------------

/** Picks a scenario on the page (`GET /__admin/scenarios`, then `PUT /__admin/scenario`). */
export async function activateScenario(page: Page, name: string): Promise<void> {
  await openTab(page, 'overview');
  await page.check(`#scenario-list input[value="${name}"]`);
  await page.getByRole('button', { name: 'Activate', exact: true }).click();
  await page.waitForFunction((n) => document.getElementById('scenario-name')?.textContent === n, name);
}

/**
 * What the Elixir client's `upsert_transactions` sends: a client-credentials token, then
 * `{"transactions": [...]}` in the v2 money shape, answered `{"operationId", "status"}`.
 */
export async function pushTinkIngestion(baseUrl: string, externalUserId = 'demo-user'): Promise<string> {
  const token = await fetch(`${baseUrl}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: 'sandbox-client-id',
      client_secret: 'sandbox-client-secret',
      grant_type: 'client_credentials',
      scope: 'accounts:write,transactions:write',
    }),
  });
  assert.equal(token.status, 200, await token.clone().text());
  const { access_token } = (await token.json()) as { access_token: string };
  const res = await fetch(`${baseUrl}/connector/users/${externalUserId}/transactions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      transactions: [
        {
          externalId: 'ui-test-tx-1',
          accountExternalId: 'demo-checking',
          description: 'UI test',
          amount: { currencyCode: 'EUR', value: -12.5 },
          dates: { booked: '2026-01-15' },
        },
      ],
    }),
  });
  const body = (await res.json()) as { operationId?: string };
  assert.ok(body.operationId, `the ingestion answered an operationId: ${JSON.stringify(body)}`);
  return body.operationId;
}

/** Waits until the Tink view shows the operation with `status`. */
export async function expectOperationStatus(page: Page, operationId: string, status: string): Promise<void> {
  await openTab(page, 'tink');
  await page.waitForFunction(
    ([id, wanted]) =>
      document.querySelector(`tr[data-operation="${id}"] .op-status`)?.textContent?.trim() === wanted,
    [operationId, status] as const,
    { timeout: 5000 },
  );
}

/** The page's "Complete" button (`POST /__admin/tink/operations/{id}/complete`). */
export async function completeOperationFromPage(page: Page, operationId: string): Promise<void> {
  await openTab(page, 'tink');
  await page.getByRole('button', { name: `complete operation ${operationId}` }).click();
  await page.waitForFunction(() => document.getElementById('tink-message')?.dataset.kind === 'ok');
}
