import { parseDuration } from '../duration.js';
import type { SandboxResponse } from '../http/types.js';
import { enterState } from './activation.js';
import * as effects from './effects.js';
import type { ScenarioInput } from './engine.js';
import { callMatches, requestMatches, windowBounds } from './match.js';
import { deepMerge } from './patch.js';
import { draw, seedOf } from './random.js';
import type { ScenarioState } from './state.js';
import { render, type TemplateScope } from './template.js';
import type { BehaviourPatch, Rule, ScenarioDefinition } from './types.js';

export interface RulesOutcome {
  /** Names of the rules that applied, in order. */
  rules: string[];
  delayMs: number;
  response?: SandboxResponse;
  behaviour?: BehaviourPatch;
  changed: boolean;
}

type Input = ScenarioInput & { api: effects.EmulatedApi };

/** Seconds an outage answer asks the client to wait: as configured, else until the window ends. */
function outageWait(rule: Rule, state: ScenarioState, now: number): number {
  if (rule.outage?.retryAfterSeconds) return rule.outage.retryAfterSeconds;
  const { until } = windowBounds(rule.match ?? {}, state.since ?? now);
  return Number.isFinite(until) ? (until - now) / 1000 : 300;
}

/**
 * Fixed windows of the tenant's virtual time (decided: virtual, not real, so a test can freeze the
 * clock and step past a window; a running clock makes it behave like real time). Returns the 429
 * when this call is over the limit, nothing while it is within.
 */
function rateLimit(rule: Rule, state: ScenarioState, input: Input): SandboxResponse | undefined {
  const spec = rule.rateLimit!;
  const perMs = parseDuration(spec.per)!.ms;
  const window = Math.floor(input.now / perMs);
  const windowKey = `${rule.name}@window`;
  const countKey = `${rule.name}@count`;
  if (state.counters[windowKey] !== window) {
    state.counters[windowKey] = window;
    state.counters[countKey] = 0;
  }
  const count = (state.counters[countKey] ?? 0) + 1;
  state.counters[countKey] = count;
  if (count <= spec.limit) return undefined;
  return effects.rateLimited(input.api, (window + 1) * perMs - input.now, spec.message);
}

function terminal(rule: Rule, state: ScenarioState, input: Input, scope: () => TemplateScope) {
  if (rule.respond) return effects.respond(rule.respond, input.routed.operation, scope());
  if (rule.fault) return effects.fault(rule.fault);
  if (rule.authFailure) return effects.authFailure(input.api, rule.authFailure);
  if (rule.outage) return effects.outage(input.api, outageWait(rule, state, input.now), rule.outage.message);
  return undefined;
}

/**
 * Tries the rules in order. Every rule whose conditions hold applies its effects (delays add up,
 * behaviour patches merge); the first that answers (respond, fault, auth failure, outage, or a rate
 * limit that is exceeded) ends the evaluation. Conditions on the named state see the state as it was
 * when the request arrived; a transition takes effect after it.
 */
export function evaluateRules(
  definition: ScenarioDefinition,
  state: ScenarioState,
  input: Input,
): RulesOutcome {
  const outcome: RulesOutcome = { rules: [], delayMs: 0, changed: false };
  if (state.since === undefined) {
    state.since = input.now;
    outcome.changed = true;
  }
  const arrived: ScenarioState = { ...state };
  const seed = definition.start?.seed ?? input.tenant.seed;
  let transition: string | undefined;
  for (const rule of definition.rules) {
    const match = rule.match ?? {};
    if (!requestMatches(match, input, arrived)) continue;
    const call = (state.counters[rule.name] ?? 0) + 1;
    state.counters[rule.name] = call;
    outcome.changed = true;
    const key = [seed, definition.name, rule.name, call];
    if (!callMatches(match, call, draw(...key, 'probability'))) continue;
    let response = rule.rateLimit ? rateLimit(rule, state, input) : undefined;
    if (rule.rateLimit && !response) continue;
    const scope = (): TemplateScope => ({
      request: { ...input.routed.request, params: input.routed.params, body: input.routed.body },
      tenant: { id: input.tenant.id },
      scenario: { name: definition.name, state: arrived.state, rule: rule.name, call },
      now: input.now,
      fakerSeed: seedOf(...key, 'faker'),
    });
    response ??= terminal(rule, state, input, scope);
    outcome.rules.push(rule.name);
    if (rule.delay) outcome.delayMs += effects.delayMs(rule.delay, key);
    if (rule.behaviour)
      outcome.behaviour = deepMerge(outcome.behaviour ?? {}, render(rule.behaviour, scope()));
    if (rule.setBehaviour)
      input.tenant.behaviour = deepMerge(input.tenant.behaviour, render(rule.setBehaviour, scope()));
    if (rule.transition !== undefined) transition = rule.transition;
    if (response) {
      outcome.response = response;
      break;
    }
  }
  if (transition !== undefined) enterState(state, transition, input.now);
  return outcome;
}
