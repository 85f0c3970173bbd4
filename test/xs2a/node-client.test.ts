import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { API_KEY, client, newUserWithToken, walkWizard } from './helpers.js';

describe('xs2a: the node client (@fintecsystems/xs2a-node) call sequence', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-03-02T09:00:00.000Z', clockFrozen: true });
  });
  after(() => sandbox.close());

  it('creates, lists, reads and deletes a bank user and its access tokens', async () => {
    const key = client(sandbox, API_KEY);
    const created = await key.put('/v1/api/users', { name: 'Max Mustermann', email: 'user@example.com' });
    await expectContract(created, 'createBankUser');
    assert.equal(created.body.object, 'bank_user');
    assert.equal(created.body.testmode, true);
    assert.equal(created.body.created_at, '2026-03-02 10:00:00');

    const list = await key.get('/v1/api/users?page=1&per_page=1');
    await expectContract(list, 'listBankUsers');
    assert.equal(list.body.per_page, 1);
    assert.equal(list.body.total, 2);
    assert.equal(list.body.from, 1);
    assert.equal(list.body.to, 1);
    assert.ok(list.body.next_page_url.includes('page=2'));

    const got = await key.get(`/v1/api/users/${created.body.id}`);
    await expectContract(got, 'getBankUser');
    assert.deepEqual(got.body, created.body);

    const path = `/v1/api/users/${created.body.id}/accesstokens`;
    const token = await key.put(path, { valid_until: '2050-01-01 11:11:11' });
    await expectContract(token, 'createBankUserAccessToken');
    assert.equal(token.body.object, 'bank_user_access_token');
    assert.equal(token.body.valid_until, '2050-01-01 11:11:11');

    const tokens = await key.get(path);
    await expectContract(tokens, 'listBankUserAccessTokens');
    assert.deepEqual(tokens.body.data, [token.body]);

    const refreshed = await key.patch(`${path}/${token.body.id}`, { valid_until: '2051-02-03 04:05:06' });
    await expectContract(refreshed, 'refreshBankUserAccessToken');
    assert.equal(refreshed.body.id, token.body.id);
    assert.equal(refreshed.body.token, token.body.token);
    assert.equal(refreshed.body.valid_until, '2051-02-03 04:05:06');

    const one = await key.get(`${path}/${token.body.id}`);
    await expectContract(one, 'getBankUserAccessToken');
    assert.equal(one.body.valid_until, '2051-02-03 04:05:06');

    const removedToken = await key.delete(`${path}/${token.body.id}`);
    await expectContract(removedToken, 'deleteBankUserAccessToken');
    assert.deepEqual(removedToken.body, { code: 200, message: 'Access token deleted.' });

    const removed = await key.delete(`/v1/api/users/${created.body.id}`);
    await expectContract(removed, 'deleteBankUser');
    const gone = await key.get(`/v1/api/users/${created.body.id}`);
    await expectContract(gone, 'getBankUser');
    assert.equal(gone.status, 404);
    assert.equal(gone.body.code, 404);
  });

  it('walks the test bank through the wizard with PIN 123456, then syncs, resets, reads and deletes', async () => {
    const { api, key } = await newUserWithToken(sandbox);
    const created = await api.put('/v1/api/connections', { sync_mode: 'full' });
    await expectContract(created, 'createBankConnection');
    const { wizard_session_key: wizardKey, transaction } = created.body;

    const bankForm = await api.post('/v1/api/wizard', { key: wizardKey });
    await expectContract(bankForm, 'navigateWizard');
    assert.equal(bankForm.body.form.name, 'bank');
    assert.deepEqual(bankForm.body.error, []);
    assert.deepEqual(
      bankForm.body.form.elements.map((e: { name: string }) => e.name),
      ['country_id', 'bank_code'],
    );
    assert.equal(bankForm.body.form.elements[0].options.DE, 'Deutschland');

    const login = await api.post('/v1/api/wizard', {
      key: wizardKey,
      country_id: 'DE',
      bank_code: '88888888',
    });
    assert.deepEqual(
      login.body.form.elements.map((e: { name: string; type: string }) => `${e.type}:${e.name}`),
      ['text:USER_NAME', 'password:USER_PIN', 'checkbox:privacy_policy'],
    );
    const finish = await api.post('/v1/api/wizard', {
      key: wizardKey,
      USER_NAME: 'abcdef',
      USER_PIN: '123456',
      privacy_policy: true,
    });
    await expectContract(finish, 'navigateWizard');
    assert.deepEqual(finish.body.form, { name: 'finish', elements: [] });

    const session = await key.get(`/v1/sessions/${transaction}`);
    await expectContract(session, 'getWizardSession');
    assert.equal(session.body.wizard_session_key, wizardKey);
    assert.equal(session.body.finished, true);
    assert.equal(session.body.current_step, 'WizardFinishStep');
    assert.equal(session.body.last_error, '');

    const list = await api.get('/v1/api/connections?page=1&per_page=1');
    await expectContract(list, 'listBankConnections');
    const connection = list.body.data[0];
    assert.equal(connection.transaction, transaction);
    assert.equal(connection.country_id, 'DE');
    assert.equal(connection.sync_mode, 'full');
    assert.equal(connection.consent_valid_until, '2026-05-31');

    const byTransaction = await api.get(`/v1/api/connections/${transaction}`);
    await expectContract(byTransaction, 'getBankConnection');
    assert.deepEqual(byTransaction.body, connection);

    const sync = await api.post(`/v1/api/connections/${connection.id}/sync`, {});
    await expectContract(sync, 'syncBankConnection');
    assert.equal(sync.status, 204);
    assert.equal(sync.text, '');

    const reset = await api.post(`/v1/api/connections/${connection.id}/reset`);
    await expectContract(reset, 'resetBankConnection');
    assert.equal(reset.status, 202);
    assert.ok(reset.body.wizard_session_key && reset.body.transaction);

    const accounts = await api.get(`/v1/api/connections/${connection.id}/accounts?page=1&per_page=15`);
    await expectContract(accounts, 'listBankConnectionAccounts');
    assert.equal(accounts.body.total, 2);
    const account = accounts.body.data[0];
    assert.equal(account.bank_code, '88888888');
    assert.equal(account.country_id, 'DE');
    assert.equal(account.bank_connection_id, connection.id);

    const all = await api.get('/v1/api/accounts?page=1&per_page=15');
    await expectContract(all, 'listBankAccounts');
    assert.deepEqual(all.body.data, accounts.body.data);

    const one = await api.get(`/v1/api/accounts/${account.id}`);
    await expectContract(one, 'getBankAccount');
    assert.deepEqual(one.body, account);

    const balance = await api.get(`/v1/api/accounts/${account.id}/balance`);
    await expectContract(balance, 'getBankAccountBalance');
    assert.equal(balance.body.id, account.id);
    assert.equal(balance.body.currency, 'EUR');
    assert.equal(balance.body.currency_id, 'EUR');

    const turnovers = await api.get(`/v1/api/accounts/${account.id}/turnovers?from=&only_new=0&to=`);
    await expectContract(turnovers, 'getBankAccountTurnovers');
    assert.ok(turnovers.body.turnovers.length >= 1);
    const newOnes = await api.get(`/v1/api/accounts/${account.id}/turnovers?from=&only_new=1&to=`);
    assert.ok(newOnes.body.turnovers.length >= 1, 'the sync brought new turnovers');
    assert.ok(newOnes.body.turnovers.every((t: { new: boolean }) => t.new));

    const seen = await api.post(`/v1/api/accounts/${account.id}/markAsSeen`);
    await expectContract(seen, 'markTurnoversAsSeen');
    assert.equal(seen.body.marked, newOnes.body.turnovers.length);
    const afterSeen = await api.get(`/v1/api/accounts/${account.id}/turnovers?from=&only_new=1&to=`);
    assert.deepEqual(afterSeen.body.turnovers, []);

    const report = await api.get(`/v1/api/accounts/${account.id}/report/1?format=json&locale=en`);
    await expectContract(report, 'getBankAccountReport');
    assert.equal(report.body.account.id, account.id);

    const removedAccount = await api.delete(`/v1/api/accounts/${account.id}`);
    await expectContract(removedAccount, 'deleteBankAccount');
    const removed = await api.delete(`/v1/api/connections/${connection.id}`);
    await expectContract(removed, 'deleteBankConnection');
    assert.equal(removed.status, 200);
    const gone = await api.get(`/v1/api/connections/${connection.id}`);
    assert.equal(gone.status, 404);
  });

  it('answers the node helper walkWizard flow the same way for a second connection', async () => {
    const { api } = await newUserWithToken(sandbox);
    const created = await api.put('/v1/api/connections', {});
    const finish = await walkWizard(api, created.body.wizard_session_key);
    assert.equal(finish.form.name, 'finish');
  });
});
