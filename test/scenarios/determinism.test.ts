import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startEmulated, tinkAuth } from '../helpers/emulated.js';
import { createTenant } from '../helpers/sandbox.js';

/** Sends `count` requests one after another and returns what became of each: a status or a fault. */
async function run(seed: number, count: number): Promise<string[]> {
  const sandbox = await startEmulated();
  const server = await sandbox.listenEmulated();
  try {
    const tenant = await createTenant(sandbox, { seed, scenario: 'flaky-network' });
    const outcomes: string[] = [];
    for (let i = 0; i < count; i += 1) {
      try {
        const res = await fetch(`${server.url}/connector/users/u${i}/accounts`, {
          method: 'POST',
          headers: { ...tinkAuth(tenant.tink.clientId), 'content-type': 'application/json' },
          body: '{}',
        });
        const text = await res.text();
        outcomes.push(text.includes('truncated') ? `${res.status} malformed` : String(res.status));
      } catch {
        outcomes.push('network error');
      }
    }
    const journal = (await sandbox.api.get(`/__admin/requests?tenant=${tenant.id}&limit=1000`)).body.requests;
    assert.equal(journal.length, count);
    return outcomes;
  } finally {
    await server.close();
    await sandbox.close();
  }
}

describe('determinism', () => {
  it('gives the same faults for the same seed and requests, and others for another seed', async () => {
    // Separate sandboxes, run side by side: one tenant's draws never depend on another's traffic.
    const [first, again, other] = await Promise.all([run(42, 30), run(42, 30), run(43, 30)]);
    assert.deepEqual(again, first);
    assert.notDeepEqual(other, first);
    assert.ok(first.includes('network error'), `no fault in ${first.join(', ')}`);
    assert.ok(first.filter((o) => o === '204').length >= 18);
  });
});

describe('delays under moderate load', () => {
  it('adds a fixed delay within a few milliseconds to 50 concurrent requests, against a baseline', async () => {
    const sandbox = await startEmulated();
    const server = await sandbox.listenEmulated();
    try {
      await sandbox.api
        .post('/__admin/scenarios')
        .send({ name: 'fixed-200', description: 'd', rules: [{ name: 'wait', delay: { fixed: 200 } }] })
        .expect(201);
      const plain = await createTenant(sandbox);
      const delayed = await createTenant(sandbox, { scenario: 'fixed-200' });
      const batch = async (tenant: { id: string; tink: { clientId: string } }) => {
        const send = (i: number) =>
          fetch(`${server.url}/connector/users/u${i}/accounts`, {
            method: 'POST',
            headers: { ...tinkAuth(tenant.tink.clientId), 'content-type': 'application/json' },
            body: '{}',
          }).then((res) => assert.equal(res.status, 204));
        await send(-1); // warm up the connection pool and the code paths
        await Promise.all(Array.from({ length: 50 }, (_, i) => send(i)));
        // The journal times the sandbox alone, from request to response.
        const journal = (await sandbox.api.get(`/__admin/requests?tenant=${tenant.id}&limit=50`)).body
          .requests;
        return journal
          .map((entry: { latencyMs: number }) => entry.latencyMs)
          .sort((a: number, b: number) => a - b);
      };
      // Baseline in the same run: what answering 50 requests at once costs without any delay.
      const baseline: number[] = await batch(plain);
      const served: number[] = await batch(delayed);
      assert.ok(served[0]! >= 199, `a delayed request was served after ${served[0]} ms`);
      const extra = served[25]! - 200 - baseline[25]!;
      assert.ok(Math.abs(extra) < 8, `median ${served[25]} ms vs baseline ${baseline[25]} ms + 200`);
    } finally {
      await server.close();
      await sandbox.close();
    }
  });
});
