import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import {
  bearer,
  clientToken,
  container,
  expectRefused,
  tinkSandbox,
  transaction,
  userToken,
  userWithAccount,
} from './support.js';

describe('tink Data API v2 reads of ingested data', () => {
  let sb: TestSandbox;
  let reader: string;
  let client: string;
  before(async () => {
    sb = await tinkSandbox();
    client = await clientToken(sb);
    await userWithAccount(sb, client, 'reader');
    await sb.http
      .post('/connector/users/reader/transactions')
      .set(bearer(client))
      .send(
        container(
          'acc-1',
          [
            transaction('r1', {
              amount: -9.99,
              date: Date.parse('2026-01-02T10:00:00Z'),
              merchantName: 'Spotify',
            }),
            transaction('r2', { amount: 2500, date: Date.parse('2026-01-05T10:00:00Z'), type: 'TRANSFER' }),
            transaction('r3', { amount: -4.2, date: Date.parse('2026-01-07T10:00:00Z'), pending: true }),
          ],
          {},
          { balance: 900, reservedAmount: 100 },
        ),
      )
      .expect(204);
    reader = await userToken(sb, client, 'reader', 'accounts:read,transactions:read');
  });
  after(() => sb.close());

  it('lists the user accounts with Tink ids, exact amounts and the stored balance', async () => {
    const res = await sb.http.get('/data/v2/accounts').set(bearer(reader)).expect(200);
    await expectContract(res, 'listAccounts');
    assert.equal(res.body.nextPageToken, '');
    const [account] = res.body.accounts;
    assert.match(account.id, /^[0-9a-f]{32}$/);
    assert.deepEqual(
      [account.externalAccountId, account.type, account.name],
      ['acc-1', 'CHECKING', 'Account acc-1'],
    );
    assert.deepEqual(account.balances.booked.amount, {
      currencyCode: 'GBP',
      value: { scale: '2', unscaledValue: '80000' },
    });
    const filtered = await sb.http.get('/data/v2/accounts?typesIn=SAVINGS').set(bearer(reader)).expect(200);
    assert.deepEqual(filtered.body.accounts, []);
  });

  it('lists transactions newest first, with filters and pages', async () => {
    const res = await sb.http.get('/data/v2/transactions').set(bearer(reader)).expect(200);
    await expectContract(res, 'listTransactions');
    assert.deepEqual(
      res.body.transactions.map((t: { identifiers: { providerTransactionId: string }; status: string }) => [
        t.identifiers.providerTransactionId,
        t.status,
      ]),
      [
        ['r3', 'PENDING'],
        ['r2', 'BOOKED'],
        ['r1', 'BOOKED'],
      ],
    );
    const spotify = res.body.transactions[2];
    assert.deepEqual(spotify.amount.value, { scale: '2', unscaledValue: '-999' });
    assert.deepEqual(spotify.descriptions, { display: 'Spotify', original: 'Purchase r1' });
    assert.equal(spotify.dates.booked, '2026-01-02');

    const booked = await sb.http
      .get('/data/v2/transactions?statusIn=BOOKED&bookedDateGte=2026-01-03')
      .set(bearer(reader))
      .expect(200);
    assert.deepEqual(
      booked.body.transactions.map(
        (t: { identifiers: { providerTransactionId: string } }) => t.identifiers.providerTransactionId,
      ),
      ['r2'],
    );
    const first = await sb.http.get('/data/v2/transactions?pageSize=2').set(bearer(reader)).expect(200);
    assert.equal(first.body.transactions.length, 2);
    const second = await sb.http
      .get(`/data/v2/transactions?pageSize=2&pageToken=${first.body.nextPageToken}`)
      .set(bearer(reader))
      .expect(200);
    assert.deepEqual([second.body.transactions.length, second.body.nextPageToken], [1, '']);
  });

  it('answers 400 for a bad page size, page token or date', async () => {
    for (const [operationId, path] of [
      ['listAccounts', '/data/v2/accounts?pageSize=0'],
      ['listTransactions', '/data/v2/transactions?pageToken=%%%'],
      ['listTransactions', '/data/v2/transactions?bookedDateLte=yesterday'],
    ] as const) {
      const res = await expectRefused(sb, operationId, 400, () => sb.http.get(path).set(bearer(reader)));
      assert.equal(res.body.errorCode, 'request.invalid_query');
    }
  });

  it('answers 401 without a token and 403 to a client token or a token without the read scope', async () => {
    const narrow = await userToken(sb, client, 'reader', 'accounts:read');
    for (const [operationId, path] of [
      ['listAccounts', '/data/v2/accounts'],
      ['listTransactions', '/data/v2/transactions'],
    ] as const) {
      await expectRefused(sb, operationId, 401, () => sb.http.get(path));
      const kind = await expectRefused(sb, operationId, 403, () => sb.http.get(path).set(bearer(client)));
      assert.equal(kind.body.errorCode, 'auth.wrong_token_type');
    }
    const scope = await expectRefused(sb, 'listTransactions', 403, () =>
      sb.http.get('/data/v2/transactions').set(bearer(narrow)),
    );
    assert.equal(scope.body.errorCode, 'auth.insufficient_scope');
  });
});
