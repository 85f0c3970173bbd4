import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { type Emulated, startEmulated, tinkAuth } from '../helpers/emulated.js';
import { createTenant } from '../helpers/sandbox.js';

const answers = (name: string, status: number) => ({
  name,
  description: `every Tink call answers ${status}`,
  rules: [{ name: 'all', respond: { status, body: { errorMessage: name, errorCode: name } } }],
});

describe('activating scenarios', () => {
  let sandbox: Emulated;
  before(async () => {
    sandbox = await startEmulated({ scenario: 'by-default' }).catch(() => undefined as never);
  });
  after(() => sandbox?.close());

  it('refuses to start with a default scenario nobody loaded', () => {
    assert.equal(sandbox, undefined);
  });
});

describe('activation precedence: header > magic credential > tenant > default', () => {
  let sandbox: Emulated;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let other: Awaited<ReturnType<typeof createTenant>>;
  before(async () => {
    sandbox = await startEmulated({ scenario: 'insufficient-scope' });
    for (const [name, status] of [
      ['by-tenant', 422],
      ['by-magic', 429],
      ['by-header', 503],
    ] as const)
      await sandbox.api.post('/__admin/scenarios').send(answers(name, status)).expect(201);
    tenant = await createTenant(sandbox);
    other = await createTenant(sandbox);
  });
  after(() => sandbox.close());

  const ingest = (clientId: string, headers: Record<string, string> = {}) =>
    sandbox.api
      .post('/connector/users/u1/accounts')
      .set({ ...tinkAuth(clientId), ...headers })
      .send({});

  it('applies the sandbox default to tenants without their own scenario', async () => {
    const res = await ingest(tenant.tink.clientId).expect(403);
    assert.equal(res.body.errorCode, 'auth.insufficient_scope');
    const state = await sandbox.api.get(`/__admin/scenario/state?tenant=${tenant.id}`).expect(200);
    assert.equal(state.body.scope, 'default');
  });

  it("puts the tenant's own scenario above the default, and resets it to Started on activation", async () => {
    const res = await sandbox.api
      .put(`/__admin/scenario?tenant=${tenant.id}`)
      .send({ name: 'by-tenant' })
      .expect(200);
    await expectContract(res, 'activateScenario');
    assert.deepEqual(
      { ...res.body, since: null },
      { name: 'by-tenant', scope: 'tenant', state: 'Started', since: null, counters: {} },
    );
    assert.equal((await ingest(tenant.tink.clientId).expect(422)).body.errorCode, 'by-tenant');
  });

  it('puts a magic credential above the tenant, and the header above both', async () => {
    assert.equal((await ingest(`${tenant.tink.clientId}~by-magic`).expect(429)).body.errorCode, 'by-magic');
    const res = await ingest(`${tenant.tink.clientId}~by-magic`, {
      'x-sandbox-scenario': 'by-header',
    }).expect(503);
    assert.equal(res.body.errorCode, 'by-header');
  });

  it('answers an unknown scenario in the header with a problem listing the known ones', async () => {
    const res = await ingest(tenant.tink.clientId, { 'x-sandbox-scenario': 'consent-expirey' }).expect(404);
    assert.equal(res.headers['content-type'], 'application/problem+json');
    assert.match(
      res.body.detail,
      /^unknown scenario 'consent-expirey'; known: bank-maintenance, .*consent-expiry/,
    );
    assert.ok(res.body.known.includes('sync-fallback'));
  });

  it('refuses to activate an unknown scenario', async () => {
    const res = await sandbox.api
      .put(`/__admin/scenario?tenant=${tenant.id}`)
      .send({ name: 'nope' })
      .expect(404);
    await expectContract(res, 'activateScenario');
    assert.match(res.body.detail, /unknown scenario 'nope'; known: /);
  });

  it('leaves another tenant alone', async () => {
    assert.equal((await ingest(other.tink.clientId).expect(403)).body.errorCode, 'auth.insufficient_scope');
    const list = await sandbox.api.get(`/__admin/scenarios?tenant=${other.id}`).expect(200);
    assert.equal(list.body.active, null);
    assert.equal(list.body.default, 'insufficient-scope');
  });

  it('deactivates back to the default, with the default behaviour', async () => {
    sandbox.deps.store.tenant(tenant.id)!.behaviour.tink.operations.pendingMs = 99;
    const res = await sandbox.api.delete(`/__admin/scenario?tenant=${tenant.id}`).expect(200);
    await expectContract(res, 'deactivateScenario');
    assert.deepEqual(res.body, { deactivated: 'by-tenant' });
    assert.equal(sandbox.deps.store.tenant(tenant.id)!.behaviour.tink.operations.pendingMs, 0);
    await ingest(tenant.tink.clientId).expect(403);
  });

  it('exports loaded definitions in the snapshot and imports them into another sandbox', async () => {
    const snapshot = (await sandbox.api.get('/__admin/snapshot').expect(200)).body;
    assert.deepEqual(
      snapshot.scenarios.map((s: { name: string }) => s.name),
      ['by-header', 'by-magic', 'by-tenant'],
    );
    const fresh = await startEmulated();
    try {
      await fresh.api.put('/__admin/snapshot').send(snapshot).expect(200);
      const list = await fresh.api.get('/__admin/scenarios').expect(200);
      const loaded = list.body.scenarios.find((s: { name: string }) => s.name === 'by-magic');
      assert.equal(loaded.source, 'snapshot');
    } finally {
      await fresh.close();
    }
  });

  it('keeps per-request scenario counters per tenant and clears them on reset', async () => {
    await sandbox.api.put(`/__admin/scenario?tenant=${tenant.id}`).send({ name: 'rate-limited' }).expect(200);
    for (let i = 0; i < 3; i += 1) await ingest(tenant.tink.clientId).expect(204);
    const state = await sandbox.api.get(`/__admin/scenario?tenant=${tenant.id}`).expect(200);
    await expectContract(state, 'getScenario');
    assert.equal(state.body.counters['five-per-minute'], 3);
    await sandbox.api.post(`/__admin/reset?tenant=${tenant.id}`).send({}).expect(200);
    const after = await sandbox.api.get(`/__admin/scenario/state?tenant=${tenant.id}`).expect(200);
    assert.equal(after.body.scope, 'default', 'reset returns the tenant to how it was created');
    assert.deepEqual(after.body.counters, {});
  });
});
