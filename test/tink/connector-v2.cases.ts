import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { elixirClient, SEED_ACCOUNTS, SEED_TRANSACTIONS } from './elixir.js';
import { accountState, bearer, clientToken, expectRefused, tinkSandbox } from './support.js';

describe('tink v2 connector paths', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await tinkSandbox({ bodyLimit: 4096 });
  });
  after(() => sb.close());

  it('upserts, updates and deletes through /data/v2/connector, each as an operation', async () => {
    const client = await elixirClient(sb);
    const steps: Array<[string, string, unknown]> = [
      [
        'upsertAccountsV2',
        '/data/v2/connector/accounts',
        { accounts: [{ ...SEED_ACCOUNTS.accounts[0], externalId: 'v2-acc', externalUserId: 'v2-user' }] },
      ],
      [
        'upsertTransactionsV2',
        '/data/v2/connector/transactions',
        { transactions: [{ ...SEED_TRANSACTIONS.transactions[0], accountExternalId: 'v2-acc' }] },
      ],
      [
        'batchUpdateTransactionsV2',
        '/data/v2/connector/transactions:batchUpdate',
        {
          transactions: [
            {
              ...SEED_TRANSACTIONS.transactions[0],
              accountExternalId: 'v2-acc',
              description: 'Spotify Family',
            },
          ],
        },
      ],
    ];
    for (const [operationId, path, body] of steps) {
      const res = await client.post(path, body).expect(200);
      await expectContract(res, operationId);
      assert.equal(res.body.status, 'COMPLETED', `${operationId}: ${JSON.stringify(res.body)}`);
    }
    const account = await accountState(sb, 'v2-user', 'v2-acc');
    assert.equal(account?.transactions[0]?.description, 'Spotify Family');

    const batchDelete = await client
      .post('/data/v2/connector/transactions:batchDelete', { externalIds: ['tx-001'] })
      .expect(200);
    await expectContract(batchDelete, 'batchDeleteTransactionsV2');
    assert.equal((await accountState(sb, 'v2-user', 'v2-acc'))?.transactions[0]?.status, 'DELETED');
    const deleteAccounts = await client
      .post('/data/v2/connector/accounts:delete', { externalIds: ['v2-acc'] })
      .expect(200);
    await expectContract(deleteAccounts, 'deleteAccountsV2');
    assert.equal(await accountState(sb, 'v2-user', 'v2-acc'), undefined);

    const failed = await client
      .post('/data/v2/connector/accounts:delete', { externalIds: ['v2-acc'] })
      .expect(200);
    assert.deepEqual([failed.body.status, failed.body.errorCode], ['FAILED', 'ACCOUNT_NOT_FOUND']);
  });

  it('puts accounts without externalUserId under connector-v2-user', async () => {
    const client = await elixirClient(sb);
    await client.post('/data/v2/connector/accounts', SEED_ACCOUNTS).expect(200);
    assert.ok(await accountState(sb, 'connector-v2-user', 'acc-001'));
  });

  const v2 = [
    'upsertAccountsV2',
    'deleteAccountsV2',
    'upsertTransactionsV2',
    'batchDeleteTransactionsV2',
    'batchUpdateTransactionsV2',
  ];
  const paths = [
    'accounts',
    'accounts:delete',
    'transactions',
    'transactions:batchDelete',
    'transactions:batchUpdate',
  ];
  const bodies = [
    SEED_ACCOUNTS,
    { externalIds: ['a'] },
    SEED_TRANSACTIONS,
    { externalIds: ['a'] },
    SEED_TRANSACTIONS,
  ];

  it('refuses v2 writes: 400 wrong shape, 401 no token, 403 wrong scope, 413 too large', async () => {
    const client = await elixirClient(sb);
    const accountsOnly = await clientToken(sb, 'accounts:write');
    const usersOnly = await clientToken(sb, 'user:create');
    for (const [i, operationId] of v2.entries()) {
      const path = `/data/v2/connector/${paths[i]}`;
      const bad = await expectRefused(sb, operationId, 400, () => client.post(path, { nothing: true }));
      assert.equal(bad.body.errors[0].errorMessage.endsWith('may not be null'), true);
      await expectRefused(sb, operationId, 401, () => sb.http.post(path).send(bodies[i] as object));
      const wrong = operationId.includes('Accounts') ? usersOnly : accountsOnly;
      await expectRefused(sb, operationId, 403, () =>
        sb.http
          .post(path)
          .set(bearer(wrong))
          .send(bodies[i] as object),
      );
      await expectRefused(sb, operationId, 413, () => client.post(path, { externalIds: ['x'.repeat(5000)] }));
    }
  });

  it('answers 404 on v2 paths and 400 for the asynchronous dialect on v1 paths when started documented-only', async () => {
    const strict = await tinkSandbox({ documentedOnly: true });
    const client = await elixirClient(strict);
    for (const [i, operationId] of v2.entries()) {
      const res = await expectRefused(strict, operationId, 404, () =>
        client.post(`/data/v2/connector/${paths[i]}`, bodies[i]),
      );
      assert.equal(res.body.errorCode, 'not_found');
    }
    await expectRefused(strict, 'getOperation', 404, () => client.get('/data/v2/connector/operations/op-1'));
    await expectRefused(strict, 'upsertAccountsV2', 404, () =>
      client.post('/data/v2/connector/accounts', { wrong: 1 }),
    );
    const accounts = await expectRefused(strict, 'ingestAccounts', 400, () =>
      client.post('/connector/users/demo-user/accounts', SEED_ACCOUNTS),
    );
    assert.deepEqual(accounts.body.errors.map((e: { fieldName: string }) => e.fieldName).sort(), [
      'accounts[0].balance',
      'accounts[0].number',
    ]);
    const txs = await expectRefused(strict, 'ingestTransactions', 400, () =>
      client.post('/connector/users/demo-user/transactions', SEED_TRANSACTIONS),
    );
    assert.deepEqual(txs.body.errors.map((e: { fieldName: string }) => e.fieldName).sort(), [
      'transactionAccounts',
      'type',
    ]);
    const del = await expectRefused(strict, 'deleteTransactions', 400, () =>
      client.post('/connector/users/demo-user/transactions/delete', { externalIds: ['x'] }),
    );
    assert.equal(del.body.errorMessage, 'Validation of the sent data failed.');
    await strict.close();
  });
});
