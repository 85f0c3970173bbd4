import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, newUserWithToken, walkWizard } from '../../xs2a/helpers.js';
import { admin, type Story, startStory } from './story.js';
import { eventTypes, readConnection, sync } from './xs2a.js';

describe('story: sync-fallback', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('a failed daily sync turns full into none; a manual sync needs a bank login, which brings back full', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    await control.use('sync-fallback');
    const { api } = await newUserWithToken(sb, tenant.xs2a.apiKey);
    const { connection } = await connect(api, { sync_mode: 'full' });
    assert.equal(connection.sync_mode, 'full');

    const day = await control.advance('P1D');
    assert.deepEqual(day.ran, [`xs2a daily sync of ${connection.id}`]);
    const failed = await readConnection(api, connection.id);
    assert.equal(failed.sync_active, false);
    assert.equal(failed.sync_fail_counter, 1);
    assert.equal(failed.sync_mode, 'none');
    assert.equal(failed.sync_message, 'Bank login failed during the daily sync.');
    assert.equal(failed.last_synced, '2026-03-02 10:00:00', 'the last good sync: the bank login');
    assert.deepEqual(await eventTypes(sb, tenant, connection.transaction), [
      'bank_connection.created',
      'bank_connection.sync_failed',
      'bank_connection.fallback_to_none',
    ]);
    assert.deepEqual((await control.advance('P2D')).ran, [], 'no daily sync in none');

    const manual = await sync(api, connection.id);
    assert.equal(manual.status, 202);
    assert.match(manual.body.transaction, /^tx-/);
    const finish = await walkWizard(api, manual.body.wizard_session_key, '123456');
    assert.equal(finish.form.name, 'finish');
    const back = await readConnection(api, connection.id);
    assert.equal(back.sync_mode, 'full');
    assert.equal(back.sync_active, true);
    assert.equal(back.sync_fail_counter, 0);
    assert.equal(back.sync_message, '');
    assert.equal(back.last_synced, '2026-03-05 10:00:00');
    assert.deepEqual((await eventTypes(sb, tenant, connection.transaction)).slice(3), [
      'bank_connection.back_to_full',
      'bank_connection.sync_succeeded',
    ]);
    assert.deepEqual((await control.advance('P1D')).ran, [`xs2a daily sync of ${connection.id}`]);
    assert.equal(
      (await readConnection(api, connection.id)).sync_fail_counter,
      0,
      'the next daily sync works',
    );
    // A scenario without rules acts through the emulation's behaviour: the journal names it, with no rule.
    assert.ok(
      (await control.journal()).every(
        (e) => e.scenario?.name === 'sync-fallback' && e.scenario.rule === null,
      ),
    );

    // The bystander's daily sync succeeds and its connection stays full.
    const other = await newUserWithToken(sb, bystander.xs2a.apiKey);
    const mine = (await connect(other.api, { sync_mode: 'full' })).connection;
    await admin(sb, bystander).advance('P1D');
    const fine = await readConnection(other.api, mine.id);
    assert.deepEqual(
      [fine.sync_mode, fine.sync_active, fine.sync_fail_counter, fine.last_synced],
      ['full', true, 0, '2026-03-03 10:00:00'],
    );
  });
});
