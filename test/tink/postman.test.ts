import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { createTenant, serveSandbox, type TestSandbox } from '../helpers/sandbox.js';

/** The part of newman's run summary these tests read (newman ships no types). */
interface Execution {
  item: { name: string };
  response?: { code: number; stream?: Buffer };
}
interface Summary {
  run: { executions: Execution[]; failures: Array<{ error: { message: string } }> };
}
type Newman = {
  run(options: Record<string, unknown>, callback: (error: Error | null, summary: Summary) => void): void;
};

const newman = createRequire(import.meta.url)('newman') as Newman;
// A byte-identical copy of shared/reference/tink-connector.postman_collection.json (Tink's own,
// from tink-ab/tink-postman), kept in the repository so the test needs nothing outside it.
const COLLECTION = new URL('./fixtures/tink-connector.postman_collection.json', import.meta.url);

/** Tink's own collection, unchanged but for its base URL, which points at the sandbox. */
function collectionFor(baseUrl: string) {
  const collection = JSON.parse(readFileSync(COLLECTION, 'utf8'));
  for (const item of collection.item)
    item.request.url = item.request.url.raw.replace('https://api.tink.com', baseUrl);
  return collection;
}

function runCollection(baseUrl: string, tenant: { tink: { clientId: string; clientSecret: string } }) {
  const environment = {
    values: [
      { key: 'client_id', value: tenant.tink.clientId },
      { key: 'client_secret', value: tenant.tink.clientSecret },
      { key: 'external_user_id', value: 'test-user-1' },
    ],
  };
  return new Promise<Summary>((resolve, reject) => {
    newman.run({ collection: collectionFor(baseUrl), environment, reporters: [] }, (error, summary) =>
      error ? reject(error) : resolve(summary),
    );
  });
}

const results = (summary: Summary) =>
  summary.run.executions.map((execution) => [execution.item.name, execution.response?.code]);

describe("Tink's Postman collection run with newman", () => {
  let sb: TestSandbox;
  let url: string;
  before(async () => {
    const served = await serveSandbox();
    sb = served;
    url = served.url;
  });
  after(() => sb.close());

  it('passes all four requests when the tenant clock is within 10 years of 2016-02-17', async () => {
    const tenant = await createTenant(sb, { clock: { now: '2025-06-01T00:00:00.000Z', frozen: true } });
    const summary = await runCollection(url, tenant);
    assert.deepEqual(summary.run.failures, []);
    assert.deepEqual(results(summary), [
      ['1. Get Access Token', 200],
      ['2. Create User', 200],
      ['3. Ingest Accounts for user as JSON', 204],
      ['4. Ingest Transactions for user as JSON', 204],
    ]);
    const state = await sb.http.get(`/__admin/state?tenant=${tenant.id}`).expect(200);
    const user = state.body.tink.users.find(
      (u: { externalUserId: string }) => u.externalUserId === 'test-user-1',
    );
    assert.equal(user.market, 'GB');
    const account = user.accounts[0];
    assert.deepEqual(
      [account.externalId, account.balance, account.storedBalance],
      ['test-account-1', 7000, 5000],
    );
    assert.deepEqual(
      account.transactions.map((t: { externalId: string; amount: number; date: string }) => [
        t.externalId,
        t.amount,
        t.date,
      ]),
      [['test-transaction-1', -98.5, '2016-02-17T20:27:54.875Z']],
    );
  });

  it("answers request 4 with the documented 400 on today's clock", async () => {
    const tenant = await createTenant(sb);
    const summary = await runCollection(url, tenant);
    assert.deepEqual(
      results(summary).map(([, code]) => code),
      [200, 200, 204, 400],
    );
    const body = JSON.parse(summary.run.executions[3]!.response!.stream!.toString('utf8'));
    assert.deepEqual(body, {
      errorMessage: 'Validation of the sent data failed.',
      errors: [
        {
          fieldName: 'transactionAccounts[0].transactions[0].date',
          errorMessage: 'transactionAccounts[0].transactions[0].date may not be older than 10 years',
        },
      ],
    });
  });
});
