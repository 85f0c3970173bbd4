import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { newUserWithToken } from './helpers.js';

describe('xs2a: the wizard as an HTML page', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-03-02T09:00:00.000Z', clockFrozen: true });
  });
  after(() => sandbox.close());

  it('lets a person click through the test bank login in a browser', async () => {
    const { api } = await newUserWithToken(sandbox);
    const created = await api.put('/v1/api/connections', { sync_mode: 'shared' });
    const path = `/wizard/${created.body.wizard_session_key}`;
    const form = (fields: Record<string, string>) =>
      sandbox.http
        .post(path)
        .type('form')
        .send(fields)
        .expect(200)
        .expect('content-type', /text\/html/);

    const bank = await sandbox.http.get(path).expect(200);
    assert.match(bank.text, /<form method="post" action="\/wizard\//);
    assert.match(bank.text, /name="bank_code"/);
    assert.doesNotMatch(bank.text, /<script|<link/, 'no external assets');

    const login = await form({ country_id: 'DE', bank_code: '88888888', action: 'submit' });
    assert.match(login.text, /name="USER_PIN"/);
    const refused = await form({ USER_NAME: 'abcdef', USER_PIN: '123456', action: 'submit' });
    assert.match(refused.text, /class="invalid">Bitte akzeptieren/);
    const finish = await form({
      USER_NAME: 'abcdef',
      USER_PIN: '123456',
      privacy_policy: '1',
      action: 'submit',
    });
    assert.match(finish.text, /Die Bankverbindung ist eingerichtet/);
    assert.match(finish.text, /<code>shc_/, 'the shared half is shown');

    const connection = await api.get(`/v1/api/connections/${created.body.transaction}`);
    assert.equal(connection.status, 200);
    assert.equal(connection.body.sync_mode, 'shared');
  });

  it('answers 404 for an unknown key', async () => {
    const res = await sandbox.http.get('/wizard/nope').expect(404);
    assert.match(res.text, /Unknown wizard session/);
  });
});
