import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { createTenant, startSandbox, type TestSandbox } from '../helpers/sandbox.js';

describe('contract violations', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.http.delete('/__admin/requests?tenant=*').expect(200);
  });

  it('answers an unknown Tink path with Tink’s error and records the rule, where and a header summary', async () => {
    const res = await sandbox.http.post('/data/v2/nowhere').set('x-sandbox-tenant', 'default').send({ a: 1 });
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, {
      errorMessage: 'No endpoint at POST /data/v2/nowhere',
      errorCode: 'not_found',
    });
    assert.equal(res.headers['x-sandbox-violations'], '1 violation: unknown-path /data/v2/nowhere');

    const list = await sandbox.http.get('/__admin/violations').expect(200);
    await expectContract(list, 'listViolations');
    assert.equal(list.body.violations.length, 1);
    const [item] = list.body.violations;
    assert.equal(item.api, 'tink');
    assert.equal(item.method, 'POST');
    assert.equal(item.path, '/data/v2/nowhere');
    assert.equal(item.status, 404);
    assert.equal(item.operationId, null);
    assert.match(item.requestId, /^req-/);
    assert.deepEqual(item.violations, [
      {
        source: 'request',
        rule: 'unknown-path',
        where: '/data/v2/nowhere',
        message: 'no operation at POST /data/v2/nowhere',
      },
    ]);
  });

  it('answers an unknown XS2A path with XS2A’s error and records it', async () => {
    const res = await sandbox.http.get('/v1/nothing').set('x-sandbox-tenant', 'default').expect(404);
    assert.deepEqual(res.body, { code: 404, message: 'Not found: GET /v1/nothing' });
    assert.match(res.headers['x-sandbox-violations'] ?? '', /^1 violation: unknown-path \/v1\/nothing$/);
    const list = await sandbox.http.get('/__admin/violations?rule=unknown-path').expect(200);
    assert.deepEqual(
      list.body.violations.map((v: { api: string; path: string }) => [v.api, v.path]),
      [['xs2a', '/v1/nothing']],
    );
  });

  it('keeps the header to one short ASCII line however many violations there are', async () => {
    const long = `/api/v1/${'x'.repeat(400)}-é`;
    const res = await sandbox.http.get(long).set('x-sandbox-tenant', 'default').expect(404);
    const header = res.headers['x-sandbox-violations'] ?? '';
    assert.ok(header.length <= 300, `header is ${header.length} characters`);
    assert.match(header, /^[\x20-\x7e]+\.\.\.$/);
  });

  it('sets no header and records no violation for admin calls', async () => {
    const res = await sandbox.http.get('/__admin/nothing').expect(404);
    assert.equal(res.headers['x-sandbox-violations'], undefined);
    assert.deepEqual((await sandbox.http.get('/__admin/violations?tenant=*')).body, { violations: [] });
  });

  it('scopes violations to the tenant, filters by rule, status and method, and limits', async () => {
    const tenant = await createTenant(sandbox);
    for (const path of ['/api/v1/a', '/api/v1/b', '/v1/c']) {
      await sandbox.http.get(path).set('x-sandbox-tenant', tenant.id).expect(404);
    }
    await sandbox.http.get('/api/v1/other').set('x-sandbox-tenant', 'default').expect(404);
    const mine = await sandbox.http.get(`/__admin/violations?tenant=${tenant.id}`).expect(200);
    assert.deepEqual(
      mine.body.violations.map((v: { path: string }) => v.path),
      ['/v1/c', '/api/v1/b', '/api/v1/a'],
    );
    const all = await sandbox.http.get('/__admin/violations?tenant=*&limit=2').expect(200);
    assert.equal(all.body.violations.length, 2);
    const none = await sandbox.http.get(`/__admin/violations?tenant=${tenant.id}&rule=schema`).expect(200);
    assert.deepEqual(none.body.violations, []);
    const posts = await sandbox.http.get(`/__admin/violations?tenant=${tenant.id}&method=POST`).expect(200);
    assert.deepEqual(posts.body.violations, []);
    const responses = await sandbox.http.get(`/__admin/violations?tenant=${tenant.id}&source=response`);
    assert.deepEqual(responses.body.violations, []);
  });

  it('refuses bad filters with 400 problem+json and an unknown tenant with 404', async () => {
    const bad = await sandbox.http.get('/__admin/violations?source=client').expect(400);
    await expectContract(bad, 'listViolations');
    assert.equal(bad.body.errors[0].field, 'source');
    const unknown = await sandbox.http.get('/__admin/violations?tenant=nobody').expect(404);
    await expectContract(unknown, 'listViolations');
    assert.match(unknown.body.detail, /unknown tenant 'nobody'/);
  });
});

describe('authentication that breaks the contract', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  /** The rules recorded for one request, attributed to the default tenant by header. */
  async function rulesOf(send: (tenantHeader: Record<string, string>) => Promise<unknown>) {
    await sandbox.http.delete('/__admin/requests?tenant=*').expect(200);
    await send({ 'x-sandbox-tenant': 'default' });
    const [entry] = (await sandbox.http.get('/__admin/requests').expect(200)).body.requests;
    return entry.violations.map((v: { rule: string }) => v.rule) as string[];
  }

  it('records a missing or non-Bearer Tink Authorization, and a user token where a client token is needed', async () => {
    const get = '/data/v2/connector/operations/op-1';
    assert.deepEqual(await rulesOf((h) => sandbox.http.get(get).set(h).expect(401)), ['auth-missing']);
    assert.deepEqual(
      await rulesOf((h) =>
        sandbox.http
          .get(get)
          .set({ ...h, authorization: 'Basic YXBpOmtleQ==' })
          .expect(401),
      ),
      ['auth-scheme'],
    );
    // Tink's own answer to an unknown token is a 401, but the request kept the contract.
    assert.deepEqual(
      await rulesOf((h) =>
        sandbox.http
          .get(get)
          .set({ ...h, authorization: 'Bearer not-a-token' })
          .expect(401),
      ),
      [],
    );
  });

  it('records a missing or non-Basic XS2A Authorization, a wrong username, and the wrong kind of credential', async () => {
    const basic = (user: string, password: string) =>
      `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const users = '/v1/api/users';
    assert.deepEqual(await rulesOf((h) => sandbox.http.get(users).set(h).expect(401)), ['auth-missing']);
    assert.deepEqual(
      await rulesOf((h) =>
        sandbox.http
          .get(users)
          .set({ ...h, authorization: 'Bearer sandbox-api-key' })
          .expect(401),
      ),
      ['auth-scheme'],
    );
    assert.deepEqual(
      await rulesOf((h) =>
        sandbox.http
          .get(users)
          .set({ ...h, authorization: basic('admin', 'sandbox-api-key') })
          .expect(401),
      ),
      ['auth-scheme'],
    );
    assert.deepEqual(
      await rulesOf((h) =>
        sandbox.http
          .get('/v1/api/accounts')
          .set({ ...h, authorization: basic('api', 'sandbox-api-key') })
          .expect(403),
      ),
      ['auth-invalid'],
    );
    const listed = await sandbox.http.get('/__admin/violations?rule=auth-invalid').expect(200);
    await expectContract(listed, 'listViolations');
    assert.equal(listed.body.violations[0].path, '/v1/api/accounts');
    assert.deepEqual(
      await rulesOf((h) =>
        sandbox.http
          .get(users)
          .set({ ...h, authorization: basic('api', 'unknown-key') })
          .expect(401),
      ),
      [],
    );
  });
});
