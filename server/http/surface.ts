import type { ErrorObject } from 'ajv';
import type { OpenAPIBackend, Request as OpenApiRequest, Operation } from 'openapi-backend';
import { clockNow, sleep } from '../clock.js';
import type { SandboxDeps } from '../deps.js';
import type { ApiName, Violation } from '../journal.js';
import type { Behaviour, TenantData } from '../store/types.js';
import { type ParsedBody, parseBody } from './body.js';
import { routerFor } from './router.js';
import type { Query, SandboxRequest, SandboxResponse } from './types.js';
import { contentTypeViolation } from './violations.js';

/** What is known of a request once it is routed to an operation, before anyone trusts it. */
export interface RoutedRequest {
  request: SandboxRequest;
  operation: Operation;
  operationId: string;
  /** Path parameters by name, as in the contract. */
  params: Record<string, string>;
  /** The parsed body; `undefined` when there is none or it could not be parsed. */
  body: unknown;
}

export type AuthOutcome<P> =
  /** `scenario`: one bound to the credential (a magic credential, or a token issued from one). */
  | { ok: true; tenant: TenantData; principal: P; scenario?: string }
  | { ok: false; response: SandboxResponse; tenantId?: string; violation?: Violation };

export interface HandlerContext<P = unknown> extends RoutedRequest {
  query: Query;
  tenant: TenantData;
  principal: P;
  /** The tenant's virtual time for this request. */
  now: number;
  /** The domain behaviour in force for this request: the tenant's, or a scenario's for this request only. */
  behaviour: Behaviour;
  deps: SandboxDeps;
  /** For handlers of safe methods that still change state (unsafe methods always commit). */
  markChanged(): void;
}

/** A handler returns the response; it never sends it. Its key is the contract's operationId. */
export type Handler<P = unknown> = (context: HandlerContext<P>) => SandboxResponse | Promise<SandboxResponse>;

/** One emulated (or the admin) API: its contract, its handlers and how it speaks its errors. */
export interface Surface<P = unknown> {
  name: ApiName;
  api: OpenAPIBackend;
  handlers: Record<string, Handler<P>>;
  /** Whether a path belongs to this API. */
  owns(path: string): boolean;
  authenticate(routed: RoutedRequest, deps: SandboxDeps): AuthOutcome<P> | Promise<AuthOutcome<P>>;
  /** A body that could not be read: too large, or not parseable for its content type. */
  rejectBody(routed: RoutedRequest, problem: 'too-large' | 'malformed', detail: string): SandboxResponse;
  /** A body of a media type the operation does not declare; `rejectBody(…, 'malformed')` if absent. */
  rejectContentType?(routed: RoutedRequest, detail: string): SandboxResponse;
  /** A request that breaks the contract's schema, in the API's own error format. */
  rejectInvalid(errors: ErrorObject[], routed: RoutedRequest): SandboxResponse;
  /** No operation at this path (allowed is empty) or not with this method. */
  notFound(request: SandboxRequest, allowedMethods: string[]): SandboxResponse;
  /** Last touches on every response of this API, e.g. request-id headers. */
  finish?(response: SandboxResponse, request: SandboxRequest): SandboxResponse;
}

