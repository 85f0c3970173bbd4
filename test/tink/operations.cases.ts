import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import {
  accountState,
  bearer,
  clientToken,
  expectRefused,
  tinkSandbox,
  tinkState,
  userState,
} from './support.js';

/** What the Elixir `tink` 1.0 client sends for the example in its Tink.Connector moduledoc (reference §2.2–§2.5). */
const ELIXIR_HEADERS = { accept: 'application/json', 'user-agent': 'tink-elixir/1.0.0' };
const SEED_ACCOUNTS = {
  accounts: [
    {
      externalId: 'acc-001',
      name: 'Current Account',
      type: 'CHECKING',
      balance: { amount: { currencyCode: 'GBP', value: 1500.0 } },
    },
  ],
};
const SEED_TRANSACTIONS = {
  transactions: [
    {
      externalId: 'tx-001',
      accountExternalId: 'acc-001',
      description: 'Spotify',
      amount: { currencyCode: 'GBP', value: -9.99 },
      dates: { booked: '2024-01-15' },
    },
  ],
};

async function elixirClient(sb: TestSandbox) {
  const res = await sb.http
    .post('/api/v1/oauth/token')
    .set({ ...ELIXIR_HEADERS, authorization: 'Bearer ', 'content-type': 'application/x-www-form-urlencoded' })
    .send(
      'client_id=sandbox-client-id&client_secret=sandbox-client-secret&grant_type=client_credentials&scope=accounts%3Awrite+transactions%3Awrite',
    )
    .expect(200);
  const headers = {
    ...ELIXIR_HEADERS,
    authorization: `Bearer ${res.body.access_token}`,
    'content-type': 'application/json',
  };
  return {
    post: (path: string, body: unknown) => sb.http.post(path).set(headers).send(JSON.stringify(body)),
    get: (path: string) => sb.http.get(path).set(headers),
    delete: (path: string) => sb.http.delete(path).set(headers),
  };
}

const slow = (sb: TestSandbox, operations: Record<string, unknown>) => {
  Object.assign(sb.deps.store.tenant('default')!.behaviour.tink.operations, operations);
};

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
    slow(sb, { pendingMs: 60_000, inProgressMs: 120_000, outcome: 'COMPLETED' });
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
    slow(sb, { pendingMs: 0, inProgressMs: 0 });
  });

  it('ends FAILED or REJECTED with errorMessage and errorCode when the behaviour says so, changing nothing', async () => {
    const client = await elixirClient(sb);
    for (const outcome of ['FAILED', 'REJECTED'] as const) {
      slow(sb, { outcome, errorCode: 'BANK_DOWN', errorMessage: 'The bank is down.' });
      const op = await client.post('/connector/users/forced/accounts', SEED_ACCOUNTS).expect(200);
      await expectContract(op, 'ingestAccounts');
      assert.deepEqual(
        [op.body.status, op.body.errorCode, op.body.errorMessage],
        [outcome, 'BANK_DOWN', 'The bank is down.'],
      );
      assert.equal(await userState(sb, 'forced'), undefined);
    }
    slow(sb, { outcome: 'COMPLETED', errorCode: undefined, errorMessage: undefined });
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
