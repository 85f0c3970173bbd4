import { clockNow, machineNow, monotonicMs, toIso } from '../clock.js';
import type { SandboxDeps } from '../deps.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../errors.js';
import { type ApiName, journalBody } from '../journal.js';
import { responseViolations } from './contract-check.js';
import { type EncodedResponse, encodeResponse } from './encode.js';
import { redactHeaders } from './redact.js';
import { outcomeOf, runSurface, type Surface, type SurfaceOutcome } from './surface.js';
import type { SandboxRequest, SandboxResponse } from './types.js';
import { VIOLATIONS_HEADER, violationSummary } from './violations.js';

/** A page outside the contracts (the dashboard, the wizard's HTML): plain routes, not journaled. */
export interface Page {
  method: string;
  /** Path parameters when the path is this page's, otherwise null. */
  match(path: string): Record<string, string> | null;
  handle(
    params: Record<string, string>,
    request: SandboxRequest,
    deps: SandboxDeps,
  ): SandboxResponse | Promise<SandboxResponse>;
}

export type Dispatch = (request: SandboxRequest) => Promise<EncodedResponse>;

const JOURNALED: ReadonlySet<ApiName> = new Set(['tink', 'xs2a']);

function unexpected(error: unknown, request: SandboxRequest, deps: SandboxDeps): SandboxResponse {
  deps.logger.error(
    { err: error, method: request.method, path: request.path },
    'unexpected error while handling a request',
  );
  return problem(
    'internal-error',
    `handling ${request.method} ${request.path} failed unexpectedly; the sandbox log has the stack trace`,
  );
}

function checkContract(surface: Surface, outcome: SurfaceOutcome, deps: SandboxDeps): void {
  const mode = deps.options.validateResponses;
  if (mode === 'off' || !outcome.operation) return;
  // A scenario's fault breaks the transport instead of answering, and a sandbox problem (an unknown
  // scenario named in a header) is the sandbox speaking, not the emulated API: neither is in a contract.
  const type = outcome.response.headers?.['content-type'] ?? '';
  if (outcome.response.fault || (surface.name !== 'admin' && type.startsWith(PROBLEM_CONTENT_TYPE))) return;
  const violations = responseViolations(surface.api, outcome.operation, outcome.response);
  if (violations.length === 0) return;
  outcome.violations.push(...violations);
  deps.logger.warn(
    { operationId: outcome.operation.operationId, violations },
    'response does not match the contract',
  );
  if (mode === 'strict') {
    outcome.response = problem(
      'contract-drift',
      `the ${surface.name} response to ${outcome.operation.operationId} broke its contract`,
      {
        violations,
      },
    );
  }
}

/**
 * The one path of every request: pages first, then the surface that owns the path. Whatever
 * happens, a response comes back: a bug becomes a 500 problem with the stack in the log. Requests to
 * the emulated APIs are journaled; the response is encoded here and nowhere else.
 */
export function createDispatcher(deps: SandboxDeps, surfaces: Surface[], pages: Page[]): Dispatch {
  const answer = answerer(deps, surfaces, pages);
  return async function dispatch(request) {
    const started = monotonicMs();
    const { encoded, note } = await answer(request, started);
    const ms = Math.round((monotonicMs() - started) * 10) / 10;
    deps.logger.info(
      { ...note, status: encoded.status, ms },
      `${request.method} ${request.path} ${encoded.status} ${ms}ms`,
    );
    return encoded;
  };
}

/** What the request log says besides method, path, status and time. */
interface LogNote {
  api?: ApiName;
  tenant?: string | null;
  operationId?: string | null;
}

/** Finds the page or surface for a request and answers it, journaling emulated-API requests. */
function answerer(deps: SandboxDeps, surfaces: Surface[], pages: Page[]) {
  return async (
    request: SandboxRequest,
    started: number,
  ): Promise<{ encoded: EncodedResponse; note: LogNote }> => {
    for (const page of pages) {
      const params = page.method === request.method ? page.match(request.path) : null;
      if (!params) continue;
      try {
        return { encoded: encodeResponse(await page.handle(params, request, deps)), note: { api: 'ui' } };
      } catch (error) {
        return { encoded: encodeResponse(unexpected(error, request, deps)), note: { api: 'ui' } };
      }
    }
    const surface = surfaces.find((candidate) => candidate.owns(request.path));
    if (!surface) {
      const known = surfaces.map((s) => s.name).join(', ');
      const response = problem(
        'not-found',
        `nothing is served at ${request.path}; this sandbox serves the ${known} APIs`,
      );
      return { encoded: encodeResponse(response), note: {} };
    }

    let outcome: SurfaceOutcome;
    try {
      outcome = await runSurface(surface, request, deps);
      checkContract(surface, outcome, deps);
    } catch (error) {
      outcome = outcomeOf(unexpected(error, request, deps));
    }
    let response = surface.finish ? surface.finish(outcome.response, request) : outcome.response;
    if (JOURNALED.has(surface.name) && outcome.violations.length > 0) {
      const summary = violationSummary(outcome.violations);
      response = { ...response, headers: { ...response.headers, [VIOLATIONS_HEADER]: summary } };
    }
    const encoded = encodeResponse(response);
    if (JOURNALED.has(surface.name))
      record(deps, surface.name, request, outcome, encoded, monotonicMs() - started);
    const operationId = outcome.operation?.operationId ?? null;
    return { encoded, note: { api: surface.name, tenant: outcome.tenantId, operationId } };
  };
}

function record(
  deps: SandboxDeps,
  api: ApiName,
  request: SandboxRequest,
  outcome: SurfaceOutcome,
  encoded: EncodedResponse,
  latencyMs: number,
): void {
  let tenant = outcome.tenant;
  // A request that failed authentication belongs to no tenant, unless it names one.
  if (!tenant && request.headers['x-sandbox-tenant'])
    tenant = deps.store.tenant(request.headers['x-sandbox-tenant']) ?? null;
  const tenantId = tenant?.id ?? outcome.tenantId;
  deps.journal.record({
    id: deps.journal.nextId(),
    time: toIso(machineNow()),
    clock: tenant ? toIso(clockNow(tenant.clock)) : null,
    tenant: tenantId,
    api,
    operationId: outcome.operation?.operationId ?? null,
    method: request.method,
    path: request.path,
    query: request.query,
    status: encoded.status,
    latencyMs: Math.round(latencyMs * 100) / 100,
    request: {
      headers: redactHeaders(request.headers),
      body: journalBody(request.rawBody.length ? request.rawBody.toString('utf8') : null),
    },
    response: {
      headers: encoded.headers,
      body: journalBody(encoded.payload ? encoded.payload.toString('utf8') : null),
    },
    scenario: outcome.scenarioRule,
    violations: outcome.violations,
    fault: encoded.fault,
  });
}
