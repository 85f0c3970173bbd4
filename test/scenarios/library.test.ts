import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type Emulated, startEmulated, tinkAuth, xs2aAuth } from '../helpers/emulated.js';
import { createTenant } from '../helpers/sandbox.js';

type Tenant = Awaited<ReturnType<typeof createTenant>>;

describe('the generic built-in scenarios, through the public HTTP surface', () => {
  let sandbox: Emulated;
  let tenant: Tenant;
  let bystander: Tenant;
  before(async () => {
    sandbox = await startEmulated();
  });
  after(() => sandbox.close());
  beforeEach(async () => {
    const clock = { now: '2026-04-01T10:00:00Z', frozen: true };
    tenant = await createTenant(sandbox, { clock });
    bystander = await createTenant(sandbox, { clock });
  });

  const use = (name: string) =>
    sandbox.api.put(`/__admin/scenario?tenant=${tenant.id}`).send({ name }).expect(200);
  const advance = (seconds: number) =>
    sandbox.api.post(`/__admin/clock/advance?tenant=${tenant.id}`).send({ seconds }).expect(200);
  const ingest = (t: Tenant, user = 'u1') =>
    sandbox.api.post(`/connector/users/${user}/accounts`).set(tinkAuth(t.tink.clientId)).send({});
  const xs2aUser = (t: Tenant) => sandbox.api.get('/v1/api/users/u1').set(xs2aAuth(t.xs2a.apiKey));

  it('rate-limited: the sixth call in a minute gets 429 with Retry-After and retryAfterMillis', async () => {
    await use('rate-limited');
    await advance(15); // 10:00:15, 45 s before the window ends
    for (let i = 0; i < 5; i += 1) await ingest(tenant).expect(204);
    const limited = await ingest(tenant).expect(429);
    assert.equal(limited.headers['retry-after'], '45');
    assert.deepEqual(limited.body, {
      errorMessage: 'Too many requests; retry later.',
      errorCode: 'rate_limit_exceeded',
      retryAfterMillis: 45000,
    });
    const xs2a = await xs2aUser(tenant).expect(429);
    assert.deepEqual(xs2a.body, { code: 429, message: 'Too many requests; retry later.' });
    await ingest(bystander).expect(204);
    await advance(45);
    await ingest(tenant).expect(204);
  });

  it('bank-maintenance: 503 with Retry-After counting down, until two hours have passed', async () => {
    await use('bank-maintenance');
    const down = await xs2aUser(tenant).expect(503);
    assert.equal(down.headers['retry-after'], '7200');
    assert.deepEqual(down.body, {
      code: 503,
      message: 'The bank is unavailable for scheduled maintenance; retry later.',
    });
    await advance(3600);
    assert.equal((await ingest(tenant).expect(503)).headers['retry-after'], '3600');
    await xs2aUser(bystander).expect(200);
    await advance(3600);
    await xs2aUser(tenant).expect(200);
  });

  it('basic-auth-failures: XS2A 401s with WWW-Authenticate, token calls as expired, key calls as wrong key', async () => {
    await use('basic-auth-failures');
    const key = await xs2aUser(tenant).expect(401);
    assert.deepEqual(key.body, { code: 401, message: 'Invalid API key.' });
    assert.equal(key.headers['www-authenticate'], 'Basic realm="XS2A API"');
    const token = await sandbox.api
      .post('/v1/api/connections/c1/sync')
      .set(xs2aAuth(tenant.xs2a.apiKey))
      .send({})
      .expect(401);
    assert.deepEqual(token.body, { code: 401, message: 'The access token has expired or was revoked.' });
    await ingest(tenant).expect(204);
    await xs2aUser(bystander).expect(200);
  });

  it('insufficient-scope: the token endpoint works, connector calls get 403', async () => {
    await use('insufficient-scope');
    await sandbox.api
      .post('/api/v1/oauth/token')
      .type('form')
      .send({ client_id: tenant.tink.clientId })
      .expect(200);
    const res = await ingest(tenant).expect(403);
    assert.equal(res.body.errorCode, 'auth.insufficient_scope');
    await ingest(bystander).expect(204);
  });

  it('token-expiry: 401 from 1800 s after the last token until a new one is fetched', async () => {
    await use('token-expiry');
    const token = () =>
      sandbox.api
        .post('/api/v1/oauth/token')
        .type('form')
        .send({ client_id: tenant.tink.clientId })
        .expect(200);
    await token();
    await advance(1799);
    await ingest(tenant).expect(204);
    await advance(1);
    const expired = await ingest(tenant).expect(401);
    assert.deepEqual(expired.body, {
      errorMessage: 'The access token has expired.',
      errorCode: 'auth.token_expired',
    });
    await token();
    await ingest(tenant).expect(204);
    await advance(1800);
    await ingest(tenant).expect(401);
  });

  it('shared-credentials-mismatch: a sync with credentials gets 422 naming the field', async () => {
    await use('shared-credentials-mismatch');
    const sync = (t: Tenant, body: object) =>
      sandbox.api.post('/v1/api/connections/c1/sync').set(xs2aAuth(t.xs2a.apiKey)).send(body);
    const res = await sync(tenant, { credentials: 'half' }).expect(422);
    assert.deepEqual(res.body.errors, {
      credentials: ['The shared credentials do not match this bank connection.'],
    });
    await sync(tenant, {}).expect(204);
    await sync(bystander, { credentials: 'half' }).expect(204);
  });

  it('slow-bank: XS2A answers after a seeded lognormal delay, Tink at once', async () => {
    await use('slow-bank');
    const started = performance.now();
    await xs2aUser(tenant).expect(200);
    const [entry] = (await sandbox.api.get(`/__admin/requests?tenant=${tenant.id}&limit=1`)).body.requests;
    assert.deepEqual(entry.scenario, { name: 'slow-bank', rule: 'bank-latency' });
    assert.ok(
      entry.latencyMs >= 100 && performance.now() - started >= entry.latencyMs - 5,
      `latency ${entry.latencyMs}`,
    );
    const quick = performance.now();
    await ingest(tenant).expect(204);
    assert.ok(performance.now() - quick < 100);
  });
});
