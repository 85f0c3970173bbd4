import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { API_KEY, basic } from './helpers.js';

/** Plain HTTP shaped like com.fintecsystems:xs2a-java (OkHttp): JSON with charset, literal null and empty bodies. */
function java(sandbox: TestSandbox, secret: string) {
  const auth = { authorization: basic(secret) };
  const body = (req: import('supertest').Test, payload: string) =>
    req.set(auth).set('content-type', 'application/json; charset=utf-8').send(payload);
  return {
    get: (path: string) => sandbox.http.get(path).set(auth),
    delete: (path: string) => sandbox.http.delete(path).set(auth),
    put: (path: string, payload: string) => body(sandbox.http.put(path), payload),
    post: (path: string, payload: string) => body(sandbox.http.post(path), payload),
    patch: (path: string, payload: string) => body(sandbox.http.patch(path), payload),
  };
}

describe('xs2a: the java client (com.fintecsystems:xs2a-java) call sequence', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-03-02T09:00:00.000Z', clockFrozen: true });
  });
  after(() => sandbox.close());

  it('runs users, tokens with OffsetDateTime, the wizard, sync(null), reset(""), accounts, turnovers and markAsSeen', async () => {
    const key = java(sandbox, API_KEY);
    const user = await key.put('/v1/api/users', JSON.stringify({ name: 'Max', email: 'max@example.com' }));
    assert.equal(user.status, 200);
    const users = await key.get('/v1/api/users?per_page=15&page=1');
    await expectContract(users, 'listBankUsers');

    // java formats OffsetDateTime as `yyyy-MM-dd THH:mm:ss.SSSSSS+hh:mm` (sic, reference §2).
    const validUntil = '2026-03-09 T10:00:00.000000+01:00';
    const token = await key.put(
      `/v1/api/users/${user.body.id}/accesstokens`,
      JSON.stringify({ valid_until: validUntil }),
    );
    await expectContract(token, 'createBankUserAccessToken');
    assert.equal(token.body.valid_until, validUntil);
    const refreshed = await key.patch(
      `/v1/api/users/${user.body.id}/accesstokens/${token.body.id}`,
      JSON.stringify({ valid_until: '2026-03-16 T10:00:00.000000+01:00' }),
    );
    assert.equal(refreshed.body.id, token.body.id);

    const api = java(sandbox, token.body.token);
    const created = await api.put(
      '/v1/api/connections',
      JSON.stringify({ sync_mode: 'full', country_id: 'DE' }),
    );
    await expectContract(created, 'createBankConnection');
    const wizard = (payload: object) =>
      api.post('/v1/api/wizard', JSON.stringify({ key: created.body.wizard_session_key, ...payload }));
    assert.equal((await wizard({})).body.form.name, 'bank');
    assert.equal((await wizard({ country_id: 'DE', bank_code: 88888888 })).body.form.name, 'login');
    const finish = await wizard({ USER_NAME: 'abcdef', USER_PIN: '123456', privacy_policy: true });
    assert.equal(finish.body.form.name, 'finish');

    const connection = await api.get(`/v1/api/connections/${created.body.transaction}`);
    assert.equal(connection.body.transaction, created.body.transaction);
    const session = await key.get(`/v1/sessions/${created.body.transaction}`);
    assert.equal(session.body.wizard_session_key, created.body.wizard_session_key);

    const sync = await api.post(`/v1/api/connections/${connection.body.id}/sync`, 'null');
    await expectContract(sync, 'syncBankConnection');
    assert.equal(sync.status, 204);
    const reset = await api.post(`/v1/api/connections/${connection.body.id}/reset`, '');
    await expectContract(reset, 'resetBankConnection');
    assert.equal(reset.status, 202);

    const accounts = await api.get(`/v1/api/connections/${connection.body.id}/accounts?per_page=15&page=1`);
    const account = accounts.body.data[0];
    const balance = await api.get(`/v1/api/accounts/${account.id}/balance`);
    assert.equal(balance.body.id, account.id);
    const all = await api.get(`/v1/api/accounts/${account.id}/turnovers?onlyNew=false`);
    const ranged = await api.get(
      `/v1/api/accounts/${account.id}/turnovers?from=2026-02-01&to=2026-02-28&onlyNew=false`,
    );
    await expectContract(ranged, 'getBankAccountTurnovers');
    assert.ok(ranged.body.turnovers.length > 0 && ranged.body.turnovers.length < all.body.turnovers.length);
    assert.ok(
      ranged.body.turnovers.every((t: { booking_date: string }) => t.booking_date.startsWith('2026-02')),
    );

    const seen = await api.post(`/v1/api/accounts/${account.id}/markAsSeen/2026-03-01`, '');
    await expectContract(seen, 'markTurnoversAsSeenUpTo');
    assert.equal(seen.body.marked, 0, 'the sync only brought turnovers of today');
    const seenAll = await api.post(`/v1/api/accounts/${account.id}/markAsSeen`, '');
    assert.ok(JSON.parse(seenAll.text).marked >= 1, 'java parses the answer as JSON');

    const html = await api.get(`/v1/api/accounts/${account.id}/report/1?format=html&locale=de`);
    await expectContract(html, 'getBankAccountReport');
    assert.match(html.headers['content-type'] ?? '', /text\/html/);
    assert.match(html.text, /Kontoauszug/);
    const pdf = await api.get(`/v1/api/accounts/${account.id}/report/1?format=pdf&locale=en`).buffer(true);
    await expectContract(pdf, 'getBankAccountReport');
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(Buffer.from(pdf.body).subarray(0, 5).toString(), '%PDF-');

    const bank = await key.get('/v1/bankcodes?bank_code=88888888');
    await expectContract(bank, 'getBankByCode');
    assert.equal(bank.body.testmode, true);

    assert.equal((await api.delete(`/v1/api/connections/${connection.body.id}`)).status, 200);
    const detached = await api.get(`/v1/api/accounts/${account.id}`);
    await expectContract(detached, 'getBankAccount');
    assert.equal(detached.body.bank_connection_id, null, 'accounts outlive their connection');
    assert.equal((await key.delete(`/v1/api/users/${user.body.id}`)).status, 200);
  });
});
