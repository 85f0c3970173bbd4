import type { Logger } from 'pino';
import type { RoutedRequest } from '../http/surface.js';
import type { SandboxResponse } from '../http/types.js';
import type { ApiName } from '../journal.js';
import type { Behaviour, TenantData } from '../store/types.js';
import { activate, deactivate, resolveActive, unknownScenario } from './activation.js';
import { evaluateRules } from './evaluate.js';
import { deepMerge } from './patch.js';
import { ScenarioRegistry } from './registry.js';
import type { ScenarioDefinition, ScenarioError } from './types.js';

export interface ScenarioInput {
  api: ApiName;
  routed: RoutedRequest;
  tenant: TenantData;
  now: number;
  /** A scenario named by the request (`x-sandbox-scenario`) or bound to its credential. */
  requested?: string;
}

/** What the active scenario decides for a request before the emulation handles it. */
export interface ScenarioDecision {
  /** The scenario in force and the rules that applied (`a+b`), or null when only its behaviour did. */
  rule?: { name: string; rule: string | null };
  /** Real latency to add before answering. */
  delayMs?: number;
  /** Answer this instead of running the handler (a fault, an override, a rate limit, ...). */
  response?: SandboxResponse;
  /** Whether deciding changed stored state (counters, named state) that must be committed. */
  changed?: boolean;
  /** Domain behaviour for this request only (a per-request or magic-credential scenario). */
  behaviour?: Behaviour;
}

export interface ScenarioEngine {
  decide(input: ScenarioInput): ScenarioDecision | undefined;
  /** Whether a scenario of this name is known (built in or loaded). */
  knows(name: string): boolean;
  /** Scenario definitions loaded at run time, for snapshots. */
  exportDefinitions?(): unknown[];
  importDefinitions?(definitions: unknown[]): void;
  /** Makes a known scenario the tenant's own (state `Started`, start behaviour and clock applied). */
  activate?(tenant: TenantData, name: string): boolean;
  deactivate?(tenant: TenantData): void;
  /** Applies the start of the scenario a tenant was created or reset with. */
  prepareTenant?(tenant: TenantData): void;
  /** The registry behind the engine, for the control plane; absent when scenarios are off. */
  registry?: ScenarioRegistry;
  close?(): void;
  /**
   * Every rule that could fire for the tenant (its own scenario and the sandbox default), so the CI
   * report can list rules that never fired. Names must match the journal's `scenario` field.
   */
  rulesOf?(tenant: TenantData): ScenarioRuleRef[];
}

/** A rule of a scenario, named as the journal names the rule that applied. */
export interface ScenarioRuleRef {
  scenario: string;
  rule: string;
}

/** The engine until scenarios are loaded: nothing ever applies. */
export const inactiveScenarioEngine: ScenarioEngine = {
  decide: () => undefined,
  knows: () => false,
  rulesOf: () => [],
};

export interface EngineOptions {
  logger: Logger;
  /** The sandbox default (`--scenario`), for tenants without their own. */
  defaultScenario?: string | undefined;
  /** A user's directory of scenario files, watched for changes. */
  scenariosDir?: string | undefined;
  /** Where the built-ins live (tests may point elsewhere). */
  builtinDir?: string;
}

export interface CreatedEngine extends ScenarioEngine {
  registry: ScenarioRegistry;
  close(): void;
  /** Errors of the user's directory at start (they are also logged). */
  startErrors: ScenarioError[];
}

/** Built-ins plus the user's directory, and the rules evaluated for each request of the emulated APIs. */
export function createScenarioEngine(options: EngineOptions): CreatedEngine {
  const registry = new ScenarioRegistry(options.logger);
  registry.loadBuiltins(options.builtinDir);
  const startErrors = options.scenariosDir ? registry.watchDirectory(options.scenariosDir) : [];
  const definition = (name: string): ScenarioDefinition | undefined => registry.get(name)?.definition;

  return {
    registry,
    startErrors,
    knows: (name) => registry.get(name) !== undefined,

    decide(input) {
      // The control plane must stay reachable whatever a scenario does to the emulated APIs.
      if (input.api !== 'tink' && input.api !== 'xs2a') return undefined;
      const { tenant } = input;
      const hadStates = tenant.scenarioStates !== undefined;
      const active = resolveActive(registry, tenant, input.requested, options.defaultScenario);
      if (active.kind === 'none') return undefined;
      if (active.kind === 'unknown') return { response: unknownScenario(active.name, registry.names()) };
      const outcome = evaluateRules(active.definition, active.state, { ...input, api: input.api });
      const decision: ScenarioDecision = {
        changed: outcome.changed || hadStates !== (tenant.scenarioStates !== undefined),
      };
      // Named even when no rule fired: its start behaviour (e.g. slow operations) shapes the answer.
      decision.rule = {
        name: active.definition.name,
        rule: outcome.rules.length ? outcome.rules.join('+') : null,
      };
      if (outcome.delayMs) decision.delayMs = outcome.delayMs;
      if (outcome.response) decision.response = outcome.response;
      // A scenario that is not the tenant's own brings its start behaviour with each request.
      const startPatch = active.kind === 'tenant' ? undefined : active.definition.start?.behaviour;
      if (startPatch || outcome.behaviour) {
        const base = startPatch ? deepMerge(tenant.behaviour, startPatch) : tenant.behaviour;
        decision.behaviour = outcome.behaviour ? deepMerge(base, outcome.behaviour) : base;
      }
      return decision;
    },

    activate(tenant, name) {
      const found = definition(name);
      if (!found) return false;
      activate(tenant, found);
      return true;
    },

    deactivate,

    prepareTenant(tenant) {
      const found = tenant.scenario ? definition(tenant.scenario.name) : undefined;
      if (found) activate(tenant, found);
    },

    rulesOf(tenant) {
      const names = new Set(
        [tenant.scenario?.name, options.defaultScenario].filter((n): n is string => Boolean(n)),
      );
      return [...names].flatMap((name) =>
        (definition(name)?.rules ?? []).map((rule) => ({ scenario: name, rule: rule.name })),
      );
    },

    exportDefinitions: () => registry.exportDefinitions(),
    importDefinitions: (definitions) => {
      registry.importDefinitions(definitions);
    },
    close: () => registry.close(),
  };
}
