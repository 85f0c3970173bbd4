import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { createTenant, startSandbox, type TestSandbox } from '../helpers/sandbox.js';

describe('request journal', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ journalSize: 50 });
  });
  after(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.http.delete('/__admin/requests?tenant=*').expect(200);
  });

  it('records emulated-API requests with their outcome and contract violation, newest first, and not admin calls', async () => {
    await sandbox.http.get('/api/v1/nothing-here').set('x-sandbox-tenant', 'default').expect(404);
    await sandbox.http.post('/v1/api/nowhere').set('x-sandbox-tenant', 'default').send({ a: 1 }).expect(404);
    const res = await sandbox.http.get('/__admin/requests').expect(200);
    await expectContract(res, 'listRequests');
    const [newest, oldest] = res.body.requests;
    assert.equal(res.body.requests.length, 2);
    assert.equal(newest.api, 'xs2a');
    assert.equal(newest.method, 'POST');
    assert.deepEqual(newest.request.body, { a: 1 });
    assert.equal(newest.violations[0].rule, 'unknown-path');
    assert.equal(oldest.api, 'tink');
    assert.equal(oldest.status, 404);
    assert.deepEqual(oldest.response.body, {
      errorMessage: 'No endpoint at GET /api/v1/nothing-here',
      errorCode: 'not_found',
    });
    assert.ok(oldest.latencyMs >= 0);
  });

  it('redacts credentials in headers and bodies', async () => {
    await sandbox.http
      .post('/api/v1/unknown')
      .set('authorization', 'Bearer very-secret-token')
      .set('x-sandbox-tenant', 'default')
      .type('form')
      .send({ client_id: 'abc', client_secret: 'hunter2' })
      .expect(404);
    const [entry] = (await sandbox.http.get('/__admin/requests').expect(200)).body.requests;
    assert.equal(entry.request.headers.authorization, 'Bearer [redacted]');
    const text = JSON.stringify(entry);
    assert.equal(text.includes('very-secret-token'), false);
    assert.equal(text.includes('hunter2'), false);
  });

  it('filters by method, path pattern and status, counts, and clears per tenant', async () => {
    const tenant = await createTenant(sandbox);
    for (const path of ['/api/v1/a', '/api/v1/b', '/connector/x']) {
      await sandbox.http.get(path).set('x-sandbox-tenant', tenant.id).expect(404);
    }
    await sandbox.http.delete('/api/v1/a').set('x-sandbox-tenant', 'default').expect(404);
    const mine = `tenant=${tenant.id}`;
    assert.equal(
      (await sandbox.http.get(`/__admin/requests?${mine}&path=/api/v1/*`)).body.requests.length,
      2,
    );
    assert.equal(
      (await sandbox.http.get(`/__admin/requests?${mine}&status=4xx&limit=1`)).body.requests.length,
      1,
    );
    assert.equal((await sandbox.http.get(`/__admin/requests?${mine}&method=delete`)).body.requests.length, 0);
    const count = await sandbox.http
      .post(`/__admin/requests/count?${mine}`)
      .send({ method: 'GET', path: '/api/v1/*' })
      .expect(200);
    await expectContract(count, 'countRequests');
    assert.deepEqual(count.body, { count: 2 });
    const all = await sandbox.http.post('/__admin/requests/count?tenant=*').send({}).expect(200);
    assert.equal(all.body.count, 4);
    const cleared = await sandbox.http.delete(`/__admin/requests?${mine}`).expect(200);
    await expectContract(cleared, 'clearRequests');
    assert.deepEqual(cleared.body, { cleared: 3 });
    assert.equal((await sandbox.http.post('/__admin/requests/count').send({})).body.count, 1);
  });

  it('keeps only the configured number of entries', async () => {
    await Promise.all(
      Array.from({ length: 80 }, () => sandbox.http.get('/api/v1/x').set('x-sandbox-tenant', 'default')),
    );
    const res = await sandbox.http.get('/__admin/requests').expect(200);
    assert.equal(res.body.requests.length, 50);
  });

  it('rejects a bad status filter with 400 problem+json', async () => {
    const res = await sandbox.http.get('/__admin/requests?status=teapot').expect(400);
    await expectContract(res, 'listRequests');
    assert.equal(res.body.errors[0].field, 'status');
  });
});

describe('snapshots', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-02-01T00:00:00.000Z', clockFrozen: true });
  });
  after(() => sandbox.close());

  it('exports state, clocks and journal, and imports them into another sandbox', async () => {
    const tenant = await createTenant(sandbox, {
      name: 'repro',
      clock: { now: '2026-06-01T00:00:00.000Z', frozen: true },
    });
    await sandbox.http.post(`/__admin/clock/advance?tenant=${tenant.id}`).send({ by: 'P2D' }).expect(200);
    await sandbox.http.get('/api/v1/missing').set('x-sandbox-tenant', tenant.id).expect(404);
    const exported = await sandbox.http.get('/__admin/snapshot').expect(200);
    await expectContract(exported, 'exportSnapshot');
    assert.equal(exported.body.format, 'tink-sandbox-snapshot');

    const target = await startSandbox();
    const imported = await target.http.put('/__admin/snapshot').send(exported.body).expect(200);
    await expectContract(imported, 'importSnapshot');
    assert.ok(imported.body.tenants.includes(tenant.id));
    const clock = await target.http.get(`/__admin/clock?tenant=${tenant.id}`).expect(200);
    assert.deepEqual(clock.body, { now: '2026-06-03T00:00:00.000Z', frozen: true });
    const journal = await target.http.get(`/__admin/requests?tenant=${tenant.id}`).expect(200);
    assert.equal(journal.body.requests[0].path, '/api/v1/missing');
    const original = (await sandbox.http.get(`/__admin/state?tenant=${tenant.id}`)).body;
    assert.deepEqual((await target.http.get(`/__admin/state?tenant=${tenant.id}`)).body, original);
    await target.close();
  });

  it('refuses a snapshot that is not one, and keeps the current state', async () => {
    const before = (await sandbox.http.get('/__admin/tenants')).body;
    const res = await sandbox.http
      .put('/__admin/snapshot')
      .send({ format: 'something-else', version: 1, state: {}, journal: [] })
      .expect(400);
    await expectContract(res, 'importSnapshot');
    assert.deepEqual((await sandbox.http.get('/__admin/tenants')).body, before);
  });
});
