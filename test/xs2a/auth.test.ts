import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { createTenant, startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { API_KEY, basic, client, connect, newUserWithToken, state } from './helpers.js';

describe('xs2a: basic auth', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-03-02T09:00:00.000Z', clockFrozen: true });
  });
  after(() => sandbox.close());

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    ['no Authorization header', {}, /send HTTP Basic credentials/],
    ['a Bearer header', { authorization: 'Bearer sandbox-api-key' }, /not HTTP Basic/],
    [
      'Basic without a colon',
      { authorization: `Basic ${Buffer.from('api').toString('base64')}` },
      /malformed/,
    ],
    ['a username other than api', { authorization: basic(API_KEY, 'admin') }, /username must be api/],
    ['an empty password', { authorization: basic('') }, /password is empty/],
    ['an unknown key', { authorization: basic('nope') }, /unknown API key or access token/],
  ];
  for (const [what, headers, message] of refusals) {
    it(`answers 401 with WWW-Authenticate for ${what}, and changes nothing`, async () => {
      const before = await state(sandbox);
      const res = await sandbox.http
        .put('/v1/api/users')
        .set(headers)
        .send({ name: 'X', email: 'x@example.com' });
      await expectContract(res, 'createBankUser');
      assert.equal(res.status, 401);
      assert.equal(res.body.code, 401);
      assert.match(res.body.message, message);
      assert.match(res.headers['www-authenticate'] ?? '', /^Basic realm=/);
      assert.deepEqual((await state(sandbox)).xs2a, before.xs2a);
    });
  }

  it('answers 401 for an access token once its valid_until has passed on the virtual clock', async () => {
    const { key, user } = await newUserWithToken(sandbox);
    const token = await key.put(`/v1/api/users/${user.id}/accesstokens`, {
      valid_until: '2026-03-02 12:00:00',
    });
    const api = client(sandbox, token.body.token);
    assert.equal((await api.get('/v1/api/connections')).status, 200);
    await sandbox.http.post('/__admin/clock/advance').send({ by: 'PT2H' }).expect(200);
    const expired = await api.get('/v1/api/connections');
    await expectContract(expired, 'listBankConnections');
    assert.equal(expired.status, 401);
    assert.match(expired.body.message, /expired/);
    // A refresh with the key brings it back, same id and secret.
    const refreshed = await key.patch(`/v1/api/users/${user.id}/accesstokens/${token.body.id}`, {
      valid_until: '2026-03-03T12:00:00.000000+01:00',
    });
    assert.equal(refreshed.body.valid_until, '2026-03-03T12:00:00.000000+01:00');
    assert.equal((await api.get('/v1/api/connections')).status, 200);
  });

  it('answers 401 for a deleted token and for the tokens of a deleted user', async () => {
    const { key, user, token, api } = await newUserWithToken(sandbox);
    const second = await key.put(`/v1/api/users/${user.id}/accesstokens`, {
      valid_until: '2050-01-01 00:00:00',
    });
    await key.delete(`/v1/api/users/${user.id}/accesstokens/${token.id}`);
    assert.equal((await api.get('/v1/api/accounts')).status, 401);
    const other = client(sandbox, second.body.token);
    assert.equal((await other.get('/v1/api/accounts')).status, 200);
    await key.delete(`/v1/api/users/${user.id}`);
    assert.equal((await other.get('/v1/api/accounts')).status, 401);
  });

  it('answers 403 for the right secret of the wrong kind', async () => {
    const { token } = await newUserWithToken(sandbox);
    const withKey = await client(sandbox, API_KEY).get('/v1/api/connections');
    await expectContract(withKey, 'listBankConnections');
    assert.equal(withKey.status, 403);
    assert.match(withKey.body.message, /needs a bank user access token/);
    const withToken = await client(sandbox, token.token).get('/v1/api/users');
    await expectContract(withToken, 'listBankUsers');
    assert.equal(withToken.status, 403);
  });

  it('accepts a magic suffix on the key and on tokens issued from it', async () => {
    const key = client(sandbox, `${API_KEY}~consent-expiry`);
    const user = await key.put('/v1/api/users', { name: 'Erika Musterfrau', email: 'erika@example.com' });
    assert.equal(user.status, 200);
    const token = await key.put(`/v1/api/users/${user.body.id}/accesstokens`, {
      valid_until: '2050-01-01 00:00:00',
    });
    const stored = (await state(sandbox)).xs2a.tokens.find((t: { id: string }) => t.id === token.body.id);
    assert.equal(stored.scenario, 'consent-expiry');
    assert.equal(
      (await client(sandbox, `${token.body.token}~slow-bank`).get('/v1/api/accounts')).status,
      200,
    );
    // A magic suffix naming no scenario is a sandbox error, not a bank's answer.
    const unknown = await client(sandbox, `${token.body.token}~no-such-scenario`).get('/v1/api/accounts');
    assert.equal(unknown.status, 404);
    assert.match(unknown.headers['content-type'] ?? '', /application\/problem\+json/);
    assert.match(unknown.body.detail, /unknown scenario 'no-such-scenario'/);
  });

  it('keeps tenants apart: a key sees only its users, a token only its own user', async () => {
    // Another seed: ids are deterministic per tenant, so two tenants of one seed may share id strings.
    const tenant = await createTenant(sandbox, {
      seed: 99,
      clock: { now: '2026-03-02T09:00:00.000Z', frozen: true },
    });
    const theirs = await newUserWithToken(sandbox, tenant.xs2a.apiKey);
    const ours = await newUserWithToken(sandbox);
    const { connection } = await connect(theirs.api);

    const ourUsers = (await ours.key.get('/v1/api/users?per_page=100')).body.data.map(
      (u: { id: string }) => u.id,
    );
    assert.ok(!ourUsers.includes(theirs.user.id));
    assert.equal((await ours.key.get(`/v1/api/users/${theirs.user.id}`)).status, 404);
    assert.equal((await ours.api.get(`/v1/api/connections/${connection.id}`)).status, 404);
    const sameTenant = await newUserWithToken(sandbox, tenant.xs2a.apiKey);
    assert.equal(
      (await sameTenant.api.get(`/v1/api/connections/${connection.id}`)).status,
      404,
      'another user',
    );
    assert.equal((await sameTenant.api.get('/v1/api/accounts')).body.total, 0);
    const theirState = await state(sandbox, tenant.id);
    assert.ok(theirState.xs2a.connections.some((c: { id: string }) => c.id === connection.id));
    assert.ok(!(await state(sandbox)).xs2a.connections.some((c: { id: string }) => c.id === connection.id));
  });

  it('puts an unknown key into the default tenant only with acceptAnyCredentials', async () => {
    const lenient = await startSandbox({ acceptAnyCredentials: true });
    try {
      const res = await client(lenient, 'whatever-key').put('/v1/api/users', {
        name: 'A',
        email: 'a@example.com',
      });
      assert.equal(res.status, 200);
      assert.ok((await state(lenient)).xs2a.users.some((u: { id: string }) => u.id === res.body.id));
      assert.equal((await client(lenient, 'whatever-token').get('/v1/api/accounts')).status, 401);
    } finally {
      await lenient.close();
    }
  });
});
