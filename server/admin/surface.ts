import type { ErrorObject } from 'ajv';
import type { SandboxDeps } from '../deps.js';
import { problem } from '../errors.js';
import { fieldOf } from '../http/ajv-errors.js';
import { createOpenApi } from '../http/openapi.js';
import type { AuthOutcome, RoutedRequest, Surface } from '../http/surface.js';
import { firstQueryValue, type SandboxRequest } from '../http/types.js';
import { DEFAULT_TENANT_ID } from '../tenants.js';
import { clockHandlers } from './clock.js';
import { contractHandlers } from './contracts.js';
import { healthHandlers } from './health.js';
import { reportHandlers } from './report.js';
import { requestHandlers } from './requests.js';
import { scenarioHandlers } from './scenarios.js';
import { snapshotHandlers } from './snapshot.js';
import { stateHandlers } from './state.js';
import { stepHandlers } from './steps.js';
import { tenantHandlers, unknownTenant } from './tenants.js';
import { violationHandlers } from './violations.js';

function messageOf(error: ErrorObject): string {
  if (error.params && 'additionalProperty' in error.params) return 'is not a known field';
  if (error.keyword === 'enum' && error.params && 'allowedValues' in error.params) {
    return `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

/** Every admin operation's handler, by the contract's operationId. */
export const adminHandlers: Surface['handlers'] = {
  ...healthHandlers,
  ...tenantHandlers,
  ...clockHandlers,
  ...stateHandlers,
  ...requestHandlers,
  ...snapshotHandlers,
  ...scenarioHandlers,
  ...stepHandlers,
  ...violationHandlers,
  ...reportHandlers,
  ...contractHandlers,
};

/** The admin API: a tenant is chosen by `?tenant=` or `x-sandbox-tenant`, `default` otherwise. */
export async function createAdminSurface(deps: SandboxDeps): Promise<Surface<null>> {
  const api = await createOpenApi('admin');
  return {
    name: 'admin',
    api,
    handlers: adminHandlers,
    owns: (path) => path === '/__admin' || path.startsWith('/__admin/'),

    authenticate(routed: RoutedRequest): AuthOutcome<null> {
      const { request } = routed;
      const asked = firstQueryValue(request.query, 'tenant') ?? request.headers['x-sandbox-tenant'];
      const id = asked === undefined || asked === '*' ? DEFAULT_TENANT_ID : asked;
      const tenant = deps.store.tenant(id);
      if (!tenant)
        return {
          ok: false,
          response: unknownTenant(
            id,
            deps.store.tenants().map((t) => t.id),
          ),
        };
      return { ok: true, tenant, principal: null };
    },

    rejectBody: (_routed, kind, detail) =>
      kind === 'too-large'
        ? problem('payload-too-large', detail)
        : problem('invalid-request', detail, { errors: [{ field: '(body)', message: detail }] }),

    rejectContentType: (_routed, detail) =>
      problem('invalid-request', detail, { errors: [{ field: 'content-type', message: detail }] }),

    rejectInvalid(errors) {
      const fields = errors.map((error) => ({ field: fieldOf(error), message: messageOf(error) }));
      const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
      return problem('invalid-request', `the request is not valid: ${summary}`, { errors: fields });
    },

    notFound(request: SandboxRequest, allowed) {
      if (allowed.length) {
        const response = problem(
          'method-not-allowed',
          `${request.method} is not allowed on ${request.path}; use ${allowed.join(' or ')}`,
        );
        return { ...response, headers: { ...response.headers, allow: allowed.join(', ') } };
      }
      return problem(
        'not-found',
        `no admin route at ${request.method} ${request.path}; see contracts/admin.yaml or docs/admin-api.md`,
      );
    },
  };
}
