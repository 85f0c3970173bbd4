import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { SEED_ACCOUNTS, SEED_TRANSACTIONS } from '../../tink/elixir.js';
import { admin, elixir, type Story, startStory } from './story.js';

const user = (state: { tink: { users: Array<{ externalUserId: string | null }> } }, id: string) =>
  state.tink.users.find((u) => u.externalUserId === id);

describe('story: slow-operations', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('keeps operations PENDING for 2 minutes and IN_PROGRESS for 3 more; the data lands only at completion', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    await control.use('slow-operations');
    const tink = await elixir(sb, tenant);

    const accounts = await tink.post('/connector/users/ext-slow/accounts', SEED_ACCOUNTS);
    await expectContract(accounts, 'ingestAccounts');
    assert.equal(accounts.status, 200);
    assert.equal(accounts.body.status, 'PENDING');
    const tx = await tink.post('/connector/users/ext-slow/transactions', SEED_TRANSACTIONS);
    assert.equal(tx.body.status, 'PENDING');
    const poll = async (id: string) => {
      const res = await tink.get(`/data/v2/connector/operations/${id}`);
      await expectContract(res, 'getOperation');
      return res.body;
    };
    assert.equal(user(await control.state(), 'ext-slow'), undefined, 'nothing applied while PENDING');

    await control.advance('PT1M59S');
    assert.equal((await poll(tx.body.operationId)).status, 'PENDING');
    await control.advance('PT1S');
    const running = await poll(tx.body.operationId);
    assert.equal(running.status, 'IN_PROGRESS');
    assert.equal(running.updatedAt, '2026-03-02T09:02:00.000Z');
    assert.equal(user(await control.state(), 'ext-slow'), undefined, 'nothing applied while IN_PROGRESS');

    await control.advance('PT2M59S');
    assert.equal((await poll(tx.body.operationId)).status, 'IN_PROGRESS');
    const done = await control.advance('PT1S');
    assert.equal(done.ran.length, 2, `both operations end at 09:05: ${JSON.stringify(done.ran)}`);
    const completed = await poll(tx.body.operationId);
    assert.equal(completed.status, 'COMPLETED');
    assert.equal(completed.updatedAt, '2026-03-02T09:05:00.000Z');
    const landed = user(await control.state(), 'ext-slow') as unknown as {
      accounts: Array<{ externalId: string; transactions: Array<{ externalId: string }> }>;
    };
    assert.deepEqual(
      landed.accounts.map((a) => [a.externalId, a.transactions.map((t) => t.externalId)]),
      [['acc-001', ['tx-001']]],
    );
    // A scenario without rules changes behaviour only: the journal names it, with no rule.
    assert.ok(
      (await control.journal()).every(
        (e) => e.scenario?.name === 'slow-operations' && e.scenario.rule === null,
      ),
    );
    assert.equal((await control.scenario()).name, 'slow-operations');

    // The bystander's operations complete at once, with the same requests.
    const other = await elixir(sb, bystander);
    const quick = await other.post('/connector/users/ext-slow/accounts', SEED_ACCOUNTS).expect(200);
    assert.equal(quick.body.status, 'COMPLETED');
    const quickTx = await other.post('/connector/users/ext-slow/transactions', SEED_TRANSACTIONS).expect(200);
    assert.equal(quickTx.body.status, 'COMPLETED');
  });

  it('steps an operation through its phases with the admin API', async () => {
    const { sb, tenant } = story;
    const control = admin(sb, tenant);
    const tink = await elixir(sb, tenant);
    const op = await tink.post('/data/v2/connector/accounts', {
      accounts: [
        {
          externalId: 'v2-acc',
          externalUserId: 'ext-v2',
          name: 'V2',
          type: 'CHECKING',
          balance: { amount: { currencyCode: 'GBP', value: 10 } },
        },
      ],
    });
    assert.equal(op.status, 200, op.text);
    assert.equal(op.body.status, 'PENDING');
    const id = op.body.operationId;
    const step = await control.post(`/__admin/tink/operations/${id}/advance`);
    assert.equal(step.status, 200, step.text);
    assert.equal(step.body.status, 'IN_PROGRESS');
    assert.equal((await tink.get(`/data/v2/connector/operations/${id}`)).body.status, 'IN_PROGRESS');
    assert.equal((await control.post(`/__admin/tink/operations/${id}/advance`)).body.status, 'COMPLETED');
    assert.equal((await tink.get(`/data/v2/connector/operations/${id}`)).body.status, 'COMPLETED');
    assert.ok(user(await control.state(), 'ext-v2'));
  });
});
