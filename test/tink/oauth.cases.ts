import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { createTenant, type TestSandbox } from '../helpers/sandbox.js';
import { SEED_ACCOUNTS } from './elixir.js';
import { bearer, CLIENT, clientToken, expectRefused, tinkSandbox, userWithAccount } from './support.js';

const tokenForm = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('tink oauth token', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await tinkSandbox();
  });
  after(() => sb.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    sb.http.post('/api/v1/oauth/token').set(headers).type('form').send(body);

  it('issues a 30-minute client token for the exact form the Elixir client sends, empty bearer and all', async () => {
    const res = await post(
      'client_id=sandbox-client-id&client_secret=sandbox-client-secret&grant_type=client_credentials&scope=accounts%3Awrite+transactions%3Awrite',
      { authorization: 'Bearer ' },
    ).expect(200);
    await expectContract(res, 'getAccessToken');
    assert.equal(res.body.token_type, 'bearer');
    assert.equal(res.body.expires_in, 1800);
    assert.equal(res.body.scope, 'accounts:write,transactions:write');
    assert.match(res.body.access_token, /^[0-9a-f]{48}$/);
  });

  it("reads comma-separated scopes and defaults to all of the client's scopes", async () => {
    const commas = await post(
      tokenForm({ ...creds(), grant_type: 'client_credentials', scope: 'user:create,accounts:write' }),
    ).expect(200);
    assert.equal(commas.body.scope, 'user:create,accounts:write');
    const all = await post(tokenForm({ ...creds(), grant_type: 'client_credentials' })).expect(200);
    assert.ok(all.body.scope.split(',').includes('transactions:write'));
  });

  it('expires client tokens after 1800 s of the virtual clock', async () => {
    const token = await clientToken(sb);
    await sb.http.post('/__admin/clock/advance').send({ seconds: 1799 }).expect(200);
    await sb.http.post('/api/v1/user/create').set(bearer(token)).send({ market: 'GB' }).expect(200);
    await sb.http.post('/__admin/clock/advance').send({ seconds: 1 }).expect(200);
    const res = await expectRefused(sb, 'createUser', 401, () =>
      sb.http.post('/api/v1/user/create').set(bearer(token)).send({ market: 'GB' }),
    );
    assert.deepEqual(res.body, {
      errorMessage: 'The access token has expired.',
      errorCode: 'auth.token_expired',
    });
  });

  const refusals: Array<[string, Record<string, string>, number, string, string]> = [
    [
      'no client id',
      { grant_type: 'client_credentials' },
      401,
      'oauth.no_client_id_in_request',
      'Did not receive a client id in the request',
    ],
    [
      'an unknown client',
      { client_id: 'nope', client_secret: 'x', grant_type: 'client_credentials' },
      401,
      'oauth.client_not_found',
      'Could not find the OAuth client',
    ],
    [
      'a wrong secret',
      { client_id: CLIENT.id, client_secret: 'wrong', grant_type: 'client_credentials' },
      401,
      'oauth.invalid_secret',
      'Invalid client secret',
    ],
    [
      'a bad grant type',
      { ...creds(), grant_type: 'password' },
      401,
      'oauth.invalid_grant_type',
      'Grant type must be one of: client_credentials, authorization_code',
    ],
    [
      'a scope outside the allowed set',
      { ...creds(), grant_type: 'client_credentials', scope: 'accounts:write,payments:write' },
      401,
      'oauth.invalid_scope',
      'Requested scope is not among valid scopes',
    ],
    [
      'a bad authorization code',
      { ...creds(), grant_type: 'authorization_code', code: 'nope' },
      400,
      'oauth.code_not_found',
      'Authorization code not valid',
    ],
  ];
  for (const [what, fields, status, errorCode, errorMessage] of refusals) {
    it(`answers ${status} ${errorCode} for ${what}`, async () => {
      const res = await expectRefused(sb, 'getAccessToken', status, () => post(tokenForm(fields)));
      assert.deepEqual(res.body, { errorMessage, errorCode });
    });
  }
});

function creds() {
  return { client_id: CLIENT.id, client_secret: CLIENT.secret };
}

