import { clockNow, toIso } from '../clock.js';
import type { TenantData } from '../store/types.js';

export const clockView = (tenant: TenantData, ran?: string[]) => ({
  now: toIso(clockNow(tenant.clock)),
  frozen: tenant.clock.frozenAt !== null,
  ...(ran ? { ran } : {}),
});

/** A tenant as listed: no secrets. */
export const tenantSummary = (tenant: TenantData) => ({
  id: tenant.id,
  name: tenant.name,
  seed: tenant.seed,
  createdAt: tenant.createdAt,
  scenario: tenant.scenario?.name ?? null,
  clock: clockView(tenant),
  tink: { clientId: tenant.credentials.tink.clientId },
  xs2a: {},
});

/** A tenant with the credentials a client needs to use it. */
export const tenantView = (tenant: TenantData) => ({
  ...tenantSummary(tenant),
  tink: { ...tenant.credentials.tink, scopes: [...tenant.credentials.tink.scopes] },
  xs2a: { ...tenant.credentials.xs2a },
});
