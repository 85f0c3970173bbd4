import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Document, OpenAPIBackend } from 'openapi-backend';
import { pino } from 'pino';
import { parse } from 'yaml';
import { createDispatcher } from '../../server/http/dispatch.js';
import type { Surface } from '../../server/http/surface.js';
import { startSandbox } from '../helpers/sandbox.js';

const fixture = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'things.yaml'), 'utf8'));

/** A sandbox whose only API answers getThing with a status its contract does not declare. */
async function drifting(mode: 'log' | 'strict') {
  const sandbox = await startSandbox({ validateResponses: mode });
  const api = new OpenAPIBackend({ definition: fixture as Document, quick: true });
  await api.init();
  const warnings: unknown[] = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
  const surface: Surface = {
    name: 'tink',
    api,
    handlers: { getThing: () => ({ status: 418, body: { teapot: true } }) },
    owns: () => true,
    authenticate: () => ({ ok: true, tenant: sandbox.deps.store.tenant('default')!, principal: null }),
    rejectBody: () => ({ status: 400 }),
    rejectInvalid: () => ({ status: 400 }),
    notFound: () => ({ status: 404 }),
  };
  const dispatch = createDispatcher({ ...sandbox.deps, logger }, [surface], []);
  const response = await dispatch({
    method: 'GET',
    path: '/things/1',
    query: {},
    headers: {},
    rawBody: Buffer.alloc(0),
  });
  await sandbox.close();
  return { response, warnings, journal: sandbox.deps.journal.query({ tenant: '*' }) };
}

describe('the sandbox validating its own responses', () => {
  it('logs drift and still answers in log mode', async () => {
    const { response, warnings, journal } = await drifting('log');
    assert.equal(response.status, 418);
    const warning = warnings.find(
      (w) => (w as { msg: string }).msg === 'response does not match the contract',
    ) as {
      operationId: string;
      violations: Array<{ rule: string }>;
    };
    assert.equal(warning.operationId, 'getThing');
    assert.equal(warning.violations[0]!.rule, 'undeclared-status');
    assert.equal(journal[0]!.violations[0]!.source, 'response');
  });

  it('answers 500 contract-drift naming the violations in strict mode', async () => {
    const { response } = await drifting('strict');
    assert.equal(response.status, 500);
    const body = JSON.parse(response.payload!.toString('utf8'));
    assert.equal(body.type, 'urn:tink-sandbox:problem:contract-drift');
    assert.match(body.violations[0].message, /getThing does not declare status 418/);
    assert.match(response.headers['x-sandbox-violations'] ?? '', /^1 violation: undeclared-status status$/);
  });
});
