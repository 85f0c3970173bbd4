import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, type JournalEntry, type Story, startStory, type Tenant, xs2aKey } from './story.js';

const CALLS = 30;

/** What the client saw for each of CALLS identical requests: a status, or how the transport broke. */
async function run(story: Story, tenant: Tenant): Promise<string[]> {
  const key = xs2aKey(story.sb, tenant);
  const seen: string[] = [];
  for (let i = 0; i < CALLS; i += 1) {
    try {
      const res = await key.get('/v1/api/users');
      seen.push(String(res.status));
    } catch (error) {
      const { code, status } = error as { code?: string; status?: number };
      seen.push(status ? `${status} unparseable` : `transport ${code ?? 'error'}`);
    }
  }
  return seen;
}

describe('story: flaky-network', () => {
  const stories: Story[] = [];
  before(async () => {
    stories.push(await startStory({ seed: 42 }), await startStory({ seed: 42 }));
  });
  after(async () => {
    for (const story of stories) await story.sb.close();
  });

  it('adds seeded jitter and faults: the same seed and requests fail the same way in two fresh sandboxes', async () => {
    for (const { sb, tenant } of stories) await admin(sb, tenant).use('flaky-network');
    const [first, second] = await Promise.all(stories.map((story) => run(story, story.tenant)));
    assert.deepEqual(second, first, 'same seed, same outcomes');
    const journals = await Promise.all(stories.map(({ sb, tenant }) => admin(sb, tenant).journal()));
    const outcomes = (entries: JournalEntry[]) =>
      entries.map((e) => `${e.scenario?.rule} ${e.fault ?? e.status}`);
    assert.deepEqual(outcomes(journals[1]!), outcomes(journals[0]!));

    const entries = journals[0]!;
    assert.equal(entries.length, CALLS);
    const count = (rule: string) => entries.filter((e) => e.scenario?.rule === rule).length;
    const faults = {
      reset: count('jitter+reset'),
      empty: count('jitter+empty'),
      truncated: count('jitter+truncated'),
    };
    const clean = count('jitter');
    assert.equal(
      clean + faults.reset + faults.empty + faults.truncated,
      CALLS,
      JSON.stringify(outcomes(entries)),
    );
    // About 20% of the calls fail (10% resets, 5% empty, 5% truncated): bounds that hold for 30 calls.
    const failed = faults.reset + faults.empty + faults.truncated;
    assert.ok(failed >= 1 && failed <= 15, `faults ${JSON.stringify(faults)}`);
    for (const e of entries) {
      const fault = {
        'jitter+reset': 'connection-reset',
        'jitter+empty': 'empty-response',
        'jitter+truncated': 'malformed-json',
      }[e.scenario?.rule ?? ''];
      assert.equal(e.fault, fault ?? null);
      assert.deepEqual(e.scenario?.name, 'flaky-network');
      assert.ok(e.latencyMs >= 20 && e.latencyMs < 400, `latency ${e.latencyMs}`);
    }
    // What the client saw matches the journal: a 200 for each clean call, a broken transport or an
    // unparseable 200 for each fault.
    first!.forEach((seen, i) => {
      const entry = entries[i]!;
      if (!entry.fault) assert.equal(seen, '200');
      else if (entry.fault === 'malformed-json') assert.match(seen, /^200 unparseable|^transport/);
      else assert.match(seen, /^transport/);
    });

    // The bystander of the first sandbox makes the same calls: every one answers 200 at once.
    const { sb, bystander } = stories[0]!;
    const calm = await run(stories[0]!, bystander);
    assert.deepEqual(calm, Array(CALLS).fill('200'));
    assert.ok((await admin(sb, bystander).journal()).every((e) => e.scenario === null && e.latencyMs < 100));
  });
});
