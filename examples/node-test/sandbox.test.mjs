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

it('journals what the client sent, at the tenant’s virtual time, and reports on it', async () => {
  // A tenant of our own, so that parallel jobs never see each other's data.
  const created = await admin('POST', '/__admin/tenants', {
    name: 'example-job',
    clock: { now: '2026-01-01T00:00:00.000Z', frozen: true },
  });
  assert.equal(created.status, 201);
  const tenant = created.body;

  // TODO(scenarios): activate a built-in scenario once the scenario engine is merged, e.g.
  // assert.equal((await admin('PUT', `/__admin/scenario?tenant=${tenant.id}`, { name: 'slow-operations' })).status, 200);

  const advanced = await admin('POST', `/__admin/clock/advance?tenant=${tenant.id}`, { by: 'P1D' });
  assert.equal(advanced.body.now, '2026-01-02T00:00:00.000Z');

  // The client under test: here, one token request the way a Tink client makes it.
  const response = await fetch(`${server.url}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'x-sandbox-tenant': tenant.id },
    body: new URLSearchParams({
      client_id: tenant.tink.clientId,
      client_secret: tenant.tink.clientSecret,
      grant_type: 'client_credentials',
      scope: 'user:create',
    }),
  });

  const journal = await admin('GET', `/__admin/requests?tenant=${tenant.id}`);
  assert.equal(journal.body.requests.length, 1);
  const [entry] = journal.body.requests;
  assert.equal(entry.method, 'POST');
  assert.equal(entry.path, '/api/v1/oauth/token');
  assert.equal(entry.status, response.status);
  assert.equal(entry.clock, '2026-01-02T00:00:00.000Z');
  assert.ok(!JSON.stringify(entry).includes(tenant.tink.clientSecret), 'the secret is redacted');

  // The CI gate: the same report `tink-sandbox report` fetches.
  const report = await admin('GET', `/__admin/report?tenant=${tenant.id}`);
  assert.equal(report.body.requests, 1);
  assert.equal(
    report.body.clean,
    report.body.violations.requests === 0 && report.body.unmatched.length === 0,
  );
});
