import type { Operation } from 'openapi-backend';
import type { Violation } from '../journal.js';
import { mediaType } from './body.js';
import type { SandboxRequest } from './types.js';

/**
 * Every rule a request or a response can break, in one place: the journal, `/__admin/violations`,
 * the report and the `x-sandbox-violations` header all speak these codes, and users gate CI on them.
 * Surfaces report the `auth-*` rules themselves (in a failed `AuthOutcome`), since only they know
 * their API's scheme.
 */
export const VIOLATION_RULES = {
  'unknown-path': 'no operation of the contract at this path',
  'method-not-allowed': 'the path exists, but not with this method',
  schema: 'a parameter, header or body field is missing, unknown or of the wrong type or format',
  'malformed-body': 'the body cannot be parsed as its content type says',
  'too-large-body': 'the body is larger than the sandbox reads (--body-limit)',
  'content-type': "the body's media type is not one the operation accepts",
  'auth-missing': 'no credentials where the operation requires them',
  'auth-scheme': 'credentials in the wrong scheme (e.g. Basic where Bearer is required)',
  'auth-invalid':
    'a credential of the wrong kind for the operation (e.g. an API key where a bank user token is required)',
  'undeclared-status': 'the sandbox answered a status its contract does not declare (a sandbox bug)',
} as const;

export type ViolationRule = keyof typeof VIOLATION_RULES;

/**
 * A request that broke its operation's security requirement. An unknown, expired or revoked
 * credential is not one: the contract cannot say which secrets are valid, and clients are expected to
 * meet those 401s (a token-expiry test must not fail a CI gate).
 */
export function authViolation(
  rule: 'auth-missing' | 'auth-scheme' | 'auth-invalid',
  message: string,
): Violation {
  return { source: 'request', rule, where: 'authorization', message };
}

/** The media types an operation's request body may have, as declared (lower case). */
export function declaredRequestTypes(operation: Operation): string[] {
  const body = operation.requestBody as { content?: Record<string, unknown> } | undefined;
  return Object.keys(body?.content ?? {}).map((type) => type.toLowerCase());
}

function accepts(declared: string, actual: string): boolean {
  if (declared === actual || declared === '*/*') return true;
  return declared.endsWith('/*') && actual.startsWith(declared.slice(0, -1));
}

/**
 * A body whose media type the operation does not declare. Bodiless requests and operations that
 * declare no request body are left to the schema check: there is nothing to compare against.
 */
export function contentTypeViolation(request: SandboxRequest, operation: Operation): Violation | null {
  if (request.rawBody.length === 0) return null;
  const declared = declaredRequestTypes(operation);
  if (declared.length === 0) return null;
  const actual = mediaType(request);
  if (declared.some((type) => accepts(type, actual))) return null;
  return {
    source: 'request',
    rule: 'content-type',
    where: 'content-type',
    message: `${actual ? `content-type ${actual}` : 'no content-type'} is not accepted by ${operation.operationId}; expected ${declared.join(' or ')}`,
  };
}

/** The header carrying the summary; ASCII only and short, since proxies and clients log headers. */
export const VIOLATIONS_HEADER = 'x-sandbox-violations';
const MAX_HEADER_CHARS = 300;

/** `2 violations: schema /accounts/0/externalId is required; unknown-path ...`, one line. */
export function violationSummary(violations: Violation[]): string {
  const count = `${violations.length} violation${violations.length === 1 ? '' : 's'}`;
  const parts = violations.map((v) => `${v.rule} ${v.rule === 'schema' ? v.message : v.where}`.trim());
  const text = `${count}: ${parts.join('; ')}`.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  return text.length > MAX_HEADER_CHARS ? `${text.slice(0, MAX_HEADER_CHARS - 3)}...` : text;
}
