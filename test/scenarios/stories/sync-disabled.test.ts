import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { connect, newUserWithToken } from '../../xs2a/helpers.js';
import { admin, type Story, startStory } from './story.js';
import { eventTypes, readConnection, sync } from './xs2a.js';

describe('story: sync-disabled', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('three failed syncs in a row disable the connection; it must be deleted and recreated', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    await control.use('sync-disabled');
    const { api } = await newUserWithToken(sb, tenant.xs2a.apiKey);
    const { connection } = await connect(api, { sync_mode: 'full' });

    await control.advance('P1D');
    const first = await readConnection(api, connection.id);
    assert.deepEqual([first.sync_fail_counter, first.sync_active, first.sync_mode], [1, false, 'none']);
    assert.equal(first.sync_message, 'Bank login failed.');
    assert.equal((await sync(api, connection.id, { force: true })).status, 204);
    assert.equal((await readConnection(api, connection.id)).sync_fail_counter, 2);
    assert.equal((await sync(api, connection.id, { force: true })).status, 204);
    const disabled = await readConnection(api, connection.id);
    assert.equal(disabled.sync_fail_counter, 3);
    assert.equal(disabled.sync_active, false);
    assert.deepEqual(await eventTypes(sb, tenant, connection.transaction), [
      'bank_connection.created',
      'bank_connection.sync_failed',
      'bank_connection.fallback_to_none',
      'bank_connection.sync_failed',
      'bank_connection.sync_failed',
      'bank_connection.disabled',
    ]);

    for (const body of [{}, { force: true }]) {
      const refused = await sync(api, connection.id, body);
      assert.equal(refused.status, 409);
      assert.deepEqual(refused.body, {
        code: 409,
        message: 'The bank connection is disabled after 3 failed syncs; delete it and create a new one.',
      });
    }
    const reset = await api.post(`/v1/api/connections/${connection.id}/reset`);
    await expectContract(reset, 'resetBankConnection');
    assert.equal(reset.status, 409);
    assert.equal((await readConnection(api, connection.id)).sync_fail_counter, 3, 'refusals change nothing');

    const removed = await api.delete(`/v1/api/connections/${connection.id}`);
    await expectContract(removed, 'deleteBankConnection');
    assert.equal(removed.status, 200);
    const fresh = (await connect(api, { sync_mode: 'full' })).connection;
    await control.advance('P1D');
    const healthy = await readConnection(api, fresh.id);
    assert.deepEqual([healthy.sync_fail_counter, healthy.sync_active, healthy.sync_mode], [0, true, 'full']);

    // The bystander's syncs of the same kind succeed.
    const other = await newUserWithToken(sb, bystander.xs2a.apiKey);
    const mine = (await connect(other.api, { sync_mode: 'full' })).connection;
    await admin(sb, bystander).advance('P1D');
    assert.equal((await sync(other.api, mine.id, { force: true })).status, 204);
    assert.equal((await sync(other.api, mine.id, { force: true })).status, 204);
    const fine = await readConnection(other.api, mine.id);
    assert.deepEqual([fine.sync_fail_counter, fine.sync_active, fine.sync_mode], [0, true, 'full']);
  });
});
