import { faker } from '@faker-js/faker/locale/de';
import { type ClockState, clockNow, machineNow, realTimeClock, toIso } from './clock.js';
import { startScenario } from './scenarios/state.js';
import { randomToken } from './store/ids.js';
import type { TenantCredentials, TenantData, TenantOrigin } from './store/types.js';
import { defaultTinkBehaviour } from './tink/behaviour.js';
import { seedTink } from './tink/seed.js';
import { emptyTinkState } from './tink/state.js';
import { defaultXs2aBehaviour } from './xs2a/behaviour.js';
import { seedXs2a } from './xs2a/seed.js';
import { emptyXs2aState } from './xs2a/state.js';

export const DEFAULT_TENANT_ID = 'default';

/** Every scope Tink's Connector flow and the Postman collection ask for; new clients may request them all. */
export const ALL_TINK_SCOPES = [
  'accounts:read',
  'accounts:write',
  'transactions:read',
  'transactions:write',
  'user:create',
  'user:read',
  'user:delete',
  'authorization:grant',
  'credentials:read',
  'provider-consents:read',
];

export interface TenantSpec {
  id: string;
  name: string;
  seed: number;
  credentials: TenantCredentials;
  clock?: ClockState;
  scenario?: string | null;
  demoData?: boolean;
}

export function freshCredentials(): TenantCredentials {
  return {
    tink: {
      clientId: randomToken('tsb-client-'),
      clientSecret: randomToken('tsb-secret-', 16),
      scopes: [...ALL_TINK_SCOPES],
    },
    xs2a: { apiKey: randomToken('tsb-key-', 16) },
  };
}

/** Fills a tenant's data from its origin: the same origin gives the same data (faker is seeded). */
function populate(tenant: TenantData): void {
  const now = clockNow(tenant.clock);
  tenant.sequence = 0;
  tenant.tink = emptyTinkState();
  tenant.xs2a = emptyXs2aState();
  tenant.behaviour = { tink: defaultTinkBehaviour(), xs2a: defaultXs2aBehaviour() };
  tenant.scenario = tenant.origin.scenario ? startScenario(tenant.origin.scenario) : null;
  delete tenant.scenarioStates;
  if (!tenant.origin.demoData) return;
  faker.seed([tenant.seed, 1]);
  seedTink(tenant, faker, now);
  faker.seed([tenant.seed, 2]);
  seedXs2a(tenant, faker, now);
}

export function buildTenant(spec: TenantSpec): TenantData {
  const origin: TenantOrigin = {
    seed: spec.seed,
    clock: spec.clock ?? realTimeClock(),
    scenario: spec.scenario ?? null,
    demoData: spec.demoData ?? true,
  };
  const tenant: TenantData = {
    id: spec.id,
    name: spec.name,
    seed: spec.seed,
    createdAt: toIso(machineNow()),
    origin,
    credentials: spec.credentials,
    clock: { ...origin.clock },
    sequence: 0,
    scenario: null,
    behaviour: { tink: defaultTinkBehaviour(), xs2a: defaultXs2aBehaviour() },
    tink: emptyTinkState(),
    xs2a: emptyXs2aState(),
  };
  populate(tenant);
  return tenant;
}

/** Restores a tenant to its seeded start: data, behaviour, scenario state and clock. */
export function resetTenant(tenant: TenantData): void {
  tenant.clock = { ...tenant.origin.clock };
  populate(tenant);
}
