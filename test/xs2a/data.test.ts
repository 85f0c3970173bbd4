import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isValidIban } from '../../server/xs2a/iban.js';
import { parseXs2aDateTime } from '../../server/xs2a/time.js';
import { createTenant, startSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { state } from './helpers.js';

describe('xs2a: demo data and dates', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('seeds the same data for the same seed, with valid IBANs and balances that add up', async () => {
    const clock = { now: '2026-03-02T09:00:00.000Z', frozen: true };
    const a = await createTenant(sandbox, { seed: 7, clock });
    const b = await createTenant(sandbox, { seed: 7, clock });
    const stateA = (await state(sandbox, a.id)).xs2a;
    const stateB = (await state(sandbox, b.id)).xs2a;
    const stable = (s: { tokens: Array<{ token: string }> }) => ({
      ...s,
      tokens: s.tokens.map((t) => ({ ...t, token: '' })),
    });
    assert.deepEqual(stable(stateA), stable(stateB), 'tokens differ per tenant, the rest is equal');
    assert.notEqual(stateA.tokens[0].token, stateB.tokens[0].token, 'a secret finds its tenant');

    const giro = stateA.accounts.find((account: { type: string }) => account.type === 'giro');
    assert.ok(isValidIban(giro.iban) && giro.iban.startsWith('DE') && giro.iban.slice(4, 12) === '88888888');
    assert.ok(giro.turnovers.length > 60);
    for (const t of giro.turnovers) assert.ok(isValidIban(t.counterIban), t.counterIban);
    assert.ok(
      giro.turnovers.some((t: { categoryId: string }) => t.categoryId === 'K.9.1.1'),
      'a salary',
    );
    const other = await createTenant(sandbox, { seed: 8, clock });
    assert.notEqual(
      (await state(sandbox, other.id)).xs2a.accounts[0].iban,
      stateA.accounts[0].iban,
      'another seed',
    );
  });

  it('parses valid_until the way both clients send it', () => {
    const winter = Date.parse('2050-01-01T10:11:11.000Z');
    assert.equal(parseXs2aDateTime('2050-01-01 11:11:11'), winter);
    assert.equal(parseXs2aDateTime('2050-01-01T11:11:11'), winter);
    assert.equal(parseXs2aDateTime('2050-01-01 T11:11:11.000000+01:00'), winter);
    assert.equal(parseXs2aDateTime('2050-01-01T10:11:11Z'), winter);
    assert.equal(
      parseXs2aDateTime('2050-07-01 12:00:00'),
      Date.parse('2050-07-01T10:00:00.000Z'),
      'summer time',
    );
    assert.equal(parseXs2aDateTime('2050-02-30 00:00:00'), undefined);
    assert.equal(parseXs2aDateTime('tomorrow'), undefined);
  });
});