describe('tink authorization grant and user tokens', () => {
  let sb: TestSandbox;
  let token: string;
  before(async () => {
    sb = await tinkSandbox({ bodyLimit: 2048 });
    token = await clientToken(sb);
    await userWithAccount(sb, token, 'grant-user');
  });
  after(() => sb.close());

  const grant = (fields: Record<string, string>, t = token) =>
    sb.http.post('/api/v1/oauth/authorization-grant').set(bearer(t)).type('form').send(tokenForm(fields));

  it('grants a code that exchanges once for a 2-hour user token which deletes its user', async () => {
    const res = await grant({ external_user_id: 'grant-user', scope: 'user:delete' }).expect(200);
    await expectContract(res, 'createAuthorizationGrant');
    const exchange = () =>
      sb.http
        .post('/api/v1/oauth/token')
        .type('form')
        .send(tokenForm({ ...creds(), grant_type: 'authorization_code', code: res.body.code }));
    const user = await exchange().expect(200);
    await expectContract(user, 'getAccessToken');
    assert.equal(user.body.expires_in, 7200);
    assert.equal(user.body.scope, 'user:delete');
    assert.equal((await exchange()).status, 400, 'a code is single-use');

    const deleted = await sb.http.post('/api/v1/user/delete').set(bearer(user.body.access_token)).expect(204);
    await expectContract(deleted, 'deleteUser');
    assert.equal(deleted.text, '');
    const state = await sb.http.get('/__admin/state').expect(200);
    assert.ok(
      !state.body.tink.users.some((u: { externalUserId: string }) => u.externalUserId === 'grant-user'),
    );
    // The user's tokens went with it.
    const again = await expectRefused(sb, 'deleteUser', 401, () =>
      sb.http.post('/api/v1/user/delete').set(bearer(user.body.access_token)),
    );
    assert.equal(again.body.errorCode, 'auth.invalid_token');
  });

  it('answers 400 when both or neither user id is given', async () => {
    const res = await expectRefused(sb, 'createAuthorizationGrant', 400, () =>
      grant({ scope: 'user:delete' }),
    );
    assert.equal(res.body.errorCode, 'oauth.invalid_request');
  });

  it('answers 400 with field errors when scope is missing', async () => {
    const res = await expectRefused(sb, 'createAuthorizationGrant', 400, () => grant({ user_id: 'x' }));
    assert.deepEqual(res.body.errors, [{ fieldName: 'scope', errorMessage: 'scope may not be null' }]);
  });

  it('answers 401 for a scope the client may not grant', async () => {
    const res = await expectRefused(sb, 'createAuthorizationGrant', 401, () =>
      grant({ user_id: 'x', scope: 'payments:write' }),
    );
    assert.equal(res.body.errorCode, 'oauth.invalid_scope');
  });

  it('answers 403 without authorization:grant', async () => {
    const narrow = await clientToken(sb, 'user:create');
    const res = await expectRefused(sb, 'createAuthorizationGrant', 403, () =>
      grant({ user_id: 'x', scope: 'user:delete' }, narrow),
    );
    assert.equal(res.body.errorCode, 'auth.insufficient_scope');
  });

  it('answers 404 for an unknown user', async () => {
    const res = await expectRefused(sb, 'createAuthorizationGrant', 404, () =>
      grant({ external_user_id: 'ghost', scope: 'user:delete' }),
    );
    assert.deepEqual(res.body, { errorMessage: 'Could not find the user.', errorCode: 'user.not_found' });
  });

  it('answers 413 for a body over the limit', async () => {
    await expectRefused(sb, 'createAuthorizationGrant', 413, () =>
      grant({ user_id: 'x'.repeat(4000), scope: 'user:delete' }),
    );
  });
});

describe('tink credentials: magic client ids, any-credential mode, tenants', () => {
  it('binds the scenario of a magic client id to the token and to every request made with it', async () => {
    const sb = await tinkSandbox();
    const ingest = async (clientId: string, user: string) => {
      const token = await clientToken(sb, 'accounts:write', { id: clientId, secret: CLIENT.secret });
      const res = await sb.http
        .post(`/connector/users/${user}/accounts`)
        .set(bearer(token))
        .send(SEED_ACCOUNTS);
      await expectContract(res, 'ingestAccounts');
      return res.body.status as string;
    };
    // slow-operations keeps operations PENDING for minutes, for requests made with the magic client only.
    assert.equal(await ingest(`${CLIENT.id}~slow-operations`, 'magic-user'), 'PENDING');
    assert.equal(await ingest(CLIENT.id, 'plain-user'), 'COMPLETED');
    const scenario = await sb.http.get('/__admin/scenario?scenario=slow-operations').expect(200);
    assert.equal(scenario.body.name, 'slow-operations');
    await sb.close();
  });

  it('puts unknown clients into the default tenant when started with acceptAnyCredentials', async () => {
    const sb = await tinkSandbox({ acceptAnyCredentials: true });
    const token = await clientToken(sb, 'user:create', { id: 'whoever', secret: 'whatever' });
    const res = await sb.http
      .post('/api/v1/user/create')
      .set(bearer(token))
      .send({ market: 'SE', external_user_id: 'any-1' });
    assert.equal(res.status, 200);
    const state = await sb.http.get('/__admin/state?tenant=default').expect(200);
    assert.ok(state.body.tink.users.some((u: { externalUserId: string }) => u.externalUserId === 'any-1'));
    await sb.close();
  });

  it("keeps two tenants' users and tokens apart", async () => {
    const sb = await tinkSandbox();
    const a = await createTenant(sb, { demoData: false });
    const b = await createTenant(sb, { demoData: false });
    const tokenA = await clientToken(sb, 'user:create', { id: a.tink.clientId, secret: a.tink.clientSecret });
    await sb.http
      .post('/api/v1/user/create')
      .set(bearer(tokenA))
      .send({ market: 'GB', external_user_id: 'shared-id' })
      .expect(200);
    const tokenB = await clientToken(sb, 'user:create', { id: b.tink.clientId, secret: b.tink.clientSecret });
    // The same external id is free in the other tenant.
    await sb.http
      .post('/api/v1/user/create')
      .set(bearer(tokenB))
      .send({ market: 'GB', external_user_id: 'shared-id' })
      .expect(200);
    const stateA = await sb.http.get(`/__admin/state?tenant=${a.id}`).expect(200);
    const stateB = await sb.http.get(`/__admin/state?tenant=${b.id}`).expect(200);
    assert.equal(stateA.body.tink.users.length, 1);
    assert.equal(stateB.body.tink.users.length, 1);
    const wrongSecret = await sb.http
      .post('/api/v1/oauth/token')
      .type('form')
      .send(
        tokenForm({
          client_id: a.tink.clientId,
          client_secret: b.tink.clientSecret,
          grant_type: 'client_credentials',
        }),
      );
    assert.equal(wrongSecret.status, 401);
    await sb.close();
  });
});
