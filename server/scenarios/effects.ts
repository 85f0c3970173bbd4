import type { Operation } from 'openapi-backend';
import { problem } from '../errors.js';
import { json, type SandboxResponse } from '../http/types.js';
import { XS2A_CHALLENGE } from '../xs2a/errors.js';
import { draw, normal } from './random.js';
import { render, type TemplateScope } from './template.js';
import type { DelaySpec, FaultName, RespondSpec, Rule } from './types.js';

export type EmulatedApi = 'tink' | 'xs2a';

/** Lognormal delays are capped so that a heavy tail cannot hang a test run by accident. */
const DEFAULT_LOGNORMAL_CAP_MS = 60_000;

/** Real latency in ms for one call; the draws are keyed by the call so the same run repeats exactly. */
export function delayMs(spec: DelaySpec, key: Array<string | number>): number {
  if (spec.fixed !== undefined) return spec.fixed;
  if (spec.uniform) {
    const { min, max } = spec.uniform;
    return min + Math.floor(draw(...key, 'uniform') * (max - min + 1));
  }
  const { median, sigma, max = DEFAULT_LOGNORMAL_CAP_MS } = spec.lognormal!;
  const z = normal(draw(...key, 'u1'), draw(...key, 'u2'));
  return Math.min(max, Math.round(median * Math.exp(sigma * z)));
}

/** An error in the emulated API's own format: Tink `{errorMessage, errorCode}`, XS2A `{code, message}`. */
export function apiError(
  api: EmulatedApi,
  status: number,
  message: string,
  tinkCode: string,
  headers: Record<string, string> = {},
  tinkExtra: Record<string, unknown> = {},
): SandboxResponse {
  const body =
    api === 'tink' ? { errorMessage: message, errorCode: tinkCode, ...tinkExtra } : { code: status, message };
  return json(status, body, headers);
}

export function authFailure(api: EmulatedApi, spec: NonNullable<Rule['authFailure']>): SandboxResponse {
  const status = spec.status ?? 401;
  if (status === 403) {
    return apiError(
      api,
      403,
      spec.message ?? 'The access token does not have the scope this endpoint requires.',
      spec.code ?? 'insufficient_scope',
    );
  }
  // XS2A authenticates with HTTP Basic, and says so on a 401 (reference xs2a.md §2, §5).
  const headers: Record<string, string> = api === 'xs2a' ? { 'www-authenticate': XS2A_CHALLENGE } : {};
  return apiError(api, 401, spec.message ?? 'Unauthorized', spec.code ?? 'unauthorized', headers);
}

/**
 * 429 with `Retry-After` (seconds). Tink clients such as the Elixir `tink` 1.0 read the wait from
 * the body (`retryAfterMillis`) rather than the header (reference tink.md §2.2), so Tink gets both.
 */
export function rateLimited(api: EmulatedApi, retryAfterMs: number, message?: string): SandboxResponse {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return apiError(
    api,
    429,
    message ?? 'Too many requests; retry later.',
    'rate_limit_exceeded',
    { 'retry-after': String(seconds) },
    { retryAfterMillis: Math.max(1, Math.ceil(retryAfterMs)) },
  );
}

export function outage(api: EmulatedApi, retryAfterSeconds: number, message?: string): SandboxResponse {
  return apiError(
    api,
    503,
    message ?? 'The bank is unavailable for maintenance; retry later.',
    'service_unavailable',
    { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );
}

/** A fault breaks the transport; `malformed-json` answers 200 so clients meet an undecodable success. */
export const fault = (name: FaultName): SandboxResponse => ({
  status: name === 'malformed-json' ? 200 : 500,
  fault: name,
});

/** A named example of the status from the operation's contract, so the override stays contract-valid. */
function example(operation: Operation, status: number, name: string): SandboxResponse {
  const declared = operation.responses?.[String(status)] as
    | { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> }
    | undefined;
  for (const [type, media] of Object.entries(declared?.content ?? {})) {
    const found = media.examples?.[name];
    if (found) return { status, headers: { 'content-type': type }, body: structuredClone(found.value) };
  }
  const known = Object.values(declared?.content ?? {}).flatMap((m) => Object.keys(m.examples ?? {}));
  return problem(
    'invalid-scenario',
    `the rule asks for example '${name}' of ${operation.operationId} ${status}, which the contract does not declare; declared: ${known.join(', ') || 'none'}`,
  );
}

export function respond(spec: RespondSpec, operation: Operation, scope: TemplateScope): SandboxResponse {
  if (spec.example) return example(operation, spec.status, spec.example);
  const headers = spec.headers ? (render(spec.headers, scope) as Record<string, string>) : undefined;
  const body = spec.body === undefined ? undefined : render(spec.body, scope);
  return { status: spec.status, ...(headers ? { headers } : {}), ...(body === undefined ? {} : { body }) };
}
