import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, newUserWithToken, walkWizard } from '../../xs2a/helpers.js';
import { admin, type Story, startStory } from './story.js';
import { eventTypes, readConnection, sync } from './xs2a.js';

describe('story: consent-expiry', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('after 90 days of consent a sync needs a new bank login, the daily sync stops, and the login renews it', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    await control.use('consent-expiry');
    const { api } = await newUserWithToken(sb, tenant.xs2a.apiKey);
    const { connection } = await connect(api, { sync_mode: 'full' });
    assert.equal(connection.consent_valid_until, '2026-05-31');

    const passed = await control.advance('P91D');
    assert.ok(passed.ran.includes(`xs2a consent expiry of ${connection.id}`), JSON.stringify(passed.ran));
    const expired = await readConnection(api, connection.id);
    assert.equal(expired.last_synced, '2026-05-30 11:00:00', 'the last daily sync inside the consent (CEST)');
    assert.equal(expired.sync_message, 'The PSD2 consent has expired; a new bank login is required.');
    assert.equal(
      (await eventTypes(sb, tenant, connection.transaction)).at(-1),
      'bank_connection.consent_expired',
    );
    assert.deepEqual((await control.advance('P2D')).ran, [], 'the daily sync has stopped');

    const needsLogin = await sync(api, connection.id);
    assert.equal(needsLogin.status, 202);
    assert.match(needsLogin.body.transaction, /^tx-/);
    const finish = await walkWizard(api, needsLogin.body.wizard_session_key, '123456');
    assert.equal(finish.form.name, 'finish');
    const renewed = await readConnection(api, connection.id);
    assert.equal(renewed.consent_valid_until, '2026-09-01', '90 days from the new login (2026-06-03)');
    assert.equal(renewed.last_synced, '2026-06-03 11:00:00');
    assert.equal(renewed.sync_message, '');
    assert.deepEqual((await control.advance('P1D')).ran, [`xs2a daily sync of ${connection.id}`]);

    // The bystander's clock has not moved: its consent holds and its sync runs in the background.
    const other = await newUserWithToken(sb, bystander.xs2a.apiKey);
    const mine = (await connect(other.api, { sync_mode: 'full' })).connection;
    assert.equal((await sync(other.api, mine.id)).status, 204);
    assert.equal((await readConnection(other.api, mine.id)).consent_valid_until, '2026-05-31');
  });
});
