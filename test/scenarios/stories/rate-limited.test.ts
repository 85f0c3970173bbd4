import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { SEED_ACCOUNTS } from '../../tink/elixir.js';
import { admin, elixir, rules, type Story, startStory, xs2aKey } from './story.js';

describe('story: rate-limited', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('allows 5 calls per minute of virtual time, answers 429 with Retry-After beyond, and again after the window', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    const tink = await elixir(sb, tenant); // before activation: the token call is not counted
    await control.use('rate-limited');
    await control.advance('PT15S'); // 09:00:15, 45 s before the minute ends
    const ingest = () => tink.post('/connector/users/ext-rate/accounts', SEED_ACCOUNTS);

    for (let i = 0; i < 5; i += 1) assert.equal((await ingest()).status, 200);
    const limited = await ingest();
    assert.equal(limited.status, 429);
    await expectContract(limited, 'ingestAccounts');
    assert.equal(limited.headers['retry-after'], '45');
    assert.deepEqual(limited.body, {
      errorMessage: 'Too many requests; retry later.',
      errorCode: 'rate_limit_exceeded',
      retryAfterMillis: 45000,
    });
    // XS2A calls count in the same window.
    const xs2a = await xs2aKey(sb, tenant).get('/v1/api/users');
    assert.equal(xs2a.status, 429);
    await expectContract(xs2a, 'listBankUsers');
    assert.deepEqual(xs2a.body, { code: 429, message: 'Too many requests; retry later.' });
    assert.equal(xs2a.headers['retry-after'], '45');
    assert.deepEqual(rules(await control.journal()), [
      'ingestAccounts rate-limited/five-per-minute',
      'listBankUsers rate-limited/five-per-minute',
    ]);
    const counters = (await control.scenario()).counters;
    assert.equal(counters['five-per-minute@count'], 7);

    await control.advance('PT44S');
    assert.equal((await ingest()).status, 429, 'still inside the minute');
    await control.advance('PT1S');
    for (let i = 0; i < 5; i += 1)
      assert.equal((await ingest()).status, 200, `call ${i + 1} of the new minute`);
    assert.equal((await xs2aKey(sb, tenant).get('/v1/api/users')).status, 429);

    // The bystander makes the same 7 calls and is never limited.
    const other = await elixir(sb, bystander);
    for (let i = 0; i < 7; i += 1)
      assert.equal((await other.post('/connector/users/ext-rate/accounts', SEED_ACCOUNTS)).status, 200);
    assert.equal((await xs2aKey(sb, bystander).get('/v1/api/users')).status, 200);
  });
});
