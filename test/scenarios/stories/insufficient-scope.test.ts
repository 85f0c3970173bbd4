import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { SEED_ACCOUNTS, SEED_TRANSACTIONS } from '../../tink/elixir.js';
import { admin, elixir, rules, type Story, startStory } from './story.js';

describe('story: insufficient-scope', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('issues tokens but refuses every connector call with Tink 403, as a token without the scope is', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    await control.use('insufficient-scope');
    const tink = await elixir(sb, tenant);
    const calls = [
      ['ingestAccounts', () => tink.post('/connector/users/ext-scope/accounts', SEED_ACCOUNTS)],
      ['ingestTransactions', () => tink.post('/connector/users/ext-scope/transactions', SEED_TRANSACTIONS)],
      ['upsertAccountsV2', () => tink.post('/data/v2/connector/accounts', SEED_ACCOUNTS)],
      ['getOperation', () => tink.get('/data/v2/connector/operations/op-1')],
    ] as const;
    for (const [operationId, call] of calls) {
      const res = await call();
      assert.equal(res.status, 403, `${operationId}: ${res.text}`);
      await expectContract(res, operationId);
      assert.deepEqual(res.body, {
        errorMessage:
          'The access token does not have the scope this endpoint requires (accounts:write, transactions:write).',
        errorCode: 'auth.insufficient_scope',
      });
    }
    assert.deepEqual(
      rules(await control.journal()),
      calls.map(([id]) => `${id} insufficient-scope/connector-forbidden`),
    );
    assert.deepEqual((await control.state()).tink.operations, []);

    // A token that really lacks the scope gets the same error code from the Tink emulation.
    await control.deactivate();
    const narrow = await elixir(sb, tenant, 'transactions:write');
    const real = await narrow.post('/connector/users/ext-scope/accounts', SEED_ACCOUNTS);
    assert.equal(real.status, 403);
    assert.equal(real.body.errorCode, 'auth.insufficient_scope');

    const other = await elixir(sb, bystander);
    for (const path of ['/connector/users/ext-scope/accounts', '/data/v2/connector/accounts'])
      assert.equal((await other.post(path, SEED_ACCOUNTS)).status, 200);
  });
});
