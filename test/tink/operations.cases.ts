import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { type TestSandbox, useBehaviour } from '../helpers/sandbox.js';
import { elixirClient, SEED_ACCOUNTS, SEED_TRANSACTIONS, slow } from './elixir.js';
import {
  accountState,
  bearer,
  clientToken,
  expectRefused,
  tinkSandbox,
  tinkState,
  userState,
} from './support.js';

describe('tink asynchronous dialect: the Elixir seed example', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await tinkSandbox();
  });
  after(() => sb.close());

  it('upserts accounts for a never-created user, upserts transactions, and polls the operation to COMPLETED', async () => {
    const client = await elixirClient(sb);
    const accounts = await client.post('/connector/users/ext-user-123/accounts', SEED_ACCOUNTS).expect(200);
    await expectContract(accounts, 'ingestAccounts');
    assert.equal(accounts.body.status, 'COMPLETED');
    const op = await client.post('/connector/users/ext-user-123/transactions', SEED_TRANSACTIONS).expect(200);
    await expectContract(op, 'ingestTransactions');
    assert.match(op.body.operationId, /^op-[0-9a-f]{24}$/);
    assert.ok(op.headers['x-tink-request-id']);
    const polled = await client.get(`/data/v2/connector/operations/${op.body.operationId}`).expect(200);
    await expectContract(polled, 'getOperation');
    assert.equal(polled.body.status, 'COMPLETED');

    const user = await userState(sb, 'ext-user-123');
    assert.deepEqual([user?.market, user?.currency], ['GB', 'GBP']);
    const account = user?.accounts.find((a) => a.externalId === 'acc-001');
    assert.equal(account?.storedBalance, 1500);
    assert.deepEqual(
      account?.transactions.map((t) => [t.externalId, t.amount, t.date, t.status]),
      [['tx-001', -9.99, '2024-01-15T00:00:00.000Z', 'BOOKED']],
    );
  });

  it('deletes by externalIds on the v1 path as an operation, and deletes the user (legacy DELETE)', async () => {
    const client = await elixirClient(sb);
    const op = await client
      .post('/connector/users/ext-user-123/transactions/delete', { externalIds: ['tx-001'] })
      .expect(200);
    await expectContract(op, 'deleteTransactions');
    assert.equal(op.body.status, 'COMPLETED');
    const account = await accountState(sb, 'ext-user-123', 'acc-001');
    assert.equal(account?.transactions[0]?.status, 'DELETED');
    await sb.http
      .delete('/connector/users/ext-user-123')
      .set({ authorization: (await client.get('/x')).request.getHeader('authorization') as string })
      .expect(204);
    assert.equal(await userState(sb, 'ext-user-123'), undefined);
  });
});

