/**
 * Every error status that `contracts/xs2a.yaml` declares, produced through the public HTTP surface
 * and validated with `expectContract`. Requests are built from the contract itself (path parameters
 * filled with real or unknown ids, required query parameters and bodies filled with valid values), so
 * an operation added to the contract is covered by the generic cases, or fails here until it is.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Response } from 'supertest';
import { loadContract } from '../../server/http/openapi.js';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { API_KEY, basic, connect, newUserWithToken, state } from './helpers.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}

interface ContractOp {
  operationId: string;
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  path: string;
  /** Token-level (`accessToken`) or key-level (`apiKey`, the contract's default). */
  level: 'token' | 'key';
  hasBody: boolean;
  params: Parameter[];
  statuses: string[];
}

interface Document {
  paths: Record<string, Record<string, unknown>>;
  components: { parameters: Record<string, Parameter> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

function contractOps(): ContractOp[] {
  const doc = loadContract('xs2a') as unknown as Document;
  const resolve = (p: Parameter | { $ref: string }): Parameter =>
    '$ref' in p ? doc.components.parameters[p.$ref.split('/').pop()!]! : p;
  const ops: ContractOp[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = ((item.parameters ?? []) as Parameter[]).map(resolve);
    for (const method of METHODS) {
      const op = item[method] as
        | {
            operationId: string;
            security?: Array<Record<string, unknown>>;
            requestBody?: unknown;
            parameters?: Parameter[];
            responses: Record<string, unknown>;
          }
        | undefined;
      if (!op) continue;
      ops.push({
        operationId: op.operationId,
        method,
        path,
        level: (op.security ?? []).some((s) => 'accessToken' in s) ? 'token' : 'key',
        hasBody: op.requestBody !== undefined,
        params: [...shared, ...(op.parameters ?? []).map(resolve)],
        statuses: Object.keys(op.responses),
      });
    }
  }
  return ops;
}

const OPS = contractOps();
const declaring = (status: string) => OPS.filter((op) => op.statuses.includes(status));

/** Valid values for required query parameters and bodies, so only the thing under test is wrong. */
const REQUIRED_QUERY: Record<string, string> = { bank_code: '88888888', q: 'test' };
const VALID_BODY: Record<string, (ids: Ids) => unknown> = {
  createBankUser: () => ({ name: 'Refused', email: 'refused@example.com' }),
  createBankUserAccessToken: () => ({ valid_until: '2050-01-01 00:00:00' }),
  refreshBankUserAccessToken: () => ({ valid_until: '2050-01-01 00:00:00' }),
  createBankConnection: () => ({ sync_mode: 'full' }),
  navigateWizard: (ids) => ({ key: ids.wizardKey }),
};

type Ids = Record<string, string> & { wizardKey: string };

interface Shape {
  /** Path parameters by name; unknown ones become `unknown-<name>`. */
  ids: Record<string, string>;
  query?: Record<string, string>;
  /** Replaces the required query values instead of adding to them. */
  omitRequiredQuery?: boolean;
  body?: unknown;
  /** Sent as is with `content-type: application/json`. */
  raw?: string;
}

function send(sandbox: TestSandbox, op: ContractOp, authorization: string | undefined, shape: Shape) {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(shape.ids[name] ?? `unknown-${name}`),
  );
  const required = shape.omitRequiredQuery
    ? {}
    : Object.fromEntries(
        op.params
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => [p.name, REQUIRED_QUERY[p.name] ?? 'x']),
      );
  const query = new URLSearchParams({ ...required, ...shape.query }).toString();
  let req = sandbox.http[op.method](query ? `${path}?${query}` : path);
  if (authorization !== undefined) req = req.set('authorization', authorization);
  if (shape.raw !== undefined) return req.set('content-type', 'application/json').send(shape.raw);
  if (shape.body !== undefined) return req.send(shape.body as object);
  return req;
}

