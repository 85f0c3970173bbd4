import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nearestOperations } from '../../server/scenarios/nearest.js';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { elixirClient, SEED_ACCOUNTS, SEED_TRANSACTIONS } from '../tink/elixir.js';

describe('control-plane steps for the emulations', () => {
  let sandbox: TestSandbox;
  let tink: Awaited<ReturnType<typeof elixirClient>>;
  const operations: string[] = [];

  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-01-01T00:00:00Z', clockFrozen: true });
    await sandbox.http.put('/__admin/scenario').send({ name: 'slow-operations' }).expect(200);
    tink = await elixirClient(sandbox);
    const accounts = await tink.post('/connector/users/ext-user-123/accounts', SEED_ACCOUNTS).expect(200);
    // Transactions need their account: finish the account upsert first, as a client would wait for it.
    await sandbox.http.post(`/__admin/tink/operations/${accounts.body.operationId}/complete`).expect(200);
    for (let i = 0; i < 2; i += 1) {
      const res = await tink
        .post('/connector/users/ext-user-123/transactions', SEED_TRANSACTIONS)
        .expect(200);
      operations.push(res.body.operationId);
    }
  });
  after(() => sandbox.close());

  const status = async (id: string) =>
    (await tink.get(`/data/v2/connector/operations/${id}`).expect(200)).body;

  it('advances a Tink operation phase by phase, applies it, then refuses to move an ended one', async () => {
    const [id] = operations as [string];
    assert.equal((await status(id)).status, 'PENDING');
    const first = await sandbox.http.post(`/__admin/tink/operations/${id}/advance`).expect(200);
    await expectContract(first, 'advanceTinkOperation');
    assert.deepEqual(first.body, { ok: true, operationId: id, status: 'IN_PROGRESS' });
    assert.equal((await status(id)).status, 'IN_PROGRESS');
    const second = await sandbox.http.post(`/__admin/tink/operations/${id}/advance`).expect(200);
    assert.equal(second.body.status, 'COMPLETED');
    assert.equal((await status(id)).status, 'COMPLETED');
    const { tink: data } = (await sandbox.http.get('/__admin/state').expect(200)).body;
    const user = data.users.find((u: { externalUserId: string }) => u.externalUserId === 'ext-user-123');
    assert.ok(
      user.accounts[0].transactions.some((t: { externalId: string }) => t.externalId === 'tx-001'),
      'applied',
    );
    const ended = await sandbox.http.post(`/__admin/tink/operations/${id}/fail`).send({}).expect(409);
    await expectContract(ended, 'failTinkOperation');
    assert.match(ended.body.detail, /already ended as COMPLETED/);
  });

  it('fails an operation with per-item errors, as REJECTED when asked, and the client polls them', async () => {
    const id = operations[1]!;
    const errors = [{ fieldName: 'transactions[0].amount', errorMessage: 'Currency mismatch.' }];
    const res = await sandbox.http
      .post(`/__admin/tink/operations/${id}/fail`)
      .send({ status: 'REJECTED', errors })
      .expect(200);
    await expectContract(res, 'failTinkOperation');
    assert.deepEqual(res.body, { ok: true, operationId: id, status: 'REJECTED', errors });
    const polled = await status(id);
    assert.equal(polled.status, 'REJECTED');
    assert.deepEqual(polled.errors, errors);
    assert.equal(typeof polled.errorMessage, 'string');
  });

  it('answers 404 naming the known operations for an unknown one', async () => {
    const res = await sandbox.http.post('/__admin/tink/operations/nope/complete').expect(404);
    await expectContract(res, 'completeTinkOperation');
    assert.match(res.body.detail, /no Tink operation 'nope'; known: op-/);
    for (const id of operations) assert.ok(res.body.detail.includes(id));
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
