// A client's test run against tink-sandbox started in-process: no container, no fixed port.
// Run it with `node --test examples/node-test/sandbox.test.mjs` after `npm run build`.
// `tink-sandbox` resolves to this package's own entry (dist/server/index.js) through the package's
// self-reference; in your project it is the installed dependency (`npm install --save-dev tink-sandbox`).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createSandbox } from 'tink-sandbox';

let sandbox;
let server;

before(async () => {
  sandbox = await createSandbox({ seed: 1, logLevel: 'silent' });
  server = await sandbox.listen(0, '127.0.0.1');
});

after(async () => {
  await server.close();
  await sandbox.close();
});

/** One admin call: JSON in, `{status, body}` out. */
async function admin(method, path, body) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

it('makes Tink operations slow for our tenant, finishes them with the clock, and reports clean', async () => {
  // A tenant of our own, so that parallel jobs never see each other's data.
  const created = await admin('POST', '/__admin/tenants', {
    name: 'example-job',
    clock: { now: '2026-01-01T00:00:00.000Z', frozen: true },
  });
  assert.equal(created.status, 201);
  const tenant = created.body;
  assert.equal(
    (await admin('PUT', `/__admin/scenario?tenant=${tenant.id}`, { name: 'slow-operations' })).status,
    200,
  );

  // The client under test: a client-credentials token, then an asynchronous ingestion as the
  // Elixir `tink` client sends it.
  const token = await fetch(`${server.url}/api/v1/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: tenant.tink.clientId,
      client_secret: tenant.tink.clientSecret,
      grant_type: 'client_credentials',
      scope: 'accounts:write transactions:write',
    }),
  }).then((res) => res.json());
  const tink = (method, path, body) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((res) => res.json());
  const accounts = [
    {
      externalId: 'acc-1',
      name: 'Current',
      type: 'CHECKING',
      balance: { amount: { currencyCode: 'EUR', value: 100 } },
    },
  ];
  const operation = await tink('POST', '/connector/users/user-1/accounts', { accounts });
  assert.equal(operation.status, 'PENDING');

  // Business time moves only when we say so: five virtual minutes finish the operation.
  await admin('POST', `/__admin/clock/advance?tenant=${tenant.id}`, { by: 'PT5M' });
  const polled = await tink('GET', `/data/v2/connector/operations/${operation.operationId}`);
  assert.equal(polled.status, 'COMPLETED');

  // The journal holds what the client sent, at the tenant's virtual time, secrets redacted.
  const journal = await admin('GET', `/__admin/requests?tenant=${tenant.id}`);
  assert.deepEqual(
    journal.body.requests.map((entry) => entry.operationId),
    ['getOperation', 'ingestAccounts', 'getAccessToken'],
  );
  assert.ok(!JSON.stringify(journal.body).includes(tenant.tink.clientSecret), 'the secret is redacted');

  // The CI gate: the same report `tink-sandbox report` fetches.
  const report = await admin('GET', `/__admin/report?tenant=${tenant.id}`);
  assert.equal(report.body.requests, 3);
  assert.equal(report.body.clean, true);
});
