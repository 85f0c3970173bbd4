import type { OpenAPIBackend, Operation } from 'openapi-backend';
import type { Violation } from '../journal.js';
import { schemaViolations } from './surface.js';
import type { SandboxResponse } from './types.js';

/**
 * Checks a response against its operation in the contract: its status must be declared and its JSON
 * body must match the declared schema. Used by the tests on every response, and at run time when the
 * sandbox is started with response validation.
 */
export function responseViolations(
  api: OpenAPIBackend,
  operation: Operation,
  response: SandboxResponse,
): Violation[] {
  const declared = operation.responses ?? {};
  const status = String(response.status);
  if (!(status in declared) && !(`${status[0]}XX` in declared) && !('default' in declared)) {
    return [
      {
        source: 'response',
        rule: 'undeclared-status',
        where: 'status',
        message: `${operation.operationId} does not declare status ${status}; declared: ${Object.keys(declared).join(', ')}`,
      },
    ];
  }
  const body = response.body;
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) return [];
  const result = api.validateResponse(body, operation, response.status);
  return result.valid ? [] : schemaViolations(result.errors, 'response');
}
