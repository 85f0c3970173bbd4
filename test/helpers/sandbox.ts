import supertest from 'supertest';
import type { SandboxOptionsInput } from '../../server/config.js';
import { createSandbox, type Sandbox } from '../../server/index.js';

export type TestSandbox = Sandbox & { http: supertest.Agent; close(): Promise<void> };

/**
 * A fresh in-process sandbox for one test: seeded, silent, validating its own responses strictly so
 * that any contract drift fails the test that caused it.
 */
export async function startSandbox(options: SandboxOptionsInput = {}): Promise<TestSandbox> {
  const sandbox = await createSandbox({
    seed: 1,
    logLevel: 'silent',
    validateResponses: 'strict',
    ...options,
  });
  return Object.assign(sandbox, { http: supertest.agent(sandbox.app) });
}

/** Creates an isolated tenant through the admin API and returns its view (id and credentials). */
export async function createTenant(sandbox: TestSandbox, body: Record<string, unknown> = {}) {
  const res = await sandbox.http.post('/__admin/tenants').send(body).expect(201);
  return res.body as {
    id: string;
    tink: { clientId: string; clientSecret: string; scopes: string[] };
    xs2a: { apiKey: string };
  };
}

let behaviourScenarios = 0;

/**
 * Gives a tenant a domain behaviour through the public admin API: loads a throwaway scenario whose
 * start behaviour is `patch` (merged over the defaults) and activates it. `null` goes back to the
 * happy path.
 */
export async function useBehaviour(
  sandbox: TestSandbox,
  patch: Record<string, unknown> | null,
  tenant = 'default',
) {
  if (patch === null) {
    await sandbox.http.delete(`/__admin/scenario?tenant=${tenant}`).expect(200);
    return;
  }
  behaviourScenarios += 1;
  const name = `test-behaviour-${behaviourScenarios}`;
  const scenario = { name, description: 'behaviour set by a test', start: { behaviour: patch }, rules: [] };
  await sandbox.http.post('/__admin/scenarios').send(scenario).expect(201);
  await sandbox.http.put(`/__admin/scenario?tenant=${tenant}`).send({ name }).expect(200);
}

/**
 * A sandbox listening on a free loopback port, for clients that need a URL (newman, a browser, the
 * report CLI). Its `close()` also stops the listener.
 */
export async function serveSandbox(
  options: SandboxOptionsInput = {},
): Promise<TestSandbox & { url: string }> {
  const sandbox = await startSandbox(options);
  const { url } = await sandbox.listen(0, '127.0.0.1');
  return Object.assign(sandbox, { url });
}
