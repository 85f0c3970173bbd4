import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { contractText, operationsOf } from '../../server/contracts.js';
import { expectContract, operationIds } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { clientToken, NOW, userToken } from '../tink/support.js';
import { basic, newUserWithToken } from '../xs2a/helpers.js';

/**
 * Every operation of the Tink and XS2A contracts declares the answers a scenario may give in place
 * of the emulation: 429 (rate limit) and 503 (outage), each with `Retry-After`. For every
 * operationId, read from the contract, one request is answered by a scenario that always rate-limits
 * and one by a scenario that is always down, with valid credentials for the operation's security, and
 * each answer is checked against the contract (so the coverage gate sees both for every operation).
 */

const ALWAYS_LIMITED = {
  name: 'test-always-limited',
  description: 'Every call is over a rate limit of zero calls per minute.',
  rules: [{ name: 'none-allowed', rateLimit: { limit: 0, per: 'PT1M' } }],
};
const ALWAYS_DOWN = {
  name: 'test-always-down',
  description: 'Every call meets an outage.',
  rules: [{ name: 'down', outage: { retryAfterSeconds: 120 } }],
};

interface Operation {
  api: 'tink' | 'xs2a';
  operationId: string;
  method: string;
  path: string;
  /** XS2A: whether the operation takes a bank user's access token rather than the API key. */
  accessToken: boolean;
  requiredQuery: string[];
}

function operations(api: 'tink' | 'xs2a'): Operation[] {
  const document = parse(contractText(api)) as {
    paths: Record<
      string,
      Record<string, { security?: Array<Record<string, unknown>>; parameters?: unknown[] }>
    >;
  };
  return operationsOf(document).map((op) => {
    const definition = document.paths[op.path]![op.method.toLowerCase()]!;
    const requiredQuery = (definition.parameters ?? [])
      .filter((p): p is { name: string; in: string; required: true } => {
        const param = p as { in?: string; required?: boolean };
        return param.in === 'query' && param.required === true;
      })
      .map((p) => p.name);
    return {
      api,
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      accessToken: (definition.security ?? []).some((requirement) => 'accessToken' in requirement),
      requiredQuery,
    };
  });
}

/** Tink operations that take a user token (the rest take a client token, or none for the token endpoint). */
const TINK_USER_TOKEN = new Set(['deleteUser', 'listAccounts', 'listTransactions']);

describe('scenario answers (429, 503) are declared for every operation of the Tink and XS2A contracts', () => {
  let sb: TestSandbox;
  let tinkClient: string;
  let tinkUser: string;
  let xs2aToken: string;
  const all = [...operations('tink'), ...operations('xs2a')];

  before(async () => {
    sb = await startSandbox({ clockStart: NOW, clockFrozen: true });
    for (const scenario of [ALWAYS_LIMITED, ALWAYS_DOWN])
      await sb.http.post('/__admin/scenarios').send(scenario).expect(201);
    tinkClient = await clientToken(sb);
    await sb.http
      .post('/api/v1/user/create')
      .set('authorization', `Bearer ${tinkClient}`)
      .send({ external_user_id: 'scenario-answers', market: 'GB', locale: 'en_US' })
      .expect(200);
    tinkUser = await userToken(
      sb,
      tinkClient,
      'scenario-answers',
      'accounts:read,transactions:read,user:delete',
    );
    xs2aToken = (await newUserWithToken(sb)).token.token;
  });
  after(() => sb.close());

  function send(op: Operation, scenario: string) {
    const path = op.path.replace(/\{[^}]+\}/g, 'x1');
    const query = op.requiredQuery.map((name) => `${name}=x`).join('&');
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = sb.http[method](query ? `${path}?${query}` : path).set('x-sandbox-scenario', scenario);
    if (op.api === 'xs2a') {
      req.set('authorization', basic(op.accessToken ? xs2aToken : 'sandbox-api-key'));
      return ['get', 'delete'].includes(method) ? req : req.send({});
    }
    if (op.operationId === 'getAccessToken')
      return req.type('form').send({
        client_id: 'sandbox-client-id',
        client_secret: 'sandbox-client-secret',
        grant_type: 'client_credentials',
        scope: 'accounts:write',
      });
    req.set('authorization', `Bearer ${TINK_USER_TOKEN.has(op.operationId) ? tinkUser : tinkClient}`);
    return ['get', 'delete'].includes(method) ? req : req.send({});
  }

  it('covers every operationId of both contracts', async () => {
    for (const api of ['tink', 'xs2a'] as const)
      assert.deepEqual(
        all.filter((op) => op.api === api).map((op) => op.operationId),
        await operationIds(api),
      );
  });

  for (const op of all) {
    it(`${op.api} ${op.operationId}: 429 and 503 in the API's own error format, with Retry-After`, async () => {
      const limited = await send(op, ALWAYS_LIMITED.name);
      assert.equal(limited.status, 429, `${op.operationId}: ${limited.text}`);
      await expectContract(limited, op.operationId);
      assert.match(limited.headers['retry-after'] ?? '', /^[1-9]\d*$/);
      if (op.api === 'tink') {
        assert.equal(limited.body.errorCode, 'rate_limit_exceeded');
        assert.equal(limited.body.retryAfterMillis, Number(limited.headers['retry-after']) * 1000);
      } else assert.deepEqual(limited.body, { code: 429, message: 'Too many requests; retry later.' });

      const down = await send(op, ALWAYS_DOWN.name);
      assert.equal(down.status, 503, `${op.operationId}: ${down.text}`);
      await expectContract(down, op.operationId);
      assert.equal(down.headers['retry-after'], '120');
      if (op.api === 'tink') assert.equal(down.body.errorCode, 'service_unavailable');
      else assert.equal(down.body.code, 503);
    });
  }
});
