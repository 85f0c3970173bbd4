import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { SEED_ACCOUNTS } from '../../tink/elixir.js';
import { connect, newUserWithToken } from '../../xs2a/helpers.js';
import { admin, elixir, rules, type Story, startStory } from './story.js';
import { readConnection } from './xs2a.js';

const DOWN = 'The bank is unavailable for scheduled maintenance; retry later.';

describe('story: bank-maintenance', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('answers 503 with Retry-After counting down for two hours of virtual time, then works again', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    const { api } = await newUserWithToken(sb, tenant.xs2a.apiKey);
    const { connection } = await connect(api, { sync_mode: 'full' });
    const tink = await elixir(sb, tenant);
    await control.clearJournal();
    await control.use('bank-maintenance');

    const xs2a = await api.get(`/v1/api/connections/${connection.id}`);
    assert.equal(xs2a.status, 503);
    await expectContract(xs2a, 'getBankConnection');
    assert.equal(xs2a.headers['retry-after'], '7200');
    assert.deepEqual(xs2a.body, { code: 503, message: DOWN });
    const token = await tink.token();
    assert.equal(token.status, 503, 'the token endpoint is down too');
    assert.deepEqual(token.body, { errorMessage: DOWN, errorCode: 'service_unavailable' });
    const ingest = await tink.post('/connector/users/ext-down/accounts', SEED_ACCOUNTS);
    assert.equal(ingest.status, 503);
    await expectContract(ingest, 'ingestAccounts');
    assert.equal(ingest.headers['retry-after'], '7200');

    await control.advance('PT1H');
    const later = await api.get('/v1/api/accounts');
    assert.equal(later.status, 503);
    await expectContract(later, 'listBankAccounts');
    assert.equal(later.headers['retry-after'], '3600');
    await control.advance('PT59M59S');
    assert.equal((await api.get('/v1/api/accounts')).headers['retry-after'], '1');
    assert.deepEqual(rules(await control.journal()), [
      'getBankConnection bank-maintenance/maintenance-window',
      'getAccessToken bank-maintenance/maintenance-window',
      'ingestAccounts bank-maintenance/maintenance-window',
      'listBankAccounts bank-maintenance/maintenance-window',
      'listBankAccounts bank-maintenance/maintenance-window',
    ]);

    await control.advance('PT1S');
    assert.equal((await readConnection(api, connection.id)).id, connection.id);
    await tink.renew(); // the client token expired during the two hours
    assert.equal((await tink.post('/connector/users/ext-down/accounts', SEED_ACCOUNTS)).status, 200);
    assert.deepEqual((await control.latest()).scenario, { name: 'bank-maintenance', rule: null });

    // The bystander is served normally throughout.
    const other = await newUserWithToken(sb, bystander.xs2a.apiKey);
    assert.equal((await other.api.get('/v1/api/accounts')).status, 200);
    const otherTink = await elixir(sb, bystander);
    assert.equal((await otherTink.post('/connector/users/ext-down/accounts', SEED_ACCOUNTS)).status, 200);
  });
});
