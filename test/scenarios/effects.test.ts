import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Emulated, startEmulated, tinkAuth, xs2aAuth } from '../helpers/emulated.js';
import { createTenant } from '../helpers/sandbox.js';

const scenario = {
  name: 'effects',
  description: 'one rule per effect, chosen by the user id in the path',
  start: { seed: 7, behaviour: { tink: { operations: { pendingMs: 5000 } } } },
  rules: [
    {
      name: 'echo',
      match: { api: 'tink', tinkUser: 'echo' },
      respond: {
        status: 422,
        headers: { 'x-echo': '{{request.params.externalUserId}}' },
        body: {
          errorMessage: 'bad {{request.body.accounts.0.name}}',
          errorCode: '{{faker.string.alphanumeric}}',
        },
      },
    },
    {
      name: 'example',
      match: { operationId: 'getOperation', params: { operationId: 'ex' } },
      respond: { status: 200, example: 'pending' },
    },
    { name: 'slow', match: { tinkUser: 'slow' }, delay: { fixed: 120 } },
    { name: 'second-only', match: { tinkUser: 'nth', calls: { nth: 2 } }, authFailure: {} },
    {
      name: 'xs2a-401',
      match: { api: 'xs2a', xs2aUser: 'locked' },
      authFailure: { message: 'Invalid API key.' },
    },
    {
      name: 'patch',
      match: { operationId: 'getOperation', params: { operationId: 'patched' } },
      behaviour: { tink: { operations: { outcome: 'FAILED' } } },
    },
    { name: 'go-broken', match: { tinkUser: 'break', state: 'Started' }, transition: 'Broken' },
    { name: 'broken', match: { api: 'tink', state: 'Broken' }, outage: { retryAfterSeconds: 30 } },
  ],
};

describe('scenario effects through the emulated APIs', () => {
  let sandbox: Emulated;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  before(async () => {
    sandbox = await startEmulated();
    await sandbox.api.post('/__admin/scenarios').send(scenario).expect(201);
    tenant = await createTenant(sandbox, {
      scenario: 'effects',
      clock: { now: '2026-03-01T00:00:00Z', frozen: true },
    });
  });
  after(() => sandbox.close());

  const ingest = (user: string, body: object = { accounts: [] }) =>
    sandbox.api.post(`/connector/users/${user}/accounts`).set(tinkAuth(tenant.tink.clientId)).send(body);

  it('responds with a status, headers and a body templated from the request and a seeded faker', async () => {
    const first = await ingest('echo', { accounts: [{ name: 'Giro' }] }).expect(422);
    assert.equal(first.headers['x-echo'], 'echo');
    assert.equal(first.body.errorMessage, 'bad Giro');
    assert.match(first.body.errorCode, /^[a-zA-Z0-9]$/);
    const journal = await sandbox.api.get(`/__admin/requests?tenant=${tenant.id}&limit=1`).expect(200);
    assert.deepEqual(journal.body.requests[0].scenario, { name: 'effects', rule: 'echo' });
  });

  it('answers a named example from the contract', async () => {
    const res = await sandbox.api
      .get('/data/v2/connector/operations/ex')
      .set(tinkAuth(tenant.tink.clientId))
      .expect(200);
    assert.deepEqual(res.body, { status: 'PENDING' });
  });

  it('delays by the configured real latency', async () => {
    const started = performance.now();
    await ingest('slow').expect(204);
    assert.ok(performance.now() - started >= 118);
  });

  it('applies a rule to the Nth matching call only', async () => {
    await ingest('nth').expect(204);
    const second = await ingest('nth').expect(401);
    assert.deepEqual(second.body, { errorMessage: 'Unauthorized', errorCode: 'unauthorized' });
    await ingest('nth').expect(204);
  });

  it("answers XS2A's own 401 with WWW-Authenticate", async () => {
    const res = await sandbox.api.get('/v1/api/users/locked').set(xs2aAuth(tenant.xs2a.apiKey)).expect(401);
    assert.deepEqual(res.body, { code: 401, message: 'Invalid API key.' });
    assert.equal(res.headers['www-authenticate'], 'Basic realm="XS2A API"');
  });

  it('hands the start behaviour and a per-request patch to the emulation', async () => {
    const tink = sandbox.deps.store.tenant(tenant.id)!.behaviour.tink;
    assert.equal(tink.operations.pendingMs, 5000, 'start behaviour is written into the tenant');
    const res = await sandbox.api
      .get('/data/v2/connector/operations/patched')
      .set(tinkAuth(tenant.tink.clientId))
      .expect(200);
    assert.deepEqual(res.body.behaviour.tink.operations, {
      pendingMs: 5000,
      inProgressMs: 0,
      outcome: 'FAILED',
    });
    assert.equal(sandbox.deps.store.tenant(tenant.id)!.behaviour.tink.operations.outcome, 'COMPLETED');
  });

  it('moves to a named state, and rules of that state apply from the next request on', async () => {
    await ingest('break').expect(204);
    const state = await sandbox.api.get(`/__admin/scenario/state?tenant=${tenant.id}`).expect(200);
    assert.equal(state.body.state, 'Broken');
    const res = await ingest('anyone').expect(503);
    assert.equal(res.headers['retry-after'], '30');
    assert.equal(res.body.errorCode, 'service_unavailable');
    await sandbox.api
      .put(`/__admin/scenario/state?tenant=${tenant.id}`)
      .send({ state: 'Started' })
      .expect(200);
    await ingest('anyone').expect(204);
  });

  it('breaks the connection for each fault kind', async () => {
    await sandbox.api
      .post('/__admin/scenarios')
      .send({
        name: 'faults',
        description: 'one fault per user',
        rules: ['connection-reset', 'empty-response', 'malformed-json', 'no-response'].map((fault) => ({
          name: fault,
          match: { tinkUser: fault },
          fault,
        })),
      })
      .expect(201);
    const post = (user: string) =>
      sandbox.api
        .post(`/connector/users/${user}/accounts`)
        .set({ ...tinkAuth(tenant.tink.clientId), 'x-sandbox-scenario': 'faults' })
        .send({});
    await assert.rejects(post('connection-reset'), /ECONNRESET|socket hang up/);
    await assert.rejects(post('empty-response'), /socket hang up|ECONNRESET/);
    const malformed = await post('malformed-json')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c));
        res.on('end', () => done(null, text));
      });
    assert.equal(malformed.status, 200);
    assert.equal(malformed.body, '{"errorMessage": "truncated');
    await assert.rejects(post('no-response').timeout(300), /Timeout/);
  });
});
