import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { API_KEY, type Client, client, newUserWithToken, state } from './helpers.js';

describe('xs2a: the wizard', () => {
  let sandbox: TestSandbox;
  let api: Client;
  let key: string;
  let transaction: string;
  const step = async (body: Record<string, unknown> = {}) => {
    const res = await api.post('/v1/api/wizard', { key, ...body });
    await expectContract(res, 'navigateWizard');
    assert.equal(res.status, 200, res.text);
    return res.body;
  };
  const session = async () => {
    const res = await client(sandbox, API_KEY).get(`/v1/sessions/${transaction}`);
    await expectContract(res, 'getWizardSession');
    return res.body;
  };
  const login = (pin: string, extra: Record<string, unknown> = {}) =>
    step({ USER_NAME: 'abcdef', USER_PIN: pin, privacy_policy: true, ...extra });

  beforeEach(async () => {
    sandbox = await startSandbox({ clockStart: '2026-03-02T09:00:00.000Z', clockFrozen: true });
    ({ api } = await newUserWithToken(sandbox));
    const created = await api.put('/v1/api/connections', { sync_mode: 'full' });
    key = created.body.wizard_session_key;
    transaction = created.body.transaction;
    await step({ country_id: 'DE', bank_code: 88888888 });
  });
  afterEach(() => sandbox.close());

  it('keeps the login form with a validation error on the checkbox only when the privacy policy is not accepted', async () => {
    const res = await login('123456', { privacy_policy: false });
    assert.equal(res.form.name, 'login');
    assert.deepEqual(res.error, []);
    const invalid = res.form.elements
      .filter((e: { invalid: boolean }) => e.invalid)
      .map((e: { name: string }) => e.name);
    assert.deepEqual(invalid, ['privacy_policy']);
    assert.notEqual(res.form.elements[2].validation_error, '');
    assert.equal(res.form.elements[0].value, 'abcdef', 'what was typed stays');
    assert.equal((await session()).last_error, 'pp_not_checked');
  });

  it('answers an unknown bank code on the bank form with bank_code_unknown', async () => {
    await step({ action: 'back' });
    const res = await step({ country_id: 'DE', bank_code: '12345678' });
    assert.equal(res.form.name, 'bank');
    assert.equal(res.form.elements[1].invalid, true);
    assert.equal((await session()).last_error, 'bank_code_unknown');
  });

  it('reports a wrong PIN as recoverable login_failed and ends with max_login_tries on the third', async () => {
    const first = await login('000000');
    assert.deepEqual(first.error, { code: 'login_failed', message: first.error.message, recoverable: true });
    assert.equal(first.form.name, 'login');
    await login('000000');
    const third = await login('000000');
    assert.equal(third.error.code, 'max_login_tries');
    assert.equal(third.error.recoverable, false);
    assert.equal(third.form, undefined);
    const after = await login('123456');
    assert.equal(after.error.code, 'max_login_tries', 'a failed session stays failed');
    const s = await session();
    assert.equal(s.last_error, 'max_login_tries');
    assert.equal(s.finished, false);
    assert.equal((await state(sandbox)).xs2a.connections.length, 1, 'only the seeded connection');
  });

  it('finishes after a TAN step with TAN 123456', async () => {
    const tan = await login('tan');
    assert.equal(tan.form.name, 'tan');
    assert.equal((await session()).current_step, 'WizardTanStep');
    const finish = await step({ TAN: '123456' });
    assert.equal(finish.form.name, 'finish');
    assert.equal((await session()).finished, true);
  });

  it('fails with tan_failed on a wrong TAN', async () => {
    await login('tan');
    const res = await step({ TAN: '999999' });
    assert.deepEqual(res.error, { code: 'tan_failed', message: res.error.message, recoverable: false });
    assert.equal((await session()).last_error, 'tan_failed');
  });

  it('asks for an account with PIN accounts and connects only the chosen one', async () => {
    const pick = await login('accounts');
    assert.equal(pick.form.elements[0].type, 'radio');
    assert.ok(Array.isArray(pick.form.elements[0].options));
    assert.equal((await session()).current_step, 'WizardAccountsStep');
    const finish = await step({ account: 1 });
    assert.deepEqual(finish.form, { name: 'finish', elements: [] });
    const accounts = (await api.get('/v1/api/accounts')).body.data;
    assert.deepEqual(
      accounts.map((a: { type: string }) => a.type),
      ['savings'],
    );
  });

  it('shows the form showcase with PIN forms, renders each form type and returns to the showcase', async () => {
    const showcase = await login('forms');
    assert.equal(showcase.form.name, 'showcase');
    const options = Object.keys(showcase.form.elements[0].options);
    assert.ok(options.includes('tan_flickerTAN') && options.includes('login_redirect'));
    for (const item of options) {
      const shown = await step({ showcase: item });
      assert.equal(shown.form.name, item);
      const back = await step({ anything: 'x' });
      assert.equal(back.form.name, 'showcase');
    }
    await step({ showcase: 'login_redirect' });
    const back = await step({ action: 'back' });
    assert.equal(back.form.name, 'login', 'back from a redirect step leads to the login form');
  });

  it('polls a decoupled approval until it finishes', async () => {
    const waiting = await login('decoupled');
    assert.equal(waiting.polling.interval, 1000);
    const first = await step({ action: 'poll' });
    assert.equal(first.form.name, 'decoupled');
    assert.equal(first.polling.interval, 1000);
    assert.equal((await session()).current_step, 'WizardScaStep');
    const second = await step({ action: 'poll' });
    assert.equal(second.form.name, 'finish');
    assert.deepEqual(second.polling, {});
  });

  it('aborts on request and expires after 30 idle minutes of virtual time', async () => {
    const aborted = await step({ action: 'abort' });
    assert.equal(aborted.form.name, 'abort');
    assert.equal((await session()).last_error, 'client_aborted');

    const created = await api.put('/v1/api/connections', {});
    key = created.body.wizard_session_key;
    transaction = created.body.transaction;
    await step();
    await sandbox.http.post('/__admin/clock/advance').send({ by: 'PT31M' }).expect(200);
    assert.equal((await session()).last_error, 'session_expired');
    const res = await step({ country_id: 'DE', bank_code: '88888888' });
    assert.deepEqual(res.error, { code: 'session_expired', message: res.error.message, recoverable: false });
  });

  it('answers 404 for a key of another user and 422 without a key, changing nothing', async () => {
    const other = await newUserWithToken(sandbox);
    const before = await state(sandbox);
    const foreign = await other.api.post('/v1/api/wizard', { key });
    await expectContract(foreign, 'navigateWizard');
    assert.equal(foreign.status, 404);
    const missing = await api.post('/v1/api/wizard', { action: 'poll' });
    await expectContract(missing, 'navigateWizard');
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.body.errors, { key: ['The key field is required.'] });
    const badAction = await api.post('/v1/api/wizard', { key, action: 'dance' });
    assert.equal(badAction.status, 422);
    assert.deepEqual((await state(sandbox)).xs2a, before.xs2a);
  });
});
