import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { basic, connect, newUserWithToken } from '../../xs2a/helpers.js';
import { admin, rules, type Story, startStory, xs2aKey } from './story.js';

const CHALLENGE = 'Basic realm="XS2A API"';

describe('story: basic-auth-failures', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('forces XS2A 401s: token calls as expired or revoked, key calls as a wrong key', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    const { api, user } = await newUserWithToken(sb, tenant.xs2a.apiKey);
    const { connection } = await connect(api, { sync_mode: 'full' });
    await control.clearJournal();
    await control.use('basic-auth-failures');

    const calls = [
      ['getBankConnection', 'token-expired', () => api.get(`/v1/api/connections/${connection.id}`)],
      ['listBankAccounts', 'token-expired', () => api.get('/v1/api/accounts')],
      ['navigateWizard', 'token-expired', () => api.post('/v1/api/wizard', { key: 'k' })],
      ['getBankUser', 'wrong-key', () => xs2aKey(sb, tenant).get(`/v1/api/users/${user.id}`)],
      ['listEvents', 'wrong-key', () => xs2aKey(sb, tenant).get('/v1/events')],
    ] as const;
    for (const [operationId, rule, call] of calls) {
      const res = await call();
      assert.equal(res.status, 401, `${operationId}: ${res.text}`);
      await expectContract(res, operationId);
      assert.equal(res.headers['www-authenticate'], CHALLENGE);
      assert.deepEqual(res.body, {
        code: 401,
        message: rule === 'wrong-key' ? 'Invalid API key.' : 'The access token has expired or was revoked.',
      });
    }
    assert.deepEqual(
      rules(await control.journal()),
      calls.map(([id, rule]) => `${id} basic-auth-failures/${rule}`),
    );

    // The bystander's same calls succeed.
    const other = await newUserWithToken(sb, bystander.xs2a.apiKey);
    assert.equal((await other.api.get('/v1/api/accounts')).status, 200);
    assert.equal((await xs2aKey(sb, bystander).get(`/v1/api/users/${other.user.id}`)).status, 200);
  });

  it('refuses a wrong key, a missing header, an expired token and a deleted token (the XS2A emulation itself)', async () => {
    const { sb, tenant } = story;
    const control = admin(sb, tenant);
    await control.deactivate();
    await control.clearJournal();
    const key = xs2aKey(sb, tenant);
    const expect401 = async (res: import('supertest').Response, operationId: string, message: string) => {
      assert.equal(res.status, 401, res.text);
      await expectContract(res, operationId);
      assert.equal(res.headers['www-authenticate'], CHALLENGE);
      assert.deepEqual(res.body, { code: 401, message });
    };
    await expect401(
      await sb.http.get('/v1/api/users').set('authorization', basic(`${tenant.xs2a.apiKey}-wrong`)),
      'listBankUsers',
      'Unauthenticated: unknown API key or access token.',
    );
    await expect401(
      await sb.http.get('/v1/api/users'),
      'listBankUsers',
      'Unauthenticated: send HTTP Basic credentials (username api).',
    );

    const { user } = await newUserWithToken(sb, tenant.xs2a.apiKey);
    const shortLived = await key.put(`/v1/api/users/${user.id}/accesstokens`, {
      valid_until: '2026-03-02 11:00:00',
    });
    assert.equal(shortLived.status, 200, shortLived.text);
    const holder = sb.http;
    const withToken = (token: string) => holder.get('/v1/api/accounts').set('authorization', basic(token));
    assert.equal((await withToken(shortLived.body.token)).status, 200);
    await control.advance('PT1H');
    await expect401(
      await withToken(shortLived.body.token),
      'listBankAccounts',
      'Unauthenticated: the access token has expired.',
    );

    const revoked = await key.put(`/v1/api/users/${user.id}/accesstokens`, {
      valid_until: '2050-01-01 00:00:00',
    });
    assert.equal((await withToken(revoked.body.token)).status, 200);
    const removed = await key.delete(`/v1/api/users/${user.id}/accesstokens/${revoked.body.id}`);
    assert.equal(removed.status, 200, removed.text);
    await expect401(
      await withToken(revoked.body.token),
      'listBankAccounts',
      'Unauthenticated: unknown API key or access token.',
    );
    const journal = await control.journal();
    assert.ok(journal.length >= 4);
    assert.ok(journal.every((e) => e.scenario === null));
  });
});
