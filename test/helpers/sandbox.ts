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
