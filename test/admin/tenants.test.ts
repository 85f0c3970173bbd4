import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { createTenant, startSandbox, type TestSandbox } from '../helpers/sandbox.js';

const FROZEN = { now: '2026-04-01T09:00:00.000Z', frozen: true };

describe('admin tenants', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('answers health with the version', async () => {
    const res = await sandbox.http.get('/__admin/health').expect(200);
    await expectContract(res, 'getHealth');
    assert.equal(res.body.status, 'ok');
    assert.match(res.body.version, /^\d+\.\d+\.\d+/);
  });

  it('creates a tenant with fresh credentials, distinct from every other tenant', async () => {
    const res = await sandbox.http.post('/__admin/tenants').send({ name: 'ci-job-1', seed: 42 }).expect(201);
    await expectContract(res, 'createTenant');
    const other = await createTenant(sandbox, { name: 'ci-job-2', seed: 42 });
    assert.equal(res.body.name, 'ci-job-1');
    assert.equal(res.body.seed, 42);
    assert.equal(res.headers.location, `/__admin/tenants/${res.body.id}`);
    assert.notEqual(res.body.tink.clientId, other.tink.clientId);
    assert.notEqual(res.body.tink.clientSecret, other.tink.clientSecret);
    assert.notEqual(res.body.xs2a.apiKey, other.xs2a.apiKey);
    assert.ok(res.body.tink.scopes.includes('accounts:write'));
  });

  it('lists tenants without secrets and shows one with its credentials', async () => {
    const tenant = await createTenant(sandbox, { name: 'listed' });
    const list = await sandbox.http.get('/__admin/tenants').expect(200);
    await expectContract(list, 'listTenants');
    const listed = list.body.tenants.find((t: { id: string }) => t.id === tenant.id);
    assert.equal(listed.name, 'listed');
    assert.equal(JSON.stringify(list.body).includes(tenant.tink.clientSecret), false);
    assert.equal(JSON.stringify(list.body).includes(tenant.xs2a.apiKey), false);
    const one = await sandbox.http.get(`/__admin/tenants/${tenant.id}`).expect(200);
    await expectContract(one, 'getTenant');
    assert.equal(one.body.tink.clientSecret, tenant.tink.clientSecret);
  });

  it('gives the same demo data to the same seed, and different data to another seed', async () => {
    const a = await createTenant(sandbox, { seed: 5, clock: FROZEN });
    const b = await createTenant(sandbox, { seed: 5, clock: FROZEN });
    const c = await createTenant(sandbox, { seed: 6, clock: FROZEN });
    const data = async (id: string) => {
      const { tink, xs2a } = (await sandbox.http.get(`/__admin/state?tenant=${id}`).expect(200)).body;
      // Tokens are secrets mixed with the tenant id, so that a token finds its tenant.
      for (const token of xs2a.tokens) token.token = '(secret)';
      return { tink, xs2a };
    };
    const [stateA, stateB, stateC] = await Promise.all([data(a.id), data(b.id), data(c.id)]);
    assert.deepEqual(stateA, stateB);
    assert.notDeepEqual(stateA.tink, stateC.tink);
    assert.ok(stateA.tink.users[0].accounts.length >= 2);
    assert.ok(stateA.xs2a.accounts[0].iban.startsWith('DE'));
  });

  it("freezes a new tenant's clock exactly at the instant asked for", async () => {
    const created = await Promise.all(
      Array.from({ length: 20 }, () => createTenant(sandbox, { demoData: false, clock: FROZEN })),
    );
    for (const tenant of created) {
      const clock = await sandbox.http.get(`/__admin/clock?tenant=${tenant.id}`).expect(200);
      assert.deepEqual(clock.body, FROZEN);
    }
  });

  it('starts a tenant without demo data when asked', async () => {
    const tenant = await createTenant(sandbox, { demoData: false });
    const state = await sandbox.http.get(`/__admin/state?tenant=${tenant.id}`).expect(200);
    await expectContract(state, 'getState');
    assert.deepEqual(state.body.tink.users, []);
    assert.deepEqual(state.body.xs2a.connections, []);
  });

  it('resets a tenant to its seeded start, clock included, and leaves other tenants alone', async () => {
    const tenant = await createTenant(sandbox, { clock: FROZEN });
    const other = await createTenant(sandbox, { clock: FROZEN });
    const start = (await sandbox.http.get(`/__admin/state?tenant=${tenant.id}`)).body;
    await sandbox.http.post(`/__admin/clock/advance?tenant=${tenant.id}`).send({ by: 'P30D' }).expect(200);
    await sandbox.http.post(`/__admin/clock/advance?tenant=${other.id}`).send({ by: 'P30D' }).expect(200);
    const res = await sandbox.http.post(`/__admin/reset?tenant=${tenant.id}`).expect(200);
    await expectContract(res, 'resetSandbox');
    assert.deepEqual(res.body.reset, [tenant.id]);
    assert.deepEqual((await sandbox.http.get(`/__admin/state?tenant=${tenant.id}`)).body, start);
    assert.equal(
      (await sandbox.http.get(`/__admin/clock?tenant=${other.id}`)).body.now,
      '2026-05-01T09:00:00.000Z',
    );
  });

  it('deletes a tenant, and refuses to delete the default one', async () => {
    const tenant = await createTenant(sandbox);
    const gone = await sandbox.http.delete(`/__admin/tenants/${tenant.id}`).expect(204);
    await expectContract(gone, 'deleteTenant');
    const missing = await sandbox.http.get(`/__admin/tenants/${tenant.id}`).expect(404);
    await expectContract(missing, 'getTenant');
    assert.match(missing.body.detail, new RegExp(`unknown tenant '${tenant.id}'`));
    const refused = await sandbox.http.delete('/__admin/tenants/default').expect(409);
    await expectContract(refused, 'deleteTenant');
  });

  it('rejects bad tenant input with 400 problem+json naming the field', async () => {
    const res = await sandbox.http.post('/__admin/tenants').send({ seed: -1, colour: 'red' }).expect(400);
    await expectContract(res, 'createTenant');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['colour', 'seed']);
    const malformed = await sandbox.http
      .post('/__admin/tenants')
      .set('content-type', 'application/json')
      .send('{"name":')
      .expect(400);
    assert.match(malformed.body.detail, /not valid JSON/);
  });

  it('refuses an unknown scenario for a new tenant', async () => {
    const res = await sandbox.http
      .post('/__admin/tenants')
      .send({ scenario: 'no-such-scenario' })
      .expect(404);
    await expectContract(res, 'createTenant');
    assert.match(res.body.detail, /unknown scenario 'no-such-scenario'/);
  });

  it('answers 404 and 405 for unknown admin routes in problem+json', async () => {
    const missing = await sandbox.http.get('/__admin/nope').expect(404);
    assert.match(missing.headers['content-type'] ?? '', /problem\+json/);
    const wrongMethod = await sandbox.http.patch('/__admin/clock').send({}).expect(405);
    assert.equal(wrongMethod.headers.allow, 'GET, PUT');
  });
});
