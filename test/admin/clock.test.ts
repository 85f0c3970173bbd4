import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectContract } from '../helpers/contract.js';
import { createTenant, startSandbox, type TestSandbox } from '../helpers/sandbox.js';

describe('admin clock', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox({ clockStart: '2026-01-01T00:00:00.000Z', clockFrozen: true });
  });
  after(() => sandbox.close());

  it('reads the default tenant clock as configured at start', async () => {
    const res = await sandbox.http.get('/__admin/clock').expect(200);
    await expectContract(res, 'getClock');
    assert.deepEqual(res.body, { now: '2026-01-01T00:00:00.000Z', frozen: true });
  });

  it('advances by an ISO-8601 duration and by seconds', async () => {
    const byDuration = await sandbox.http.post('/__admin/clock/advance').send({ by: 'P1DT2H' }).expect(200);
    await expectContract(byDuration, 'advanceClock');
    assert.equal(byDuration.body.now, '2026-01-02T02:00:00.000Z');
    const bySeconds = await sandbox.http.post('/__admin/clock/advance').send({ seconds: 30 }).expect(200);
    assert.equal(bySeconds.body.now, '2026-01-02T02:00:30.000Z');
  });

  it('advances by calendar months', async () => {
    await sandbox.http.put('/__admin/clock').send({ now: '2026-01-31T00:00:00.000Z' }).expect(200);
    const res = await sandbox.http.post('/__admin/clock/advance').send({ by: 'P1M' }).expect(200);
    assert.equal(res.body.now, '2026-03-03T00:00:00.000Z');
  });

  it('answers 400 problem+json naming the field for a bad duration, and leaves the clock alone', async () => {
    const before = (await sandbox.http.get('/__admin/clock')).body.now;
    const res = await sandbox.http.post('/__admin/clock/advance').send({ by: 'ninety days' }).expect(400);
    await expectContract(res, 'advanceClock');
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
    assert.equal(res.body.errors[0].field, 'by');
    assert.equal((await sandbox.http.get('/__admin/clock')).body.now, before);
  });

  it('rejects unknown fields and negative seconds with 400', async () => {
    const res = await sandbox.http.post('/__admin/clock/advance').send({ seconds: -5 }).expect(400);
    assert.equal(res.body.errors[0].field, 'seconds');
    const extra = await sandbox.http.put('/__admin/clock').send({ tomorrow: true }).expect(400);
    assert.equal(extra.body.errors[0].field, 'tomorrow');
  });

  it('unfreezes and keeps the time where it stood', async () => {
    await sandbox.http
      .put('/__admin/clock')
      .send({ now: '2030-06-01T12:00:00.000Z', frozen: true })
      .expect(200);
    const res = await sandbox.http.put('/__admin/clock').send({ frozen: false }).expect(200);
    assert.equal(res.body.frozen, false);
    const drift = Date.parse(res.body.now) - Date.parse('2030-06-01T12:00:00.000Z');
    assert.ok(drift >= 0 && drift < 5000, `clock drifted ${drift} ms`);
  });

  it("advancing one tenant's clock leaves another tenant's alone", async () => {
    const a = await createTenant(sandbox, { clock: { now: '2026-05-01T00:00:00.000Z', frozen: true } });
    const b = await createTenant(sandbox, { clock: { now: '2026-05-01T00:00:00.000Z', frozen: true } });
    await sandbox.http.post(`/__admin/clock/advance?tenant=${a.id}`).send({ by: 'P91D' }).expect(200);
    const clockA = await sandbox.http.get('/__admin/clock').set('x-sandbox-tenant', a.id).expect(200);
    const clockB = await sandbox.http.get(`/__admin/clock?tenant=${b.id}`).expect(200);
    assert.equal(clockA.body.now, '2026-07-31T00:00:00.000Z');
    assert.equal(clockB.body.now, '2026-05-01T00:00:00.000Z');
  });

  it('answers 404 problem+json for an unknown tenant', async () => {
    const res = await sandbox.http.get('/__admin/clock?tenant=nope').expect(404);
    await expectContract(res, 'getClock');
    assert.match(res.body.detail, /unknown tenant 'nope'; known: default/);
  });
});