function assertXs2aError(res: Response, status: number, op: ContractOp) {
  assert.equal(res.status, status, `${op.operationId}: ${res.status} ${res.text}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/json/);
  assert.equal(res.body.code, status, `${op.operationId}: ${res.text}`);
  assert.equal(typeof res.body.message, 'string');
  assert.ok(res.body.message.length > 0);
}

describe('xs2a: every declared error status', () => {
  let sandbox: TestSandbox;
  /** Real ids for every path parameter of the contract, owned by `token`'s user. */
  let ids: Ids;
  let token: string;
  let otherToken: string;

  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-03-02T09:00:00.000Z', clockFrozen: true });
    const owner = await newUserWithToken(sandbox);
    const { connection, session } = await connect(owner.api);
    const accounts = await owner.api.get(`/v1/api/connections/${connection.id}/accounts`);
    const events = await owner.key.get('/v1/events');
    assert.ok(accounts.body.data.length > 0 && events.body.data.length > 0);
    token = owner.token.token;
    // A second user's token: the owner's ids are unknown to it (404 without leaking existence).
    otherToken = (await newUserWithToken(sandbox)).token.token;
    const wizard = await owner.api.put('/v1/api/connections', { sync_mode: 'full' });
    ids = {
      userId: owner.user.id,
      tokenId: owner.token.id,
      connectionId: connection.id,
      accountId: accounts.body.data[0].id,
      upTo: '2026-03-01',
      reportId: 'report-1',
      transaction: session.transaction,
      eventId: events.body.data[0].id,
      wizardKey: wizard.body.wizard_session_key,
    };
  });
  after(() => sandbox.close());

  const valid = (op: ContractOp): Shape => {
    const body = VALID_BODY[op.operationId]?.(ids);
    return body === undefined ? { ids } : { ids, body };
  };
  const secretFor = (op: ContractOp) => (op.level === 'token' ? token : API_KEY);
  const wrongKindFor = (op: ContractOp) => (op.level === 'token' ? API_KEY : token);

  /** Runs `fn` and checks that the XS2A state reads the same afterwards. */
  async function unchanged(fn: () => Promise<void>) {
    const before = await state(sandbox);
    await fn();
    assert.deepEqual(await state(sandbox), before);
  }

  it('answers 401 with WWW-Authenticate: Basic for missing, wrong and non-api credentials, changing nothing', async () => {
    const ops = declaring('401');
    assert.equal(ops.length, OPS.length, 'every operation is authenticated');
    for (const op of ops) {
      const attempts: Array<[string, string | undefined, RegExp]> = [
        ['no Authorization header', undefined, /send HTTP Basic credentials/],
        ['a wrong password', basic('wrong-password'), /unknown API key or access token/],
        ['a username other than api', basic(secretFor(op), 'admin'), /username must be api/],
      ];
      await unchanged(async () => {
        for (const [what, authorization, message] of attempts) {
          const res = await send(sandbox, op, authorization, valid(op));
          await expectContract(res, op.operationId);
          assertXs2aError(res, 401, op);
          assert.match(res.body.message, message, `${op.operationId} with ${what}`);
          assert.match(res.headers['www-authenticate'] ?? '', /^Basic\b/, `${op.operationId} with ${what}`);
        }
      });
    }
  });

  it('answers 403 for the right secret of the wrong kind (the API key on token operations and vice versa)', async () => {
    const ops = declaring('403');
    assert.equal(ops.length, OPS.length);
    for (const op of ops) {
      await unchanged(async () => {
        const res = await send(sandbox, op, basic(wrongKindFor(op)), valid(op));
        await expectContract(res, op.operationId);
        assertXs2aError(res, 403, op);
        assert.match(res.body.message, op.level === 'token' ? /needs a bank user access token/ : /API key/);
        assert.equal(res.headers['www-authenticate'], undefined);
      });
    }
  });

  it('answers 400 for a malformed JSON body on every operation that takes a body', async () => {
    const ops = declaring('400');
    // An operation without a body ignores a stray one, so only those with a body can answer 400.
    assert.deepEqual(
      ops.map((op) => op.operationId),
      OPS.filter((op) => op.hasBody).map((op) => op.operationId),
    );
    for (const op of ops) {
      await unchanged(async () => {
        const res = await send(sandbox, op, basic(secretFor(op)), { ids, raw: '{"name": "Max",' });
        await expectContract(res, op.operationId);
        assertXs2aError(res, 400, op);
        assert.match(res.body.message, /could not be read: the body is not valid JSON/);
      });
    }
  });

  it('answers 404 for unknown ids, and for ids of another bank user, changing nothing', async () => {
    const ops = declaring('404');
    const withIds = ops.filter((op) => op.params.some((p) => p.in === 'path'));
    // The rest are found by a query (bank codes) or a body (the wizard key): ask for unknown ones.
    const unknownBy: Record<string, Shape> = {
      getBankByCode: { ids: {}, query: { bank_code: '00000000' } },
      navigateWizard: { ids: {}, body: { key: 'unknown-key' } },
    };
    for (const op of ops.filter((o) => !withIds.includes(o)))
      assert.ok(
        unknownBy[op.operationId],
        `${op.operationId} declares 404: add how to ask for an unknown one`,
      );

    for (const op of ops) {
      const unknown = unknownBy[op.operationId] ?? { ids: {}, body: VALID_BODY[op.operationId]?.(ids) };
      await unchanged(async () => {
        const res = await send(sandbox, op, basic(secretFor(op)), unknown);
        await expectContract(res, op.operationId);
        assertXs2aError(res, 404, op);
        assert.match(res.body.message, /not found/i);
      });
    }
    // Another bank user's token sees none of the owner's connections, accounts or wizard sessions.
    for (const op of withIds.filter((o) => o.level === 'token')) {
      await unchanged(async () => {
        const res = await send(sandbox, op, basic(otherToken), valid(op));
        await expectContract(res, op.operationId);
        assertXs2aError(res, 404, op);
      });
    }
  });

  it('answers 422 with Laravel-style errors for invalid input, changing nothing', async () => {
    /** The invalid input per operation and the field it names; paginated ones get `per_page=0`. */
    const invalid: Record<string, { shape: (ids: Ids) => Shape; field: string }> = {
      createBankUser: {
        shape: (i) => ({ ids: i, body: { name: 'X', email: 'not-an-email' } }),
        field: 'email',
      },
      createBankUserAccessToken: {
        shape: (i) => ({ ids: i, body: { valid_until: 'tomorrow-ish' } }),
        field: 'valid_until',
      },
      refreshBankUserAccessToken: {
        shape: (i) => ({ ids: i, body: { valid_until: '2020-01-01 00:00:00' } }),
        field: 'valid_until',
      },
      createBankConnection: {
        shape: (i) => ({ ids: i, body: { sync_mode: 'sometimes' } }),
        field: 'sync_mode',
      },
      syncBankConnection: { shape: (i) => ({ ids: i, body: { force: 'yes' } }), field: 'force' },
      getBankAccountTurnovers: { shape: (i) => ({ ids: i, query: { from: '02.03.2026' } }), field: 'from' },
      markTurnoversAsSeenUpTo: { shape: (i) => ({ ids: { ...i, upTo: 'yesterday' } }), field: 'upTo' },
      getBankAccountReport: { shape: (i) => ({ ids: i, query: { format: 'xml' } }), field: 'format' },
      navigateWizard: { shape: (i) => ({ ids: i, body: { action: 'submit' } }), field: 'key' },
      getBankByCode: { shape: (i) => ({ ids: i, omitRequiredQuery: true }), field: 'bank_code' },
      autocompleteBanks: { shape: (i) => ({ ids: i, omitRequiredQuery: true }), field: 'q' },
      listAllBanks: { shape: (i) => ({ ids: i, query: { country_id: 'D1' } }), field: 'country_id' },
      listEvents: { shape: (i) => ({ ids: i, query: { from: 'last week' } }), field: 'from' },
    };
    for (const op of declaring('422')) {
      const paginated = op.params.some((p) => p.name === 'per_page');
      const cases: Array<{ shape: Shape; field: string }> = [
        ...(invalid[op.operationId]
          ? [{ ...invalid[op.operationId]!, shape: invalid[op.operationId]!.shape(ids) }]
          : []),
        ...(paginated ? [{ shape: { ...valid(op), query: { per_page: '0' } }, field: 'per_page' }] : []),
      ];
      assert.ok(cases.length, `${op.operationId} declares 422: add an invalid input for it`);
      for (const { shape, field } of cases) {
        await unchanged(async () => {
          const res = await send(sandbox, op, basic(secretFor(op)), shape);
          await expectContract(res, op.operationId);
          assertXs2aError(res, 422, op);
          assert.ok(Array.isArray(res.body.errors?.[field]), `${op.operationId}: ${res.text}`);
        });
      }
    }
  });
});