/** What running a request through a surface produced, for the journal and the contract check. */
export interface SurfaceOutcome {
  response: SandboxResponse;
  operation: Operation | null;
  tenant: TenantData | null;
  tenantId: string | null;
  violations: Violation[];
  scenarioRule: { name: string; rule: string | null } | null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An outcome that knows nothing yet but its response. */
export const outcomeOf = (response: SandboxResponse): SurfaceOutcome => ({
  response,
  operation: null,
  tenant: null,
  tenantId: null,
  violations: [],
  scenarioRule: null,
});

export function toOpenApiRequest(request: SandboxRequest, body?: unknown): OpenApiRequest {
  return { method: request.method, path: request.path, headers: request.headers, query: request.query, body };
}

export function schemaViolations(
  errors: ErrorObject[] | null | undefined,
  source: Violation['source'],
): Violation[] {
  return (errors ?? []).map((error) => ({
    source,
    rule: 'schema',
    where: error.instancePath || String(error.params?.missingProperty ?? ''),
    message: `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`,
  }));
}

/**
 * One request through one surface: route, read the body, authenticate (which finds the tenant),
 * settle the tenant's timeline, let the scenario engine have its say, validate, then run the handler
 * and make its change durable. Every early exit is a response in the surface's own format.
 */
export async function runSurface<P>(
  surface: Surface<P>,
  request: SandboxRequest,
  deps: SandboxDeps,
): Promise<SurfaceOutcome> {
  const outcome = outcomeOf({ status: 500 });
  const router = routerFor(surface.api);
  const route = router.match(request.method, request.path);
  if (!route) {
    const allowed = router.methodsAt(request.path);
    const rule = allowed.length ? 'method-not-allowed' : 'unknown-path';
    const message = allowed.length
      ? `${request.method} is not allowed on ${request.path}; allowed: ${allowed.join(', ')}`
      : `no operation at ${request.method} ${request.path}`;
    outcome.violations.push({ source: 'request', rule, where: request.path, message });
    outcome.response = surface.notFound(request, allowed);
    return outcome;
  }
  const { operation } = route;
  outcome.operation = operation;

  // An operation that takes no body ignores whatever was sent, as the real servers do: a stray body
  // on a GET is neither parsed nor refused.
  const parsed: ParsedBody | null = !operation.requestBody
    ? { ok: true, body: undefined }
    : request.bodyTooLarge
      ? null
      : parseBody(request);
  const routed: RoutedRequest = {
    request,
    operation,
    operationId: operation.operationId ?? '',
    params: route.params,
    body: parsed?.ok ? parsed.body : undefined,
  };

  const auth = await surface.authenticate(routed, deps);
  if (!auth.ok) {
    outcome.tenantId = auth.tenantId ?? null;
    if (auth.violation) outcome.violations.push(auth.violation);
    outcome.response = auth.response;
    return outcome;
  }
  const tenant = auth.tenant;
  outcome.tenant = tenant;
  outcome.tenantId = tenant.id;

  let changed = deps.timeline.settle(tenant, clockNow(tenant.clock)).length > 0;
  const now = clockNow(tenant.clock);

  // A scenario asked for by this request (header) or bound to its credential outranks the tenant's.
  const requested = request.headers['x-sandbox-scenario'] ?? auth.scenario;
  const decision = deps.scenarios.decide({
    api: surface.name,
    routed,
    tenant,
    now,
    ...(requested ? { requested } : {}),
  });
  if (decision?.rule) outcome.scenarioRule = decision.rule;
  if (decision?.delayMs) await sleep(decision.delayMs);
  if (decision?.response) {
    outcome.response = decision.response;
    if (decision.changed) await deps.store.commit();
    return outcome;
  }

  const wrongType = parsed && operation.requestBody ? contentTypeViolation(request, operation) : null;
  if (wrongType) {
    outcome.violations.push(wrongType);
    outcome.response = surface.rejectContentType
      ? surface.rejectContentType(routed, wrongType.message)
      : surface.rejectBody(routed, 'malformed', wrongType.message);
    return outcome;
  }
  if (!parsed?.ok) {
    const problem = parsed ? 'malformed' : 'too-large';
    const detail = parsed?.ok === false ? parsed.reason : 'the body is larger than the configured limit';
    outcome.violations.push({ source: 'request', rule: `${problem}-body`, where: 'body', message: detail });
    outcome.response = surface.rejectBody(routed, problem, detail);
    return outcome;
  }

  const validation = surface.api.validateRequest(toOpenApiRequest(request, routed.body), operation);
  if (!validation.valid) {
    outcome.violations.push(...schemaViolations(validation.errors, 'request'));
    outcome.response = surface.rejectInvalid(validation.errors ?? [], routed);
    return outcome;
  }

  const handler = surface.handlers[routed.operationId];
  if (!handler) throw new Error(`${surface.name}: no handler for operationId ${routed.operationId}`);
  outcome.response = await handler({
    ...routed,
    query: request.query,
    tenant,
    principal: auth.principal,
    now,
    behaviour: decision?.behaviour ?? tenant.behaviour,
    deps,
    markChanged: () => {
      changed = true;
    },
  });
  if (changed || !SAFE_METHODS.has(request.method)) await deps.store.commit();
  return outcome;
}
