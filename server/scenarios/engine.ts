import type { RoutedRequest } from '../http/surface.js';
import type { SandboxResponse } from '../http/types.js';
import type { ApiName } from '../journal.js';
import type { Behaviour, TenantData } from '../store/types.js';

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
  /** The rule that applied, for the journal. */
  rule?: { name: string; rule: string };
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
