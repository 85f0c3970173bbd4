import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { xs2aHandlers } from '../../server/xs2a/surface.js';
import { expectContract, operationIds } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { API_KEY, client, connect, newUserWithToken, state } from './helpers.js';

describe('xs2a: bank codes, events, validation and the contract', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-03-02T09:00:00.000Z', clockFrozen: true });
  });
  after(() => sandbox.close());
  const key = () => client(sandbox, API_KEY);

  it('has a handler for every operationId and a test for each, and nothing else', async () => {
    const ids = (await operationIds('xs2a')).sort();
    assert.deepEqual(Object.keys(xs2aHandlers).sort(), ids);
    const tests = readdirSync('test/xs2a')
      .map((file) => readFileSync(`test/xs2a/${file}`, 'utf8'))
      .join('\n');
    const untested = ids.filter((id) => !tests.includes(`'${id}'`));
    assert.deepEqual(untested, []);
  });

  it('finds banks by code, lists them by country and autocompletes by name, BIC or city', async () => {
    const test = await key().get('/v1/bankcodes?bank_code=88888888');
    await expectContract(test, 'getBankByCode');
    assert.equal(test.body.name, 'Testbank');
    const unknown = await key().get('/v1/bankcodes?bank_code=99999999');
    await expectContract(unknown, 'getBankByCode');
    assert.equal(unknown.status, 404);

    const all = await key().get('/v1/bankcodes/all?country_id=DE&per_page=3&page=2');
    await expectContract(all, 'listAllBanks');
    assert.equal(all.body.total, 7);
    assert.equal(all.body.last_page, 3);
    assert.equal(all.body.from, 4);
    assert.equal(all.body.data.length, 3);
    assert.equal((await key().get('/v1/bankcodes/all?country_id=AT')).body.total, 0);

    const found = await key().get('/v1/bankcodes/autocomplete?q=münchen&country_id=DE&product=xs2a_api');
    await expectContract(found, 'autocompleteBanks');
    assert.deepEqual(
      found.body.data.map((b: { bank_code: string }) => b.bank_code),
      ['70090066'],
    );
    const byBic = await key().get('/v1/bankcodes/autocomplete?q=TESTDE88');
    assert.equal(byBic.body.data[0].bank_code, '88888888');
  });

  it('lists and reads events with filters, and 404s an unknown one', async () => {
    const { api } = await newUserWithToken(sandbox);
    const { connection } = await connect(api);
    const list = await key().get(
      `/v1/events?transaction_id=${connection.transaction}&type=bank_connection.created`,
    );
    await expectContract(list, 'listEvents');
    assert.equal(list.body.total, 1);
    const [event] = list.body.data;
    assert.equal(event.object, 'xs2a_event');
    assert.equal(event.data.id, connection.id);
    const one = await key().get(`/v1/events/${event.id}`);
    await expectContract(one, 'getEvent');
    assert.deepEqual(one.body, event);
    assert.equal((await key().get('/v1/events?from=2026-03-03')).body.total, 0);
    assert.ok((await key().get('/v1/events?to=2026-03-02')).body.total >= 1);
    const bad = await key().get('/v1/events?since=yesterday');
    assert.equal(bad.status, 422);
    const missing = await key().get('/v1/events/evt_nope');
    await expectContract(missing, 'getEvent');
    assert.equal(missing.status, 404);
  });

  it('answers invalid input with 422 and Laravel-style errors, changing nothing', async () => {
    const { api, user } = await newUserWithToken(sandbox);
    await connect(api);
    const before = await state(sandbox);
    const noEmail = await key().put('/v1/api/users', { name: 'X', email: 'not-an-email' });
    await expectContract(noEmail, 'createBankUser');
    assert.equal(noEmail.status, 422);
    assert.deepEqual(noEmail.body.errors, { email: ['The email must be a valid email address.'] });
    const noName = await key().put('/v1/api/users', { email: 'x@example.com' });
    assert.deepEqual(noName.body.errors, { name: ['The name field is required.'] });

    const past = await key().put(`/v1/api/users/${user.id}/accesstokens`, {
      valid_until: '2020-01-01 00:00:00',
    });
    assert.deepEqual(past.body.errors, { valid_until: ['The valid until must be a date after now.'] });
    const garbage = await key().patch(`/v1/api/users/${user.id}/accesstokens/x`, { valid_until: 'soon' });
    assert.equal(garbage.status, 404, 'an unknown token is not found before its body is judged');

    const mode = await api.put('/v1/api/connections', { sync_mode: 'sometimes' });
    await expectContract(mode, 'createBankConnection');
    assert.deepEqual(mode.body.errors, { sync_mode: ['The selected sync mode is invalid.'] });
    const page = await key().get('/v1/api/users?page=0');
    await expectContract(page, 'listBankUsers');
    assert.equal(page.status, 422);
    assert.ok(page.body.errors.page);

    const [account] = (await api.get('/v1/api/accounts')).body.data;
    const dates = await api.get(`/v1/api/accounts/${account.id}/turnovers?from=01.02.2026`);
    await expectContract(dates, 'getBankAccountTurnovers');
    assert.deepEqual(dates.body.errors, { from: ['The from does not match the format Y-m-d.'] });
    const malformed = await sandbox.http
      .put('/v1/api/users')
      .set('authorization', `Basic ${Buffer.from(`api:${API_KEY}`).toString('base64')}`)
      .set('content-type', 'application/json')
      .send('{"name":');
    await expectContract(malformed, 'createBankUser');
    assert.equal(malformed.status, 400);
    assert.deepEqual((await state(sandbox)).xs2a, before.xs2a);
  });

  it('answers 404 for unknown ids and 405 with Allow for a wrong method', async () => {
    const { api } = await newUserWithToken(sandbox);
    for (const [path, operationId] of [
      ['/v1/api/accounts/nope', 'getBankAccount'],
      ['/v1/api/accounts/nope/balance', 'getBankAccountBalance'],
      ['/v1/api/connections/nope', 'getBankConnection'],
      ['/v1/api/connections/nope/accounts', 'listBankConnectionAccounts'],
    ] as const) {
      const res = await api.get(path);
      await expectContract(res, operationId);
      assert.equal(res.status, 404);
    }
    const created = await api.put('/v1/api/connections', {});
    const pending = await api.get(`/v1/api/connections/${created.body.transaction}`);
    assert.equal(pending.status, 404);
    assert.match(pending.body.message, /has not finished/);
    const wrong = await key().post('/v1/api/users/x', {});
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.allow, 'GET, DELETE');
  });
});
