import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../../helpers/contract.js';
import { SEED_ACCOUNTS } from '../../tink/elixir.js';
import { admin, elixir, type Story, startStory, type Tenant } from './story.js';

const EXPIRED = { errorMessage: 'The access token has expired.', errorCode: 'auth.token_expired' };

describe('story: token-expiry', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  /** The Elixir client, plus a user token (authorization grant + code exchange) for the Data API. */
  async function clients(tenant: Tenant) {
    const { sb } = story;
    const tink = await elixir(
      sb,
      tenant,
      'accounts:write transactions:write user:create authorization:grant',
    );
    await tink.post('/connector/users/ext-token/accounts', SEED_ACCOUNTS).expect(200);
    const grant = await tink
      .post('/api/v1/oauth/authorization-grant', {})
      .type('form')
      .send({ external_user_id: 'ext-token', scope: 'accounts:read' });
    assert.equal(grant.status, 200, grant.text);
    const exchanged = await sb.http.post('/api/v1/oauth/token').type('form').send({
      client_id: tenant.tink.clientId,
      client_secret: tenant.tink.clientSecret,
      grant_type: 'authorization_code',
      code: grant.body.code,
    });
    assert.equal(exchanged.status, 200, exchanged.text);
    const accounts = () =>
      sb.http.get('/data/v2/accounts').set('authorization', `Bearer ${exchanged.body.access_token}`);
    return { tink, accounts };
  }

  it('refuses Tink calls 1800 s (virtual) after the last token until a new one is fetched', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    await control.use('token-expiry');
    const { tink, accounts } = await clients(tenant);

    await control.advance('PT1799S');
    assert.equal((await tink.post('/connector/users/ext-token/accounts', SEED_ACCOUNTS)).status, 200);
    assert.equal((await accounts()).status, 200);
    await control.advance('PT1S');

    // The client token has expired (the Tink emulation's own check) ...
    const refused = await tink.post('/connector/users/ext-token/accounts', SEED_ACCOUNTS);
    assert.equal(refused.status, 401);
    await expectContract(refused, 'ingestAccounts');
    assert.deepEqual(refused.body, EXPIRED);
    // ... and the scenario expires the user token too (Tink would keep it 2 hours), with the same body.
    const data = await accounts();
    assert.equal(data.status, 401);
    await expectContract(data, 'listAccounts');
    assert.deepEqual(data.body, EXPIRED);
    assert.deepEqual((await control.latest()).scenario, { name: 'token-expiry', rule: 'token-expired' });

    // A new token restarts the countdown.
    await tink.renew();
    assert.deepEqual((await control.latest()).scenario, { name: 'token-expiry', rule: 'new-token' });
    const again = await tink.post('/connector/users/ext-token/accounts', SEED_ACCOUNTS);
    assert.equal(again.status, 200, again.text);
    assert.equal((await accounts()).status, 200, 'the user token is good again for the new 1800 s');
    await control.advance('PT1800S');
    assert.equal((await tink.post('/connector/users/ext-token/accounts', SEED_ACCOUNTS)).status, 401);

    // The bystander: its client token expires by Tink's own rule, its user token lives 2 hours.
    const other = await clients(bystander);
    await admin(sb, bystander).advance('PT1800S');
    assert.equal((await other.tink.post('/connector/users/ext-token/accounts', SEED_ACCOUNTS)).status, 401);
    const fine = await other.accounts();
    assert.equal(fine.status, 200, fine.text);
    assert.ok((await admin(sb, bystander).journal()).every((e) => e.scenario === null));
  });
});
