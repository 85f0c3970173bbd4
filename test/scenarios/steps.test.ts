import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tinkOperationStatus } from '../../server/scenarios/domain-hooks.js';
import { nearestOperations } from '../../server/scenarios/nearest.js';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';

describe('control-plane steps for the emulations', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-01-01T00:00:00Z', clockFrozen: true });
    const tenant = sandbox.deps.store.tenant('default')!;
    tenant.behaviour.tink.operations = { pendingMs: 60_000, inProgressMs: 60_000, outcome: 'COMPLETED' };
    const createdAt = Date.parse('2026-01-01T00:00:00Z');
    tenant.tink.operations['op-1'] = { operationId: 'op-1', kind: 'accounts', createdAt };
    tenant.tink.operations['op-2'] = { operationId: 'op-2', kind: 'accounts', createdAt };
  });
  after(() => sandbox.close());

  it('advances a Tink operation phase by phase, then refuses to move an ended one', async () => {
    const tenant = sandbox.deps.store.tenant('default')!;
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(
      tinkOperationStatus(tenant.tink.operations['op-1']!, tenant.behaviour.tink, now).status,
      'PENDING',
    );
    const first = await sandbox.http.post('/__admin/tink/operations/op-1/advance').expect(200);
    await expectContract(first, 'advanceTinkOperation');
    assert.deepEqual(first.body, { ok: true, operationId: 'op-1', status: 'IN_PROGRESS' });
    assert.equal(
      (await sandbox.http.post('/__admin/tink/operations/op-1/advance').expect(200)).body.status,
      'COMPLETED',
    );
    const ended = await sandbox.http.post('/__admin/tink/operations/op-1/fail').send({}).expect(409);
    assert.match(ended.body.detail, /already ended as COMPLETED/);
  });

  it('fails an operation with per-item errors, as REJECTED when asked', async () => {
    const errors = [{ externalId: 'acc-1', errorMessage: 'Currency mismatch.' }];
    const res = await sandbox.http
      .post('/__admin/tink/operations/op-2/fail')
      .send({ status: 'REJECTED', errors })
      .expect(200);
    await expectContract(res, 'failTinkOperation');
    assert.deepEqual(res.body, { ok: true, operationId: 'op-2', status: 'REJECTED', errors });
    const tenant = sandbox.deps.store.tenant('default')!;
    assert.deepEqual(tinkOperationStatus(tenant.tink.operations['op-2']!, tenant.behaviour.tink, 0), {
      status: 'REJECTED',
      errors,
    });
  });

  it('answers 404 naming the known operations for an unknown one', async () => {
    const res = await sandbox.http.post('/__admin/tink/operations/nope/complete').expect(404);
    await expectContract(res, 'completeTinkOperation');
    assert.match(res.body.detail, /no Tink operation 'nope'; known: op-1, op-2/);
  });

  it("makes a connection's next sync fail, as seen through the XS2A API", async () => {
    const { xs2a } = (await sandbox.http.get('/__admin/state').expect(200)).body;
    const connection = xs2a.connections[0];
    const token = xs2a.tokens[0].token;
    const res = await sandbox.http
      .post(`/__admin/xs2a/connections/${connection.id}/fail-next-sync`)
      .send({ message: 'Bank login failed.' })
      .expect(200);
    await expectContract(res, 'failNextXs2aSync');
    await sandbox.http.post(`/v1/api/connections/${connection.id}/sync`).auth('api', token).send({});
    const after = await sandbox.http
      .get(`/v1/api/connections/${connection.id}`)
      .auth('api', token)
      .expect(200);
    assert.equal(after.body.sync_fail_counter, 1);
    assert.equal(after.body.sync_active, false);
    assert.equal(after.body.sync_message, 'Bank login failed.');
    assert.equal(after.body.sync_mode, 'none');
    await sandbox.http.post('/__admin/xs2a/connections/nope/fail-next-sync').send({}).expect(404);
  });

  it('lists unmatched requests with the reason', async () => {
    await sandbox.http.get('/connector/users/u1/acounts').expect(404);
    const res = await sandbox.http.get('/__admin/requests/unmatched').expect(200);
    await expectContract(res, 'listUnmatchedRequests');
    assert.equal(res.body.requests[0].path, '/connector/users/u1/acounts');
    assert.equal(res.body.requests[0].reason, 'unknown-path');
  });

  it('ranks the nearest operations: a typo, then another method, then a different path', () => {
    const ops = [
      {
        api: 'tink' as const,
        method: 'POST',
        path: '/connector/users/{externalUserId}/accounts',
        operationId: 'ingest',
      },
      {
        api: 'tink' as const,
        method: 'POST',
        path: '/connector/users/{externalUserId}/transactions',
        operationId: 'tx',
      },
      { api: 'tink' as const, method: 'POST', path: '/api/v1/oauth/token', operationId: 'token' },
    ];
    const nearest = nearestOperations('POST', '/connector/users/u1/acounts', ops);
    assert.deepEqual(
      nearest.map((n) => n.operationId),
      ['ingest', 'tx', 'token'],
    );
    assert.ok(nearest[0]!.distance < 0.2);
  });
});
