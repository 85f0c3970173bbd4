import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SEED_ACCOUNTS } from '../../tink/elixir.js';
import { admin, elixir, type Story, startStory, xs2aKey } from './story.js';

const CALLS = 12;

describe('story: slow-bank', () => {
  let story: Story;
  before(async () => {
    story = await startStory();
  });
  after(() => story.sb.close());

  it('delays XS2A answers by a seeded lognormal latency (median 400 ms, sigma 0.6, at most 8 s); Tink and the bystander are not delayed', async () => {
    const { sb, tenant, bystander } = story;
    const control = admin(sb, tenant);
    const tink = await elixir(sb, tenant);
    await control.clearJournal();
    await control.use('slow-bank');
    const key = xs2aKey(sb, tenant);
    const measured = await Promise.all(
      Array.from({ length: CALLS }, async () => {
        const started = performance.now();
        const res = await key.get('/v1/api/users');
        assert.equal(res.status, 200);
        return performance.now() - started;
      }),
    );
    const entries = await control.journal();
    assert.equal(entries.length, CALLS);
    for (const e of entries) assert.deepEqual(e.scenario, { name: 'slow-bank', rule: 'bank-latency' });
    const latencies = entries.map((e) => e.latencyMs).sort((a, b) => a - b);
    // Four sigmas either side of the median, and the cap.
    for (const ms of latencies)
      assert.ok(ms >= 400 * Math.exp(-4 * 0.6) && ms <= 8000 + 100, `latency ${ms}`);
    const geometricMean = Math.exp(latencies.reduce((sum, ms) => sum + Math.log(ms), 0) / CALLS);
    assert.ok(geometricMean > 200 && geometricMean < 800, `geometric mean ${geometricMean}`);
    // The client really waited: the slowest call took at least the slowest drawn delay.
    assert.ok(
      Math.max(...measured) >= latencies.at(-1)! - 5,
      `${Math.max(...measured)} < ${latencies.at(-1)}`,
    );
    assert.ok(Math.min(...measured) >= latencies[0]! - 5);

    const quick = performance.now();
    assert.equal((await tink.post('/connector/users/ext-slow/accounts', SEED_ACCOUNTS)).status, 200);
    assert.ok(performance.now() - quick < 150, 'Tink is not delayed');
    assert.deepEqual((await control.latest()).scenario, { name: 'slow-bank', rule: null });

    const calm = performance.now();
    assert.equal((await xs2aKey(sb, bystander).get('/v1/api/users')).status, 200);
    assert.ok(performance.now() - calm < 150, 'the bystander is not delayed');
  });
});
