import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JournalEntry } from '../../server/journal.js';
import { buildReport } from '../../server/report/build.js';
import { expectContract } from '../helpers/contract.js';
import { createTenant, startSandbox, type TestSandbox } from '../helpers/sandbox.js';

function entry(overrides: Partial<JournalEntry>): JournalEntry {
  return {
    id: 'req-1',
    time: '2026-01-01T00:00:00.000Z',
    clock: null,
    tenant: 'default',
    api: 'tink',
    operationId: null,
    method: 'GET',
    path: '/',
    query: {},
    status: 200,
    latencyMs: 1,
    request: { headers: {}, body: null },
    response: { headers: {}, body: null },
    scenario: null,
    violations: [],
    fault: null,
    ...overrides,
  };
}

describe('the CI report over HTTP', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('reports a tenant that only made admin calls as clean', async () => {
    const tenant = await createTenant(sandbox);
    await sandbox.http.get(`/__admin/clock?tenant=${tenant.id}`).expect(200);
    const res = await sandbox.http.get(`/__admin/report?tenant=${tenant.id}`).expect(200);
    await expectContract(res, 'getReport');
    assert.equal(res.body.tenant, tenant.id);
    assert.equal(res.body.clean, true);
    assert.equal(res.body.requests, 0);
    assert.equal(res.body.journalCapacity, 1000);
    assert.deepEqual(res.body.unmatched, []);
    assert.deepEqual(res.body.violations, { requests: 0, byRule: {}, items: [] });
    assert.deepEqual(res.body.scenarioRules, { fired: [], unused: [] });
  });

  it('groups unmatched requests, counts violations by rule, and spans tenants with tenant=*', async () => {
    const one = await createTenant(sandbox);
    const two = await createTenant(sandbox);
    await sandbox.http.get('/api/v1/missing').set('x-sandbox-tenant', one.id).expect(404);
    await sandbox.http.get('/api/v1/missing').set('x-sandbox-tenant', one.id).expect(404);
    await sandbox.http.delete('/v1/missing').set('x-sandbox-tenant', two.id).expect(404);
    const mine = await sandbox.http.get(`/__admin/report?tenant=${one.id}`).expect(200);
    await expectContract(mine, 'getReport');
    assert.equal(mine.body.clean, false);
    assert.deepEqual(mine.body.unmatched, [
      { api: 'tink', method: 'GET', path: '/api/v1/missing', rule: 'unknown-path', requests: 2 },
    ]);
    assert.deepEqual(mine.body.violations.byRule, { 'unknown-path': 2 });
    assert.equal(mine.body.violations.items.length, 2);
    assert.equal(mine.body.violations.items[0].path, '/api/v1/missing');

    const all = await sandbox.http.get('/__admin/report?tenant=*').expect(200);
    await expectContract(all, 'getReport');
    assert.equal(all.body.tenant, '*');
    assert.ok(all.body.requests >= 3);
    assert.ok(all.body.unmatched.some((u: { path: string }) => u.path === '/v1/missing'));
  });

  it("lists the tenant scenario's rules that fired and those that never did", async () => {
    const tenant = await createTenant(sandbox, { scenario: 'insufficient-scope' });
    const before = await sandbox.http.get(`/__admin/report?tenant=${tenant.id}`).expect(200);
    await expectContract(before, 'getReport');
    assert.deepEqual(before.body.scenarioRules, {
      fired: [],
      unused: [{ scenario: 'insufficient-scope', rule: 'connector-forbidden' }],
    });
    const token = await sandbox.http
      .post('/api/v1/oauth/token')
      .type('form')
      .send({
        client_id: tenant.tink.clientId,
        client_secret: tenant.tink.clientSecret,
        grant_type: 'client_credentials',
        scope: 'accounts:write',
      })
      .expect(200);
    await sandbox.http
      .post('/connector/users/u-1/accounts')
      .set('authorization', `Bearer ${token.body.access_token}`)
      .send({ accounts: [] })
      .expect(403);
    const after = await sandbox.http.get(`/__admin/report?tenant=${tenant.id}`).expect(200);
    assert.deepEqual(after.body.scenarioRules, {
      fired: [{ scenario: 'insufficient-scope', rule: 'connector-forbidden', requests: 1 }],
      unused: [],
    });
  });

  it('answers 404 problem+json for an unknown tenant', async () => {
    const res = await sandbox.http.get('/__admin/report?tenant=nobody').expect(404);
    await expectContract(res, 'getReport');
    assert.equal(res.body.type, 'urn:tink-sandbox:problem:unknown-tenant');
  });
});

