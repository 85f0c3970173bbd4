import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { type Client, connect, newUserWithToken, state, walkWizard } from './helpers.js';

const START = '2026-03-02T09:00:00.000Z';

async function advance(sandbox: TestSandbox, by: string) {
  await sandbox.http.post('/__admin/clock/advance').send({ by }).expect(200);
}

async function sync(api: Client, id: string, body: unknown = {}) {
  const res = await api.post(`/v1/api/connections/${id}/sync`, body);
  await expectContract(res, 'syncBankConnection');
  return res;
}

const read = async (api: Client, id: string) => (await api.get(`/v1/api/connections/${id}`)).body;

async function eventTypes(sandbox: TestSandbox, transaction: string): Promise<string[]> {
  const res = await sandbox.http
    .get(`/v1/events?transaction_id=${transaction}&per_page=100`)
    .set('authorization', `Basic ${Buffer.from('api:sandbox-api-key').toString('base64')}`);
  await expectContract(res, 'listEvents');
  return res.body.data.map((e: { type: string }) => e.type);
}

describe('xs2a: sync modes, failures and consent', () => {
  let sandbox: TestSandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ clockStart: START, clockFrozen: true });
  });
  afterEach(() => sandbox.close());

  it('syncs a full connection once a day by the virtual clock, bringing new turnovers and a new balance', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection } = await connect(api);
    const [giro] = (await api.get(`/v1/api/connections/${connection.id}/accounts`)).body.data;
    const before = (await api.get(`/v1/api/accounts/${giro.id}/balance`)).body;
    await api.post(`/v1/api/accounts/${giro.id}/markAsSeen`);

    await advance(sandbox, 'P3DT1H');
    const after = await read(api, connection.id);
    assert.equal(after.last_synced, '2026-03-05 10:00:00', 'third daily sync, at the time of the bank login');
    assert.equal(after.sync_active, true);
    const fresh = (await api.get(`/v1/api/accounts/${giro.id}/turnovers?onlyNew=true`)).body.turnovers;
    assert.ok(fresh.length >= 1);
    assert.ok(
      fresh.every((t: { new: boolean; booking_date: string }) => t.new && t.booking_date > '2026-03-02'),
    );
    const balance = (await api.get(`/v1/api/accounts/${giro.id}/balance`)).body;
    const delta = fresh.reduce((sum: number, t: { amount: number }) => sum + t.amount, 0);
    assert.equal(Math.round((balance.balance - before.balance) * 100), Math.round(delta * 100));
    assert.equal(balance.date, '2026-03-05 10:00:00');
    const types = await eventTypes(sandbox, connection.transaction);
    assert.deepEqual(types, ['bank_connection.created', ...Array(3).fill('bank_connection.sync_succeeded')]);
  });

  it('falls back from full to none after a failed daily sync, and returns to full after a manual sync through the wizard', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection } = await connect(api, { sync_mode: 'full' }, 'sync-fail-1');
    await advance(sandbox, 'P1DT1M');
    const failed = await read(api, connection.id);
    assert.equal(failed.sync_mode, 'none');
    assert.equal(failed.sync_active, false);
    assert.equal(failed.sync_fail_counter, 1);
    assert.match(failed.sync_message, /rejected the stored credentials/);
    assert.equal(failed.last_synced, '2026-03-02 10:00:00');

    await advance(sandbox, 'P2D');
    assert.equal(
      (await read(api, connection.id)).last_synced,
      '2026-03-02 10:00:00',
      'no daily sync in none',
    );

    const res = await sync(api, connection.id);
    assert.equal(res.status, 202);
    const finish = await walkWizard(api, res.body.wizard_session_key);
    assert.equal(finish.form.name, 'finish');
    const back = await read(api, connection.id);
    assert.equal(back.sync_mode, 'full');
    assert.equal(back.sync_fail_counter, 0);
    assert.equal(back.sync_active, true);
    assert.equal(back.sync_message, '');
    assert.equal(back.last_synced, '2026-03-05 10:01:00');
    assert.deepEqual(await eventTypes(sandbox, connection.transaction), [
      'bank_connection.created',
      'bank_connection.sync_failed',
      'bank_connection.fallback_to_none',
      'bank_connection.back_to_full',
      'bank_connection.sync_succeeded',
    ]);
  });

  it('retries with force: true in the background and returns to full when it succeeds', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection } = await connect(api, { sync_mode: 'full' }, 'sync-fail-1');
    await advance(sandbox, 'P1D');
    assert.equal((await read(api, connection.id)).sync_mode, 'none');
    const res = await sync(api, connection.id, { force: true });
    assert.equal(res.status, 204);
    const back = await read(api, connection.id);
    assert.equal(back.sync_mode, 'full');
    assert.equal(back.sync_fail_counter, 0);
  });

  it('disables a connection after three failed syncs in a row until it is deleted and recreated', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection } = await connect(api, { sync_mode: 'full' }, 'sync-fail');
    await advance(sandbox, 'P1D');
    assert.equal((await sync(api, connection.id, { force: true })).status, 204);
    assert.equal((await read(api, connection.id)).sync_fail_counter, 2);
    assert.equal((await sync(api, connection.id, { force: true })).status, 204);
    const disabled = await read(api, connection.id);
    assert.equal(disabled.sync_fail_counter, 3);
    assert.equal(disabled.sync_active, false);

    const before = await state(sandbox);
    const refused = await sync(api, connection.id, { force: true });
    assert.equal(refused.status, 409);
    assert.match(refused.body.message, /disabled after 3 failed syncs/);
    const reset = await api.post(`/v1/api/connections/${connection.id}/reset`);
    await expectContract(reset, 'resetBankConnection');
    assert.equal(reset.status, 409);
    assert.deepEqual((await state(sandbox)).xs2a, before.xs2a, 'refusals change nothing');
    assert.ok((await eventTypes(sandbox, connection.transaction)).includes('bank_connection.disabled'));

    assert.equal((await api.delete(`/v1/api/connections/${connection.id}`)).status, 200);
    const again = await connect(api);
    assert.equal((await sync(api, again.connection.id)).status, 204);
  });

  it('needs the shared half of the credentials from the wizard finish for every sync in shared mode', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection, finish } = await connect(api, { sync_mode: 'shared' });
    assert.equal(finish.callback, 'finish');
    const [half] = finish.callbackParams;
    assert.match(half, /^shc_/);
    assert.equal(connection.sync_mode, 'shared');

    const before = await state(sandbox);
    const missing = await sync(api, connection.id, {});
    assert.equal(missing.status, 422);
    assert.deepEqual(Object.keys(missing.body.errors), ['credentials']);
    const wrong = await sync(api, connection.id, { credentials: 'shc_not-the-half' });
    assert.equal(wrong.status, 422);
    assert.deepEqual(wrong.body.errors.credentials, ['The credentials are invalid.']);
    assert.deepEqual((await state(sandbox)).xs2a, before.xs2a);

    await advance(sandbox, 'P2D');
    assert.equal(
      (await read(api, connection.id)).last_synced,
      '2026-03-02 10:00:00',
      'shared never syncs by itself',
    );
    assert.equal((await sync(api, connection.id, { credentials: half })).status, 204);
    assert.equal((await read(api, connection.id)).last_synced, '2026-03-04 10:00:00');
  });

  it('answers 202 with a wizard session in none mode, and finishing it syncs', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection } = await connect(api, { sync_mode: 'none' });
    await advance(sandbox, 'P1D');
    assert.equal((await read(api, connection.id)).last_synced, '2026-03-02 10:00:00');
    const res = await sync(api, connection.id, { force: true });
    assert.equal(res.status, 202);
    const login = await api.post('/v1/api/wizard', { key: res.body.wizard_session_key });
    assert.equal(login.body.form.name, 'login', 'the bank of an existing connection is known');
    await walkWizard(api, res.body.wizard_session_key);
    assert.equal((await read(api, connection.id)).last_synced, '2026-03-03 10:00:00');
  });

  it('lets the consent expire after 90 days: daily syncs stop and a sync needs a new bank login', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection } = await connect(api);
    assert.equal(connection.consent_valid_until, '2026-05-31');
    await sandbox.http.put('/__admin/clock').send({ now: '2026-06-15T09:00:00.000Z' }).expect(200);
    const expired = await read(api, connection.id);
    assert.equal(
      expired.last_synced,
      '2026-05-30 11:00:00',
      'the last daily sync before the consent ran out',
    );
    assert.match(expired.sync_message, /consent has expired/);
    const types = await eventTypes(sandbox, connection.transaction);
    assert.equal(types.at(-1), 'bank_connection.consent_expired');

    const res = await sync(api, connection.id);
    assert.equal(res.status, 202);
    await walkWizard(api, res.body.wizard_session_key);
    const renewed = await read(api, connection.id);
    assert.equal(renewed.consent_valid_until, '2026-09-13');
    assert.equal(renewed.last_synced, '2026-06-15 11:00:00');
    await advance(sandbox, 'P1D');
    assert.equal((await read(api, connection.id)).last_synced, '2026-06-16 11:00:00', 'daily sync again');
  });

  it('resets a connection in any mode with 202 and a new wizard session', async () => {
    const { api } = await newUserWithToken(sandbox);
    for (const mode of ['full', 'shared', 'none']) {
      const { connection } = await connect(api, { sync_mode: mode });
      const reset = await api.post(`/v1/api/connections/${connection.id}/reset`);
      assert.equal(reset.status, 202);
      assert.notEqual(reset.body.transaction, connection.transaction);
      const session = await api.post('/v1/api/wizard', { key: reset.body.wizard_session_key });
      assert.equal(session.body.form.name, 'login');
    }
  });
});
