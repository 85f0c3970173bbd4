import { clockNow, freezeClock, parseIso, setClockTo } from '../clock.js';
import { problem } from '../errors.js';
import type { SandboxResponse } from '../http/types.js';
import type { Behaviour, TenantData } from '../store/types.js';
import { defaultTinkBehaviour } from '../tink/behaviour.js';
import { defaultXs2aBehaviour } from '../xs2a/behaviour.js';
import { deepMerge } from './patch.js';
import type { ScenarioRegistry } from './registry.js';
import { type ScenarioState, startScenario } from './state.js';
import type { ScenarioDefinition } from './types.js';

/**
 * Which scenario applies to a request, highest first:
 *   1. the request's `x-sandbox-scenario` header,
 *   2. a magic credential (`<credential>~<scenario>`, or a token issued from one),
 *   3. the tenant's own scenario (`PUT /__admin/scenario`, or `scenario` when it was created),
 *   4. the sandbox default (`--scenario`), for tenants without their own.
 * The surface folds 1 and 2 into `requested` (the header wins).
 */
export type Active =
  | { kind: 'none' }
  | { kind: 'unknown'; name: string }
  | { kind: 'tenant' | 'request' | 'default'; definition: ScenarioDefinition; state: ScenarioState };

/** State of a scenario that applies to a tenant's requests without being the tenant's own. */
function borrowedState(tenant: TenantData, name: string): ScenarioState {
  tenant.scenarioStates ??= {};
  tenant.scenarioStates[name] ??= startScenario(name);
  return tenant.scenarioStates[name];
}

export function resolveActive(
  registry: ScenarioRegistry,
  tenant: TenantData,
  requested: string | undefined,
  fallback: string | undefined,
): Active {
  if (requested !== undefined) {
    const loaded = registry.get(requested);
    if (!loaded) return { kind: 'unknown', name: requested };
    if (tenant.scenario?.name === requested)
      return { kind: 'tenant', definition: loaded.definition, state: tenant.scenario };
    return { kind: 'request', definition: loaded.definition, state: borrowedState(tenant, requested) };
  }
  if (tenant.scenario) {
    const loaded = registry.get(tenant.scenario.name);
    return loaded
      ? { kind: 'tenant', definition: loaded.definition, state: tenant.scenario }
      : { kind: 'none' };
  }
  const loaded = fallback === undefined ? undefined : registry.get(fallback);
  if (!loaded) return { kind: 'none' };
  return {
    kind: 'default',
    definition: loaded.definition,
    state: borrowedState(tenant, loaded.definition.name),
  };
}

export function unknownScenario(name: string, known: string[]): SandboxResponse {
  return problem('unknown-scenario', `unknown scenario '${name}'; known: ${known.join(', ')}`, {
    known,
  });
}

export const defaultBehaviour = (): Behaviour => ({
  tink: defaultTinkBehaviour(),
  xs2a: defaultXs2aBehaviour(),
});

/**
 * Makes a scenario the tenant's own: its story starts over in `Started`, its start behaviour is
 * written into the tenant (so background work such as daily syncs and operation progress sees it),
 * and its start clock, if any, is set.
 */
export function activate(tenant: TenantData, definition: ScenarioDefinition): void {
  const { clock, behaviour } = definition.start ?? {};
  if (clock?.frozen !== undefined) freezeClock(tenant.clock, clock.frozen);
  if (clock?.now !== undefined) setClockTo(tenant.clock, parseIso(clock.now)!);
  tenant.scenario = startScenario(definition.name, clockNow(tenant.clock));
  tenant.behaviour = deepMerge(defaultBehaviour(), behaviour ?? {});
  if (tenant.scenarioStates) delete tenant.scenarioStates[definition.name];
}

/** The tenant goes back to the happy path: no scenario, default behaviour. */
export function deactivate(tenant: TenantData): void {
  tenant.scenario = null;
  tenant.behaviour = defaultBehaviour();
}

/** Moves a scenario to a named state; relative windows count from now. */
export function enterState(state: ScenarioState, name: string, now: number): void {
  state.state = name;
  state.since = now;
}
