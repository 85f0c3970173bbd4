import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIBackend, Operation } from 'openapi-backend';
import type { Response } from 'supertest';
import { responseViolations } from '../../server/http/contract-check.js';
import { type ContractName, createOpenApi } from '../../server/http/openapi.js';

const apis = new Map<ContractName, Promise<OpenAPIBackend>>();

function api(name: ContractName): Promise<OpenAPIBackend> {
  let instance = apis.get(name);
  if (!instance) {
    instance = createOpenApi(name);
    apis.set(name, instance);
  }
  return instance;
}

/** Every operationId of a contract, for completeness tests. */
export async function operationIds(name: ContractName): Promise<string[]> {
  return (await api(name)).getOperations().map((operation) => operation.operationId ?? '');
}

async function findOperation(
  operationId: string,
): Promise<{ backend: OpenAPIBackend; operation: Operation }> {
  for (const name of ['tink', 'xs2a', 'admin'] as const) {
    const backend = await api(name);
    const operation = backend.getOperation(operationId);
    if (operation) return { backend, operation };
  }
  throw new Error(`no operation ${operationId} in any contract`);
}

/** Operations whose responses a test has checked, per status: read by the contract coverage test. */
export const coverage = new Map<string, Set<number>>();

/** Where each test process leaves what it validated; `test/contract-coverage.ts` reads them all. */
export const COVERAGE_DIR =
  process.env.CONTRACT_COVERAGE_DIR ??
  join(import.meta.dirname, '..', '..', 'test-output', 'contract-coverage');

let persisting = false;

/** node's runner runs each test file in its own process, so each one writes its part when it exits. */
function persistOnExit(): void {
  if (persisting) return;
  persisting = true;
  process.on('exit', () => {
    const operations = Object.fromEntries([...coverage].map(([id, statuses]) => [id, [...statuses].sort()]));
    mkdirSync(COVERAGE_DIR, { recursive: true });
    writeFileSync(
      join(COVERAGE_DIR, `${process.pid}.json`),
      JSON.stringify({ file: process.argv[1] ?? null, operations }),
    );
  });
}

/**
 * Asserts that a response is one the contract allows for the operation: a declared status, a declared
 * media type, and a JSON body matching the schema.
 */
export async function expectContract(res: Response, operationId: string): Promise<void> {
  const { backend, operation } = await findOperation(operationId);
  const body =
    res.body !== undefined && res.text !== '' && /json/.test(res.headers['content-type'] ?? '')
      ? res.body
      : undefined;
  const violations = responseViolations(backend, operation, { status: res.status, body });
  assert.deepEqual(
    violations,
    [],
    `${operationId} ${res.status} breaks its contract: ${JSON.stringify(violations)}\nbody: ${res.text}`,
  );
  const declared = operation.responses?.[String(res.status)] as
    | { content?: Record<string, unknown> }
    | undefined;
  const types = Object.keys(declared?.content ?? {});
  if (types.length && res.text !== '') {
    const actual = (res.headers['content-type'] ?? '').split(';')[0];
    assert.ok(
      types.includes(actual ?? ''),
      `${operationId} ${res.status}: content-type ${actual} is not declared (${types.join(', ')})`,
    );
  }
  persistOnExit();
  if (!coverage.has(operationId)) coverage.set(operationId, new Set());
  coverage.get(operationId)!.add(res.status);
}
