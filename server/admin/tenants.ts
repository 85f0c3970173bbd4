import { parseIso, startClock } from '../clock.js';
import { problem } from '../errors.js';
import type { Handler } from '../http/surface.js';
import { json, noContent } from '../http/types.js';
import { randomToken } from '../store/ids.js';
import { buildTenant, DEFAULT_TENANT_ID, freshCredentials, resetTenant } from '../tenants.js';
import { tenantSummary, tenantView } from './views.js';

interface CreateTenantBody {
  name?: string;
  scenario?: string;
  seed?: number;
  demoData?: boolean;
  clock?: { now?: string; frozen?: boolean };
}

export const tenantHandlers: Record<string, Handler> = {
  listTenants: ({ deps }) => json(200, { tenants: deps.store.tenants().map(tenantSummary) }),

  createTenant: ({ body, deps }) => {
    const spec = (body ?? {}) as CreateTenantBody;
    if (spec.scenario && !deps.scenarios.knows(spec.scenario)) {
      return problem(
        'unknown-scenario',
        `unknown scenario '${spec.scenario}'; known: ${deps.scenarios.registry?.names().join(', ') ?? 'none'}`,
      );
    }
    const start = spec.clock?.now === undefined ? undefined : parseIso(spec.clock.now);
    const clock = startClock(start, spec.clock?.frozen ?? false);
    const id = randomToken('t-', 6);
    const tenant = buildTenant({
      id,
      name: spec.name ?? id,
      seed: spec.seed ?? deps.options.seed,
      credentials: freshCredentials(),
      clock,
      scenario: spec.scenario ?? null,
      demoData: spec.demoData ?? true,
    });
    deps.scenarios.prepareTenant?.(tenant);
    deps.store.putTenant(tenant);
    return json(201, tenantView(tenant), { location: `/__admin/tenants/${id}` });
  },

  getTenant: ({ params, deps }) => {
    const tenant = deps.store.tenant(params.tenantId!);
    return tenant
      ? json(200, tenantView(tenant))
      : unknownTenant(
          params.tenantId!,
          deps.store.tenants().map((t) => t.id),
        );
  },

  deleteTenant: ({ params, deps }) => {
    const id = params.tenantId!;
    if (id === DEFAULT_TENANT_ID)
      return problem('conflict', 'the default tenant cannot be deleted; reset it with POST /__admin/reset');
    if (!deps.store.removeTenant(id))
      return unknownTenant(
        id,
        deps.store.tenants().map((t) => t.id),
      );
    deps.journal.clear(id);
    return noContent();
  },

  resetSandbox: ({ body, tenant, deps }) => {
    const { all = false, removeTenants = false } = (body ?? {}) as { all?: boolean; removeTenants?: boolean };
    if (removeTenants && !all)
      return problem('invalid-request', 'removeTenants only goes with all: true', {
        errors: [{ field: 'removeTenants', message: 'needs all: true' }],
      });
    const reset = (each: typeof tenant) => {
      resetTenant(each);
      deps.scenarios.prepareTenant?.(each);
    };
    if (!all) {
      reset(tenant);
      deps.journal.clear(tenant.id);
      return json(200, { reset: [tenant.id] });
    }
    const removed: string[] = [];
    for (const each of deps.store.tenants()) {
      if (removeTenants && each.id !== DEFAULT_TENANT_ID) {
        deps.store.removeTenant(each.id);
        removed.push(each.id);
      } else reset(each);
    }
    deps.journal.clear('*');
    return json(200, { reset: deps.store.tenants().map((t) => t.id), removed });
  },
};

export function unknownTenant(id: string, known: string[]) {
  const list = known.length > 10 ? `${known.slice(0, 10).join(', ')}, ...` : known.join(', ');
  return problem('unknown-tenant', `unknown tenant '${id}'; known: ${list}`);
}
