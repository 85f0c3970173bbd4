import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { type TestSandbox, useBehaviour } from '../helpers/sandbox.js';
import {
  account,
  accountState,
  bearer,
  clientToken,
  expectRefused,
  tinkSandbox,
  userWithAccount,
} from './support.js';

describe('tink connector accounts (v1, documented)', () => {
  let sb: TestSandbox;
  let token: string;
  before(async () => {
    sb = await tinkSandbox({ bodyLimit: 8192 });
    token = await clientToken(sb);
    await userWithAccount(sb, token, 'acc-user');
  });
  after(() => sb.close());

  const ingest = (body: unknown, user = 'acc-user', t = token) =>
    sb.http
      .post(`/connector/users/${user}/accounts`)
      .set(bearer(t))
      .send(body as object);

  it('answers 204 with no body and stores balance less reserved amount', async () => {
    const res = await ingest({
      accounts: [account('acc-2', { balance: 7000, reservedAmount: 2000, flags: ['MANDATE'] })],
    });
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    await expectContract(res, 'ingestAccounts');
    const stored = await accountState(sb, 'acc-user', 'acc-2');
    assert.deepEqual(
      [stored?.balance, stored?.reservedAmount, stored?.storedBalance, stored?.currency],
      [7000, 2000, 5000, 'GBP'],
    );
  });

  it('updates an existing account in place (upsert by externalId)', async () => {
    await ingest({ accounts: [account('acc-2', { name: 'Renamed', balance: 10 })] }).expect(204);
    const stored = await accountState(sb, 'acc-user', 'acc-2');
    assert.deepEqual([stored?.name, stored?.storedBalance], ['Renamed', 10]);
  });

  it('answers 400 naming each failing field with its Java property path', async () => {
    const res = await expectRefused(sb, 'ingestAccounts', 400, () =>
      ingest({ accounts: [{ externalId: '', name: 'x', type: 'GOLD', balance: 'lots' }] }),
    );
    assert.equal(res.body.errorMessage, 'Validation of the sent data failed.');
    assert.deepEqual(res.body.errors.map((e: { fieldName: string }) => e.fieldName).sort(), [
      'accounts[0].balance',
      'accounts[0].externalId',
      'accounts[0].number',
      'accounts[0].type',
    ]);
    const number = res.body.errors.find((e: { fieldName: string }) => e.fieldName === 'accounts[0].number');
    assert.equal(number.errorMessage, 'accounts[0].number may not be null');
  });

  it('answers 400 for an empty list, duplicate ids and an oversized payload', async () => {
    await expectRefused(sb, 'ingestAccounts', 400, () => ingest({ accounts: [] }));
    const dup = await expectRefused(sb, 'ingestAccounts', 400, () =>
      ingest({ accounts: [account('d'), account('d')] }),
    );
    assert.equal(dup.body.errors[0].fieldName, 'accounts');
    const payload = await expectRefused(sb, 'ingestAccounts', 400, () =>
      ingest({ accounts: [account('p', { payload: { note: 'x'.repeat(300) } })] }),
    );
    assert.equal(
      payload.body.errors[0].errorMessage,
      'accounts[0].payload size must be at most 200 characters',
    );
  });

  it('answers 401 "Could not find the user." for an unknown user in the documented dialect', async () => {
    const res = await expectRefused(sb, 'ingestAccounts', 401, () =>
      ingest({ accounts: [account('a')] }, 'nobody'),
    );
    assert.deepEqual(res.body, { errorMessage: 'Could not find the user.', externalUserId: 'nobody' });
  });

  it('answers 403 without accounts:write and 413 over the body limit', async () => {
    const narrow = await clientToken(sb, 'transactions:write');
    const res = await expectRefused(sb, 'ingestAccounts', 403, () =>
      ingest({ accounts: [account('a')] }, 'acc-user', narrow),
    );
    assert.equal(res.body.errorCode, 'auth.insufficient_scope');
    await expectRefused(sb, 'ingestAccounts', 413, () =>
      ingest({ accounts: [account('a', { name: 'n'.repeat(9000) })] }),
    );
  });

  it('answers 409 for an existing account when the tenant behaviour asks for it', async () => {
    await useBehaviour(sb, { tink: { accounts: { conflictOnExisting: true } } });
    try {
      const res = await expectRefused(sb, 'ingestAccounts', 409, () =>
        ingest({ accounts: [account('acc-1'), account('new')] }),
      );
      assert.deepEqual(res.body, {
        errorMessage: 'The account already exists.',
        externalUserId: 'acc-user',
        externalAccountId: 'acc-1',
      });
    } finally {
      await useBehaviour(sb, null);
    }
  });

  const update = (body: unknown, user = 'acc-user', accountId = 'acc-1') =>
    sb.http
      .put(`/connector/users/${user}/accounts/${accountId}`)
      .set(bearer(token))
      .send(body as object);

  it('updates name, type, closed and exclusion but never the balance', async () => {
    const res = await update({
      name: 'Bills',
      type: 'SAVINGS',
      closed: true,
      exclusion: 'PFM_DATA',
      balance: 1,
    }).expect(204);
    await expectContract(res, 'updateAccount');
    const stored = await accountState(sb, 'acc-user', 'acc-1');
    assert.deepEqual([stored?.name, stored?.type, stored?.balance], ['Bills', 'SAVINGS', 1000]);
  });

  it('refuses updates: 400 bad enum, 401 unknown user, 404 unknown account, 413 too large', async () => {
    const bad = await expectRefused(sb, 'updateAccount', 400, () => update({ exclusion: 'ALL' }));
    assert.equal(
      bad.body.errors[0].errorMessage,
      'exclusion must be one of [PFM_AND_SEARCH, PFM_DATA, NONE]',
    );
    const user = await expectRefused(sb, 'updateAccount', 401, () => update({ name: 'x' }, 'nobody'));
    assert.equal(user.body.errorMessage, 'Could not find the user.');
    const acc = await expectRefused(sb, 'updateAccount', 404, () =>
      update({ name: 'x' }, 'acc-user', 'nope'),
    );
    assert.deepEqual(acc.body, {
      errorMessage: 'Could not find the account.',
      externalUserId: 'acc-user',
      externalAccountId: 'nope',
    });
    await expectRefused(sb, 'updateAccount', 413, () => update({ name: 'n'.repeat(9000) }));
    const narrow = await clientToken(sb, 'user:create');
    await expectRefused(sb, 'updateAccount', 403, () =>
      sb.http.put('/connector/users/acc-user/accounts/acc-1').set(bearer(narrow)).send({ name: 'x' }),
    );
  });

  it('deletes an account with its transactions; 404 for an unknown user or account', async () => {
    await ingest({ accounts: [account('gone')] }).expect(204);
    const res = await sb.http
      .delete('/connector/users/acc-user/accounts/gone')
      .set(bearer(token))
      .expect(204);
    await expectContract(res, 'deleteAccount');
    assert.equal(await accountState(sb, 'acc-user', 'gone'), undefined);
    const acc = await expectRefused(sb, 'deleteAccount', 404, () =>
      sb.http.delete('/connector/users/acc-user/accounts/gone').set(bearer(token)),
    );
    assert.equal(acc.body.errorMessage, 'Could not find the account.');
    const user = await expectRefused(sb, 'deleteAccount', 404, () =>
      sb.http.delete('/connector/users/nobody/accounts/gone').set(bearer(token)),
    );
    assert.equal(user.body.errorMessage, 'Could not find the user.');
    await expectRefused(sb, 'deleteAccount', 401, () =>
      sb.http.delete('/connector/users/acc-user/accounts/acc-1'),
    );
    const narrow = await clientToken(sb, 'user:create');
    await expectRefused(sb, 'deleteAccount', 403, () =>
      sb.http.delete('/connector/users/acc-user/accounts/acc-1').set(bearer(narrow)),
    );
  });

  it('replays a write with the same Idempotency-Key for 24 h of virtual time', async () => {
    const send = (balance: number) =>
      ingest({ accounts: [account('idem', { balance })] }).set('idempotency-key', 'key-1');
    await send(1).expect(204);
    await send(2).expect(204);
    assert.equal((await accountState(sb, 'acc-user', 'idem'))?.balance, 1, 'the replay did not run again');
    await sb.http.post('/__admin/clock/advance').send({ by: 'PT24H' }).expect(200);
    token = await clientToken(sb);
    await ingest({ accounts: [account('idem', { balance: 3 })] })
      .set('idempotency-key', 'key-1')
      .expect(204);
    assert.equal((await accountState(sb, 'acc-user', 'idem'))?.balance, 3, 'the key expired');
  });

  it('does not save failed validations under an Idempotency-Key', async () => {
    await ingest({ accounts: [{ externalId: 'v' }] })
      .set('idempotency-key', 'key-2')
      .expect(400);
    await ingest({ accounts: [account('v')] })
      .set('idempotency-key', 'key-2')
      .expect(204);
    assert.ok(await accountState(sb, 'acc-user', 'v'));
  });
});