describe('tink asynchronous operations on the virtual clock', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await tinkSandbox();
  });
  after(() => sb.close());

  it('goes PENDING → IN_PROGRESS → COMPLETED as the clock advances, applying the change only at the end', async () => {
    await slow(sb, { pendingMs: 60_000, inProgressMs: 120_000, outcome: 'COMPLETED' });
    const client = await elixirClient(sb);
    const accounts = await client.post('/connector/users/slow-user/accounts', SEED_ACCOUNTS).expect(200);
    assert.equal(accounts.body.status, 'PENDING');
    const op = await client.post('/connector/users/slow-user/transactions', SEED_TRANSACTIONS).expect(200);
    const status = async () =>
      (await client.get(`/data/v2/connector/operations/${op.body.operationId}`).expect(200)).body;
    assert.equal((await status()).status, 'PENDING');
    assert.equal(
      await userState(sb, 'slow-user'),
      undefined,
      'nothing is applied before the operation completes',
    );

    await sb.http.post('/__admin/clock/advance').send({ by: 'PT1M' }).expect(200);
    assert.equal((await status()).status, 'IN_PROGRESS');
    const advanced = await sb.http.post('/__admin/clock/advance').send({ by: 'PT2M' }).expect(200);
    assert.equal(advanced.body.ran.length, 2, 'both operations ended on the way');
    const done = await status();
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.updatedAt, '2026-01-15T10:03:00.000Z');
    assert.equal((await accountState(sb, 'slow-user', 'acc-001'))?.transactions.length, 1);
    const state = await tinkState(sb);
    const shown = state.operations.find((o) => o.operationId === op.body.operationId);
    assert.equal(shown?.status, 'COMPLETED');
    assert.equal(shown?.timeline.completesAt, '2026-01-15T10:03:00.000Z');
    await useBehaviour(sb, null);
  });

  it('ends FAILED or REJECTED with errorMessage and errorCode when the behaviour says so, changing nothing', async () => {
    const client = await elixirClient(sb);
    for (const outcome of ['FAILED', 'REJECTED'] as const) {
      await slow(sb, { outcome, errorCode: 'BANK_DOWN', errorMessage: 'The bank is down.' });
      const op = await client.post('/connector/users/forced/accounts', SEED_ACCOUNTS).expect(200);
      await expectContract(op, 'ingestAccounts');
      assert.deepEqual(
        [op.body.status, op.body.errorCode, op.body.errorMessage],
        [outcome, 'BANK_DOWN', 'The bank is down.'],
      );
      assert.equal(await userState(sb, 'forced'), undefined);
    }
    await useBehaviour(sb, null);
  });

  it('ends REJECTED with per-item errors for invalid items, and FAILED for an unknown account', async () => {
    const client = await elixirClient(sb);
    const bad = await client
      .post('/connector/users/items/transactions', {
        transactions: [{ externalId: 'x', amount: 'lots', dates: { booked: '1999-01-01' } }],
      })
      .expect(200);
    assert.equal(bad.body.status, 'REJECTED');
    assert.equal(bad.body.errorCode, 'VALIDATION_FAILED');
    assert.deepEqual(bad.body.errors.map((e: { fieldName: string }) => e.fieldName).sort(), [
      'transactions[0].accountExternalId',
      'transactions[0].amount',
      'transactions[0].description',
    ]);
    const old = await client
      .post('/connector/users/items/transactions', {
        transactions: [{ ...SEED_TRANSACTIONS.transactions[0], dates: { booked: '2015-01-01' } }],
      })
      .expect(200);
    assert.equal(
      old.body.errors[0].errorMessage,
      'transactions[0].dates.booked may not be older than 10 years',
    );
    const missing = await client.post('/connector/users/items/transactions', SEED_TRANSACTIONS).expect(200);
    assert.deepEqual(
      [missing.body.status, missing.body.errorCode, missing.body.errors[0].fieldName],
      ['FAILED', 'ACCOUNT_NOT_FOUND', 'transactions[0].accountExternalId'],
    );
    assert.equal(await userState(sb, 'items'), undefined);
  });

  it('answers 400 at once when the top-level shape is wrong, and 404 for an unknown operation', async () => {
    const client = await elixirClient(sb);
    const res = await expectRefused(sb, 'ingestTransactions', 400, () =>
      client.post('/connector/users/u/transactions', { transactions: [] }),
    );
    assert.deepEqual(res.body.errors, [
      { fieldName: 'transactions', errorMessage: 'transactions may not be empty' },
    ]);
    const unknown = await expectRefused(sb, 'getOperation', 404, () =>
      client.get('/data/v2/connector/operations/op-nope'),
    );
    assert.deepEqual(unknown.body, {
      errorMessage: 'Could not find the operation.',
      errorCode: 'operation.not_found',
    });
    await expectRefused(sb, 'getOperation', 401, () => sb.http.get('/data/v2/connector/operations/op-nope'));
    const narrow = await clientToken(sb, 'user:create');
    await expectRefused(sb, 'getOperation', 403, () =>
      sb.http.get('/data/v2/connector/operations/op-nope').set(bearer(narrow)),
    );
  });
});
