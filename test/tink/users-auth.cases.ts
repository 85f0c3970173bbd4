import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { bearer, clientToken, expectRefused, tinkSandbox, userState, userWithAccount } from './support.js';

describe('tink users', () => {
  let sb: TestSandbox;
  let token: string;
  before(async () => {
    sb = await tinkSandbox({ bodyLimit: 4096 });
    token = await clientToken(sb);
  });
  after(() => sb.close());

  const create = (body: unknown, t = token) =>
    sb.http
      .post('/api/v1/user/create')
      .set(bearer(t))
      .send(body as object);

  it('creates a user with the market default locale and currency', async () => {
    const res = await create({ external_user_id: 'u-gb', market: 'GB' }).expect(200);
    await expectContract(res, 'createUser');
    assert.equal(res.body.external_user_id, 'u-gb');
    assert.match(res.body.user_id, /^[0-9a-f]{32}$/);
    const user = await userState(sb, 'u-gb');
    assert.deepEqual([user?.market, user?.currency, user?.userId], ['GB', 'GBP', res.body.user_id]);
  });

  it('answers 400 for an unknown market or locale', async () => {
    for (const body of [{ market: 'XX' }, { market: 'GB', locale: 'klingon' }]) {
      const res = await expectRefused(sb, 'createUser', 400, () => create(body));
      assert.deepEqual(res.body, {
        errorMessage: 'The market and/or locale is not valid.',
        errorCode: 'user.invalid_market_or_locale',
      });
    }
  });

  it('answers 400 with field errors without a market', async () => {
    const res = await expectRefused(sb, 'createUser', 400, () => create({ locale: 'en_US' }));
    assert.deepEqual(res.body.errors, [{ fieldName: 'market', errorMessage: 'market may not be null' }]);
  });

  it('answers 409 for a duplicate external user id', async () => {
    await create({ external_user_id: 'dup', market: 'SE' }).expect(200);
    const res = await expectRefused(sb, 'createUser', 409, () =>
      create({ external_user_id: 'dup', market: 'SE' }),
    );
    assert.deepEqual(res.body, {
      errorMessage: 'The user already exists.',
      errorCode: 'user.already_exists',
    });
  });

  it('answers 403 without user:create and 413 over the body limit', async () => {
    const narrow = await clientToken(sb, 'accounts:write');
    const res = await expectRefused(sb, 'createUser', 403, () => create({ market: 'GB' }, narrow));
    assert.equal(res.body.errorCode, 'auth.insufficient_scope');
    await expectRefused(sb, 'createUser', 413, () =>
      create({ market: 'GB', external_user_id: 'x'.repeat(5000) }),
    );
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await expectRefused(sb, 'createUser', 400, () =>
      sb.http
        .post('/api/v1/user/create')
        .set(bearer(token))
        .set('content-type', 'application/json')
        .send('{"market":'),
    );
    assert.equal(res.body.errors[0].fieldName, '(body)');
  });

  it('deletes a connector user and everything under it (legacy DELETE used by the Elixir client)', async () => {
    await userWithAccount(sb, token, 'to-delete');
    const res = await sb.http.delete('/connector/users/to-delete').set(bearer(token)).expect(204);
    await expectContract(res, 'deleteConnectorUser');
    assert.equal(await userState(sb, 'to-delete'), undefined);
    const again = await expectRefused(sb, 'deleteConnectorUser', 401, () =>
      sb.http.delete('/connector/users/to-delete').set(bearer(token)),
    );
    assert.deepEqual(again.body, { errorMessage: 'Could not find the user.', externalUserId: 'to-delete' });
  });

  it('answers 403 to a user delete with a client token, and to a connector call with a user token', async () => {
    await userWithAccount(sb, token, 'kinds');
    const wrong = await expectRefused(sb, 'deleteUser', 403, () =>
      sb.http.post('/api/v1/user/delete').set(bearer(token)),
    );
    assert.deepEqual(wrong.body, {
      errorMessage: 'This endpoint only accepts a user token.',
      errorCode: 'auth.wrong_token_type',
    });
    const code = await sb.http
      .post('/api/v1/oauth/authorization-grant')
      .set(bearer(token))
      .type('form')
      .send('external_user_id=kinds&scope=accounts:write')
      .expect(200);
    const user = await sb.http
      .post('/api/v1/oauth/token')
      .type('form')
      .send(
        `client_id=sandbox-client-id&client_secret=sandbox-client-secret&grant_type=authorization_code&code=${code.body.code}`,
      )
      .expect(200);
    const res = await expectRefused(sb, 'deleteConnectorUser', 403, () =>
      sb.http.delete('/connector/users/kinds').set(bearer(user.body.access_token)),
    );
    assert.equal(res.body.errorCode, 'auth.wrong_token_type');
    const noScope = await expectRefused(sb, 'deleteUser', 403, () =>
      sb.http.post('/api/v1/user/delete').set(bearer(user.body.access_token)),
    );
    assert.equal(noScope.body.errorCode, 'auth.insufficient_scope');
  });
});

describe('tink bearer authentication and headers', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await tinkSandbox();
  });
  after(() => sb.close());

  const cases: Array<[string, Record<string, string>, string]> = [
    ['no Authorization header', {}, 'auth.missing_token'],
    ['an empty bearer', { authorization: 'Bearer ' }, 'auth.missing_token'],
    ['a basic credential', { authorization: 'Basic YTpi' }, 'auth.missing_token'],
    ['an unknown token', { authorization: 'Bearer not-a-token' }, 'auth.invalid_token'],
  ];
  for (const [what, headers, errorCode] of cases) {
    it(`answers 401 ${errorCode} for ${what}`, async () => {
      const res = await expectRefused(sb, 'ingestAccounts', 401, () =>
        sb.http.post('/connector/users/demo-user/accounts').set(headers).send({ accounts: [] }),
      );
      assert.equal(res.body.errorCode, errorCode);
    });
  }

  it('sends X-Request-ID and X-Tink-Request-ID on every response and echoes X-Client-Trace-ID', async () => {
    const res = await sb.http.get('/data/v2/connector/operations/x').set('x-client-trace-id', 'trace-42');
    assert.equal(res.status, 401);
    assert.match(res.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(res.headers['x-tink-request-id'], res.headers['x-request-id']);
    assert.equal(res.headers['x-client-trace-id'], 'trace-42');
    const other = await sb.http.get('/api/v1/nothing-here');
    assert.notEqual(other.headers['x-request-id'], res.headers['x-request-id']);
  });

  it('journals token requests with the client secret and the token redacted', async () => {
    await clientToken(sb, 'user:create');
    const res = await sb.http.get('/__admin/requests?operationId=getAccessToken&limit=1').expect(200);
    const [entry] = res.body.requests;
    assert.equal(entry.request.body.client_secret, '[redacted]');
    assert.equal(entry.request.body.client_id, 'sandbox-client-id');
    assert.equal(entry.response.body.access_token, '[redacted]');
  });

  it('answers unknown paths and methods with JSON object bodies', async () => {
    const missing = await sb.http.get('/api/v1/nothing-here').expect(404);
    assert.deepEqual(missing.body, {
      errorMessage: 'No endpoint at GET /api/v1/nothing-here',
      errorCode: 'not_found',
    });
    const method = await sb.http.get('/api/v1/user/create').expect(405);
    assert.equal(method.body.errorCode, 'method_not_allowed');
  });
});
