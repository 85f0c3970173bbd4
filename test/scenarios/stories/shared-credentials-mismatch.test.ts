import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { connect, newUserWithToken, walkWizard } from '../../xs2a/helpers.js';
import { admin, rules, type Story, startStory } from './story.js';
import { readConnection, sync } from './xs2a.js';

const MISMATCH = {
  code: 422,
  message: 'The given data was invalid.',
  errors: { credentials: ['The shared credentials do not match this bank connection.'] },
};

describe('story: shared-credentials-mismatch', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('refuses the kept half until a new bank login hands out a new one; then the right half syncs and a wrong one is refused', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    const { api } = await newUserWithToken(sb, tenant.xs2a.apiKey);
    const { connection, finish } = await connect(api, { sync_mode: 'shared' });
    const [kept] = finish.callbackParams;
    assert.match(kept, /^shc_/);
    await control.use('shared-credentials-mismatch');

    for (const credentials of [kept, 'shc_not-the-half']) {
      const refused = await sync(api, connection.id, { credentials });
      assert.equal(refused.status, 422);
      assert.deepEqual(refused.body, MISMATCH);
    }
    const missing = await sync(api, connection.id, {});
    assert.equal(missing.status, 422, 'a sync without credentials is left to the emulation');
    assert.deepEqual(missing.body.errors, {
      credentials: ['The credentials field is required when sync mode is shared.'],
    });
    assert.equal((await readConnection(api, connection.id)).last_synced, '2026-03-02 10:00:00');

    const reset = await api.post(`/v1/api/connections/${connection.id}/reset`);
    await expectContract(reset, 'resetBankConnection');
    assert.equal(reset.status, 202, reset.text);
    assert.equal((await control.scenario()).state, 'LoggedInAgain');
    await control.advance('PT1M');
    const relogin = await walkWizard(api, reset.body.wizard_session_key, '123456');
    const [fresh] = relogin.callbackParams;
    assert.match(fresh, /^shc_/);
    assert.notEqual(fresh, kept);

    const wrong = await sync(api, connection.id, { credentials: kept });
    assert.equal(wrong.status, 422);
    assert.deepEqual(wrong.body.errors, { credentials: ['The credentials are invalid.'] });
    await control.advance('PT1M');
    assert.equal((await sync(api, connection.id, { credentials: fresh })).status, 204);
    assert.equal((await readConnection(api, connection.id)).last_synced, '2026-03-02 10:02:00');
    assert.deepEqual(rules(await control.journal()), [
      'syncBankConnection shared-credentials-mismatch/credentials-do-not-match',
      'syncBankConnection shared-credentials-mismatch/credentials-do-not-match',
      'resetBankConnection shared-credentials-mismatch/new-bank-login',
    ]);

    // The bystander's kept half syncs at once.
    const other = await newUserWithToken(sb, bystander.xs2a.apiKey);
    const mine = await connect(other.api, { sync_mode: 'shared' });
    const ok = await sync(other.api, mine.connection.id, { credentials: mine.finish.callbackParams[0] });
    assert.equal(ok.status, 204, ok.text);
  });
});