describe('buildReport', () => {
  it('counts requests and statuses per operation, lists uncalled operations, fired and unused rules', () => {
    const report = buildReport({
      tenant: 'default',
      generatedAt: '2026-01-01T00:00:00.000Z',
      journalCapacity: 10,
      operations: [
        {
          api: 'tink',
          operationId: 'createUser',
          method: 'POST',
          path: '/users',
          tags: [],
          summary: undefined,
          statuses: ['201'],
        },
        {
          api: 'xs2a',
          operationId: 'listAccounts',
          method: 'GET',
          path: '/v1/accounts',
          tags: [],
          summary: undefined,
          statuses: ['200'],
        },
      ],
      entries: [
        entry({ id: 'b', time: '2026-01-01T00:00:02.000Z', operationId: 'createUser', status: 409 }),
        entry({
          id: 'a',
          time: '2026-01-01T00:00:01.000Z',
          operationId: 'createUser',
          status: 400,
          violations: [
            { source: 'request', rule: 'schema', where: '/name', message: '/name must be string' },
          ],
          scenario: { name: 'flaky', rule: 'first-fails' },
        }),
        entry({ id: 'c', time: '2026-01-01T00:00:03.000Z', operationId: 'createUser', status: 201 }),
      ],
      rules: [
        { scenario: 'flaky', rule: 'first-fails' },
        { scenario: 'flaky', rule: 'never' },
        { scenario: 'flaky', rule: 'never' },
      ],
    });
    assert.deepEqual(report.operations, [
      {
        api: 'tink',
        operationId: 'createUser',
        method: 'POST',
        path: '/users',
        requests: 3,
        statuses: { '201': 1, '400': 1, '409': 1 },
        violations: 1,
      },
      {
        api: 'xs2a',
        operationId: 'listAccounts',
        method: 'GET',
        path: '/v1/accounts',
        requests: 0,
        statuses: {},
        violations: 0,
      },
    ]);
    assert.equal(report.clean, false);
    assert.deepEqual(report.violations.byRule, { schema: 1 });
    assert.deepEqual(
      report.violations.items.map((item) => item.requestId),
      ['a'],
    );
    assert.deepEqual(report.scenarioRules, {
      fired: [{ scenario: 'flaky', rule: 'first-fails', requests: 1 }],
      unused: [{ scenario: 'flaky', rule: 'never' }],
    });
  });

  it('keeps the latest violation items when there are more than the cap, and counts them all', () => {
    const entries = Array.from({ length: 5 }, (_, i) =>
      entry({
        id: `r${i}`,
        time: `2026-01-01T00:00:0${i}.000Z`,
        path: `/p${i}`,
        violations: [{ source: 'request', rule: 'unknown-path', where: `/p${i}`, message: 'none' }],
      }),
    );
    const report = buildReport({
      tenant: '*',
      generatedAt: '2026-01-01T00:00:00.000Z',
      journalCapacity: 10,
      operations: [],
      entries,
      rules: [],
      maxItems: 2,
    });
    assert.equal(report.violations.requests, 5);
    assert.deepEqual(
      report.violations.items.map((item) => item.requestId),
      ['r3', 'r4'],
    );
    assert.equal(report.unmatched.length, 5);
  });
});
