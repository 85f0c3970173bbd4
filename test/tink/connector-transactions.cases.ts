import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import {
  accountState,
  bearer,
  clientToken,
  container,
  expectRefused,
  tinkSandbox,
  transaction,
  userWithAccount,
} from './support.js';

describe('tink connector transactions (v1, documented)', () => {
  let sb: TestSandbox;
  let token: string;
  before(async () => {
    sb = await tinkSandbox({ bodyLimit: 16384 });
    token = await clientToken(sb);
    await userWithAccount(sb, token, 'tx-user');
  });
  after(() => sb.close());

  const ingest = (body: unknown, user = 'tx-user') =>
    sb.http
      .post(`/connector/users/${user}/transactions`)
      .set(bearer(token))
      .send(body as object);
  const ids = (txs: Array<{ externalId: string; status: string }>) =>
    Object.fromEntries(txs.map((tx) => [tx.externalId, tx.status]));

  it('answers 204, stores the transactions and the balance less reserved', async () => {
    const res = await ingest(
      container(
        'acc-1',
        [transaction('t1'), transaction('t2', { pending: true })],
        {},
        { balance: 500, reservedAmount: 20 },
      ),
    );
    assert.equal(res.status, 204);
    await expectContract(res, 'ingestTransactions');
    const acc = await accountState(sb, 'tx-user', 'acc-1');
    assert.deepEqual(ids(acc!.transactions), { t1: 'BOOKED', t2: 'PENDING' });
    assert.equal(acc?.storedBalance, 480);
    assert.equal(acc?.transactions.find((t) => t.externalId === 't1')?.date, '2026-01-10T12:00:00.000Z');
  });

  it('accepts ISO-8601 dates and ignores the balance of a HISTORICAL ingest', async () => {
    await ingest(
      container('acc-1', [transaction('h1', { date: '2025-03-01' })], { type: 'HISTORICAL' }, { balance: 1 }),
    ).expect(204);
    const acc = await accountState(sb, 'tx-user', 'acc-1');
    assert.equal(acc?.storedBalance, 480);
    assert.equal(acc?.transactions.find((t) => t.externalId === 'h1')?.date, '2025-03-01T00:00:00.000Z');
  });

  it('books a pending transaction named in PENDING_IDS and drops a pending one booked in the same batch', async () => {
    await ingest(
      container('acc-1', [
        transaction('b1', { payload: { PENDING_IDS: ['t2', 'p9'] } }),
        transaction('p9', { pending: true }),
      ]),
    ).expect(204);
    const acc = await accountState(sb, 'tx-user', 'acc-1');
    const status = ids(acc!.transactions);
    assert.equal(status.b1, 'BOOKED');
    assert.equal(status.t2, undefined, 'stored pending t2 was replaced');
    assert.equal(status.p9, undefined, 'pending p9 of the batch was dropped');
  });

  it('replaces every stored pending transaction with overridePending', async () => {
    await ingest(
      container('acc-1', [transaction('op1', { pending: true }), transaction('op2', { pending: true })]),
    ).expect(204);
    await ingest(
      container('acc-1', [transaction('op3', { pending: true })], { overridePending: true }),
    ).expect(204);
    const status = ids((await accountState(sb, 'tx-user', 'acc-1'))!.transactions);
    assert.deepEqual([status.op1, status.op2, status.op3], [undefined, undefined, 'PENDING']);
  });

  it('answers 400 with field errors for a malformed container', async () => {
    const res = await expectRefused(sb, 'ingestTransactions', 400, () =>
      ingest({
        type: 'SOMETIMES',
        transactionAccounts: [
          { externalId: 'acc-1', balance: 1, transactions: [{ externalId: 'x', amount: '1' }] },
        ],
      }),
    );
    const fields = res.body.errors.map((e: { fieldName: string }) => e.fieldName);
    assert.ok(fields.includes('type'));
    assert.ok(fields.includes('transactionAccounts[0].transactions[0].amount'));
    assert.ok(fields.includes('transactionAccounts[0].transactions[0].description'));
  });

  it('answers 400 for dates older than 10 years by the tenant clock, duplicates, and a missing balance', async () => {
    const old = await expectRefused(sb, 'ingestTransactions', 400, () =>
      ingest(container('acc-1', [transaction('old', { date: Date.parse('2016-01-15T09:59:59.999Z') })])),
    );
    assert.deepEqual(old.body.errors, [
      {
        fieldName: 'transactionAccounts[0].transactions[0].date',
        errorMessage: 'transactionAccounts[0].transactions[0].date may not be older than 10 years',
      },
    ]);
    const dup = await expectRefused(sb, 'ingestTransactions', 400, () =>
      ingest(container('acc-1', [transaction('d'), transaction('d')])),
    );
    assert.equal(dup.body.errors[0].fieldName, 'transactionAccounts[0].transactions');
    const body = container('acc-1', [transaction('nb')]);
    delete (body.transactionAccounts[0] as { balance?: number }).balance;
    const balance = await expectRefused(sb, 'ingestTransactions', 400, () => ingest(body));
    assert.equal(balance.body.errors[0].errorMessage, 'transactionAccounts[0].balance may not be null');
  });

  it('answers 400 for more than 2500 transactions in one request', async () => {
    const many = Array.from({ length: 2501 }, (_, i) => ({
      externalId: `m${i}`,
      amount: 1,
      date: 1767225600000,
      description: 'm',
      type: 'DEFAULT',
    }));
    const big = await tinkSandbox();
    const bigToken = await clientToken(big);
    await userWithAccount(big, bigToken, 'tx-user');
    const res = await expectRefused(big, 'ingestTransactions', 400, () =>
      big.http
        .post('/connector/users/tx-user/transactions')
        .set(bearer(bigToken))
        .send(container('acc-1', many)),
    );
    assert.equal(
      res.body.errors[0].errorMessage,
      'transactionAccounts may hold at most 2500 transactions in total',
    );
    await big.close();
  });

  it('answers 400 "Could not find the account." for an unknown account', async () => {
    const res = await expectRefused(sb, 'ingestTransactions', 400, () =>
      ingest(container('nope', [transaction('x')])),
    );
    assert.deepEqual(res.body, {
      errorMessage: 'Could not find the account.',
      externalUserId: 'tx-user',
      externalAccountId: 'nope',
    });
  });

  it('answers 404 for an unknown user and 412 for a user without accounts', async () => {
    const user = await expectRefused(sb, 'ingestTransactions', 404, () =>
      ingest(container('acc-1', [transaction('x')]), 'nobody'),
    );
    assert.deepEqual(user.body, { errorMessage: 'Could not find the user.', externalUserId: 'nobody' });
    await sb.http
      .post('/api/v1/user/create')
      .set(bearer(token))
      .send({ market: 'GB', external_user_id: 'empty' })
      .expect(200);
    const none = await expectRefused(sb, 'ingestTransactions', 412, () =>
      ingest(container('acc-1', [transaction('x')]), 'empty'),
    );
    assert.deepEqual(none.body, {
      errorMessage: 'Could not find any accounts for the user.',
      externalUserId: 'empty',
    });
  });

  it('answers 409 for an existing transaction and 410 for a deleted one', async () => {
    const conflict = await expectRefused(sb, 'ingestTransactions', 409, () =>
      ingest(container('acc-1', [transaction('t1'), transaction('fresh')])),
    );
    assert.deepEqual(conflict.body, {
      errorMessage: 'The transaction already exists.',
      externalUserId: 'tx-user',
      externalAccountId: 'acc-1',
      externalTransactionId: 't1',
    });
    await sb.http
      .post('/connector/users/tx-user/transactions/delete')
      .set(bearer(token))
      .send(container('acc-1', [{ externalId: 't1' }]))
      .expect(204);
    const gone = await expectRefused(sb, 'ingestTransactions', 410, () =>
      ingest(container('acc-1', [transaction('t1')])),
    );
    assert.equal(gone.body.errorMessage, 'Transaction has already been deleted.');
    assert.equal(gone.body.externalTransactionId, 't1');
  });

  it('answers 401 without a token, 403 without transactions:write, 413 over the limit', async () => {
    await expectRefused(sb, 'ingestTransactions', 401, () =>
      sb.http.post('/connector/users/tx-user/transactions').send({}),
    );
    const narrow = await clientToken(sb, 'accounts:write');
    await expectRefused(sb, 'ingestTransactions', 403, () =>
      sb.http
        .post('/connector/users/tx-user/transactions')
        .set(bearer(narrow))
        .send(container('acc-1', [transaction('x')])),
    );
    await expectRefused(sb, 'ingestTransactions', 413, () =>
      ingest(container('acc-1', [transaction('x', { description: 'd'.repeat(20000) })])),
    );
  });

  const update = (id: string, body: unknown, user = 'tx-user') =>
    sb.http
      .put(`/connector/users/${user}/transactions/${id}`)
      .set(bearer(token))
      .send(body as object);

  it('updates one transaction (REAL_TIME, one account, one transaction) and the balance', async () => {
    const res = await update(
      'b1',
      container('acc-1', [transaction('b1', { amount: -99 })], {}, { balance: 123 }),
    ).expect(204);
    await expectContract(res, 'updateTransaction');
    const acc = await accountState(sb, 'tx-user', 'acc-1');
    assert.equal(acc?.transactions.find((t) => t.externalId === 'b1')?.amount, -99);
    assert.equal(acc?.storedBalance, 123);
  });

  it('refuses updates: 400 not REAL_TIME, id mismatch or unknown account; 404 unknown user or transaction', async () => {
    const batch = await expectRefused(sb, 'updateTransaction', 400, () =>
      update('b1', container('acc-1', [transaction('b1')], { type: 'BATCH' })),
    );
    assert.equal(batch.body.errors[0].errorMessage, 'type Container type must be REAL_TIME');
    const two = await expectRefused(sb, 'updateTransaction', 400, () =>
      update('b1', container('acc-1', [transaction('b1'), transaction('b2')])),
    );
    assert.equal(two.body.errors[0].fieldName, 'transactionAccounts[0].transactions');
    const mismatch = await expectRefused(sb, 'updateTransaction', 400, () =>
      update('other', container('acc-1', [transaction('b1')])),
    );
    assert.equal(
      mismatch.body.errorMessage,
      'The specified ID in the request URI and in the payload does not match.',
    );
    const acc = await expectRefused(sb, 'updateTransaction', 400, () =>
      update('b1', container('nope', [transaction('b1')])),
    );
    assert.equal(acc.body.errorMessage, 'Could not find the account.');
    const user = await expectRefused(sb, 'updateTransaction', 404, () =>
      update('b1', container('acc-1', [transaction('b1')]), 'nobody'),
    );
    assert.equal(user.body.errorMessage, 'Could not find the user.');
    const tx = await expectRefused(sb, 'updateTransaction', 404, () =>
      update('zz', container('acc-1', [transaction('zz')])),
    );
    assert.equal(tx.body.errorMessage, 'Could not find the transaction.');
    await expectRefused(sb, 'updateTransaction', 401, () =>
      sb.http.put('/connector/users/tx-user/transactions/b1').send({}),
    );
    const narrow = await clientToken(sb, 'accounts:write');
    await expectRefused(sb, 'updateTransaction', 403, () =>
      sb.http
        .put('/connector/users/tx-user/transactions/b1')
        .set(bearer(narrow))
        .send(container('acc-1', [transaction('b1')])),
    );
    await expectRefused(sb, 'updateTransaction', 413, () =>
      update('b1', container('acc-1', [transaction('b1', { description: 'd'.repeat(20000) })])),
    );
  });

  const remove = (body: unknown, user = 'tx-user') =>
    sb.http
      .post(`/connector/users/${user}/transactions/delete`)
      .set(bearer(token))
      .send(body as object);

  it('deletes transactions, keeping them as DELETED, and refuses what it cannot find', async () => {
    const res = await remove(container('acc-1', [{ externalId: 'b1' }])).expect(204);
    await expectContract(res, 'deleteTransactions');
    const acc = await accountState(sb, 'tx-user', 'acc-1');
    assert.equal(acc?.transactions.find((t) => t.externalId === 'b1')?.status, 'DELETED');
    const batch = await expectRefused(sb, 'deleteTransactions', 400, () =>
      remove(container('acc-1', [{ externalId: 'h1' }], { type: 'BATCH' })),
    );
    assert.equal(batch.body.errors[0].fieldName, 'type');
    const account = await expectRefused(sb, 'deleteTransactions', 400, () =>
      remove(container('nope', [{ externalId: 'h1' }])),
    );
    assert.equal(account.body.errorMessage, 'Could not find the account.');
    const user = await expectRefused(sb, 'deleteTransactions', 404, () =>
      remove(container('acc-1', [{ externalId: 'h1' }]), 'nobody'),
    );
    assert.equal(user.body.errorMessage, 'Could not find the user.');
    const tx = await expectRefused(sb, 'deleteTransactions', 404, () =>
      remove(container('acc-1', [{ externalId: 'h1' }, { externalId: 'zz' }])),
    );
    assert.deepEqual(tx.body, {
      errorMessage: 'Could not find the transaction.',
      externalUserId: 'tx-user',
      externalAccountId: 'acc-1',
      externalTransactionId: 'zz',
    });
    await expectRefused(sb, 'deleteTransactions', 401, () =>
      sb.http.post('/connector/users/tx-user/transactions/delete').send({}),
    );
    const narrow = await clientToken(sb, 'accounts:write');
    await expectRefused(sb, 'deleteTransactions', 403, () =>
      sb.http
        .post('/connector/users/tx-user/transactions/delete')
        .set(bearer(narrow))
        .send(container('acc-1', [{ externalId: 'h1' }])),
    );
    await expectRefused(sb, 'deleteTransactions', 413, () =>
      remove(container('acc-1', [{ externalId: 'x'.repeat(20000) }])),
    );
  });
});
