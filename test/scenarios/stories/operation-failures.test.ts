import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { SEED_ACCOUNTS, SEED_TRANSACTIONS } from '../../tink/elixir.js';
import { admin, elixir, rules, type Story, startStory } from './story.js';

describe('story: operation-failures', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('fails the first async write with per-item errors, rejects the second, completes the rest; 30 s each', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    await control.use('operation-failures');
    const tink = await elixir(sb, tenant);
    const poll = async (id: string) => {
      const res = await tink.get(`/data/v2/connector/operations/${id}`);
      await expectContract(res, 'getOperation');
      return res.body;
    };

    const first = await tink.post('/connector/users/ext-fail/accounts', SEED_ACCOUNTS);
    await expectContract(first, 'ingestAccounts');
    assert.equal(first.body.status, 'PENDING');
    const second = await tink.post('/connector/users/ext-fail/transactions', SEED_TRANSACTIONS);
    assert.equal(second.body.status, 'PENDING');
    const third = await tink.post('/connector/users/ext-fail/accounts', SEED_ACCOUNTS);
    const fourth = await tink.post('/data/v2/connector/transactions', {
      transactions: [{ ...SEED_TRANSACTIONS.transactions[0], externalId: 'tx-002' }],
    });
    assert.equal(fourth.status, 200, fourth.text);

    await control.advance('PT10S');
    assert.equal((await poll(first.body.operationId)).status, 'IN_PROGRESS');
    await control.advance('PT19S');
    assert.equal((await poll(first.body.operationId)).status, 'IN_PROGRESS');
    await control.advance('PT1S');

    assert.deepEqual(await poll(first.body.operationId), {
      operationId: first.body.operationId,
      status: 'FAILED',
      type: first.body.type,
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:30.000Z',
      errorMessage: 'Some items could not be saved.',
      errorCode: 'OPERATION_FAILED',
      errors: [
        {
          fieldName: 'accounts[0].balance.amount.currencyCode',
          errorMessage: 'Account acc-001: the currency does not match the market.',
        },
      ],
    });
    const rejected = await poll(second.body.operationId);
    assert.equal(rejected.status, 'REJECTED');
    assert.equal(rejected.errorCode, 'OPERATION_REJECTED');
    assert.equal((await poll(third.body.operationId)).status, 'COMPLETED');
    assert.equal((await poll(fourth.body.operationId)).status, 'COMPLETED');

    // Only the completed writes changed the tenant's data: the third write's account and the fourth's
    // transaction, not the second's.
    const state = await control.state();
    const owner = state.tink.users.find((u: { externalUserId: string }) => u.externalUserId === 'ext-fail');
    assert.deepEqual(
      owner.accounts.map((a: { externalId: string; transactions: Array<{ externalId: string }> }) => [
        a.externalId,
        a.transactions.map((t) => t.externalId),
      ]),
      [['acc-001', ['tx-002']]],
    );
    assert.deepEqual(rules(await control.journal()), [
      'ingestAccounts operation-failures/first-write-fails',
      'ingestTransactions operation-failures/second-write-rejected',
    ]);

    // The bystander's same writes complete at once.
    const other = await elixir(sb, bystander);
    for (const [path, body] of [
      ['/connector/users/ext-fail/accounts', SEED_ACCOUNTS],
      ['/connector/users/ext-fail/transactions', SEED_TRANSACTIONS],
    ] as const) {
      const res = await other.post(path, body).expect(200);
      assert.equal(res.body.status, 'COMPLETED');
    }
  });

  it('forces an outcome with the admin step, with per-item errors', async () => {
    const { sb, tenant } = story;
    const control = admin(sb, tenant);
    const tink = await elixir(sb, tenant);
    const op = await tink.post('/connector/users/ext-fail/transactions', SEED_TRANSACTIONS).expect(200);
    assert.equal(op.body.status, 'PENDING');
    const errors = [{ fieldName: 'transactions[0].amount', errorMessage: 'Amount is out of range.' }];
    const res = await control.post(`/__admin/tink/operations/${op.body.operationId}/fail`, {
      status: 'REJECTED',
      errors,
    });
    assert.equal(res.status, 200, res.text);
    const polled = (await tink.get(`/data/v2/connector/operations/${op.body.operationId}`)).body;
    assert.equal(polled.status, 'REJECTED');
    assert.deepEqual(polled.errors, errors);
  });
});
