import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { loadContract } from '../../server/http/openapi.js';
import { createTinkSurface } from '../../server/tink/surface.js';
import { coverage, operationIds } from '../helpers/contract.js';
import { startSandbox } from '../helpers/sandbox.js';
// The Tink suites run in this one process so that their contract checks can be counted here. Each
// `*.cases.ts` file also runs alone: `node test/run.mjs test/tink/oauth.cases.ts`.
import './connector-accounts.cases.js';
import './connector-transactions.cases.js';
import './connector-v2.cases.js';
import './data.cases.js';
import './oauth.cases.js';
import './operations.cases.js';
import './users-auth.cases.js';

it('has a handler for every operationId of contracts/tink.yaml, and no other', async () => {
  const sb = await startSandbox();
  const surface = await createTinkSurface(sb.deps);
  assert.deepEqual(Object.keys(surface.handlers).sort(), (await operationIds('tink')).sort());
  await sb.close();
});

/**
 * Answers only a scenario gives (429 rate limit, 503 outage) are checked for every operation by
 * test/contracts/scenario-answers.test.ts, and by the coverage gate after a full run.
 */
const SCENARIO_ONLY = new Set(['429', '503']);

/** Every status each operation declares, as (operationId, status) pairs. */
function declared(): string[] {
  const paths = (loadContract('tink') as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.values(paths).flatMap((item) =>
    Object.values(item).flatMap((operation) => {
      const { operationId, responses } = (operation ?? {}) as { operationId?: string; responses?: object };
      return operationId && responses
        ? Object.keys(responses)
            .filter((status) => !SCENARIO_ONLY.has(status))
            .map((status) => `${operationId} ${status}`)
        : [];
    }),
  );
}

after(() => {
  const produced = new Set([...coverage].flatMap(([id, statuses]) => [...statuses].map((s) => `${id} ${s}`)));
  const missing = declared().filter((pair) => !produced.has(pair));
  assert.deepEqual(missing, [], `declared statuses no test produced: ${missing.join(', ')}`);
});
