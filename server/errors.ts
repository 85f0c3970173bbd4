import type { SandboxResponse } from './http/types.js';

/**
 * The sandbox's own errors, answered as RFC 9457 `application/problem+json`. Emulated bank errors are
 * never made here: they are ordinary responses in the emulated API's own format.
 */
export const PROBLEMS = {
  'invalid-request': { status: 400, title: 'The request does not match the admin API contract' },
  'invalid-scenario': { status: 400, title: 'The scenario file is not valid' },
  'invalid-snapshot': { status: 400, title: 'The snapshot cannot be imported' },
  'unknown-tenant': { status: 404, title: 'No such tenant' },
  'unknown-scenario': { status: 404, title: 'No such scenario' },
  'not-found': { status: 404, title: 'Nothing is served at this path' },
  'method-not-allowed': { status: 405, title: 'This path does not accept this method' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'payload-too-large': { status: 413, title: 'The request body is larger than the sandbox accepts' },
  'unsupported-media-type': {
    status: 415,
    title: 'The request body has a media type the sandbox cannot read',
  },
  'internal-error': { status: 500, title: 'The sandbox failed; this is a bug in tink-sandbox' },
  'contract-drift': { status: 500, title: 'The sandbox produced a response its contract does not allow' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemExtras {
  /** For validation problems: each field and what was expected of it. */
  errors?: Array<{ field: string; message: string }>;
  [member: string]: unknown;
}

export function problem(type: ProblemType, detail: string, extras: ProblemExtras = {}): SandboxResponse {
  const { status, title } = PROBLEMS[type];
  return {
    status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
    body: { type: `urn:tink-sandbox:problem:${type}`, title, status, detail, ...extras },
  };
}
