import { clockNow, toIso } from '../clock.js';
import { problem } from '../errors.js';
import type { Handler, HandlerContext } from '../http/surface.js';
import { firstQueryValue, json } from '../http/types.js';
import { enterState, resolveActive, unknownScenario } from '../scenarios/activation.js';
import { formatError } from '../scenarios/load.js';
import type { ScenarioRegistry } from '../scenarios/registry.js';
import type { LoadedScenario } from '../scenarios/types.js';

function registryOf(context: HandlerContext): ScenarioRegistry {
  const registry = context.deps.scenarios.registry;
  if (!registry) throw new Error('the scenario engine has no registry');
  return registry;
}

const summary = ({ definition, source }: LoadedScenario) => ({
  name: definition.name,
  description: definition.description,
  source: source.kind,
  ...('file' in source ? { file: source.file } : {}),
  rules: definition.rules.map((rule) => rule.name),
  states: [
    ...new Set([
      'Started',
      ...definition.rules.flatMap((r) => [
        ...(r.transition ? [r.transition] : []),
        ...[r.match?.state ?? []].flat(),
      ]),
    ]),
  ],
});

/** The tenant's own scenario, or (with `?scenario=`) one applied per request or by default. */
function activeFor(context: HandlerContext) {
  const asked = firstQueryValue(context.query, 'scenario');
  return resolveActive(registryOf(context), context.tenant, asked, context.deps.options.scenario);
}

function stateView(context: HandlerContext) {
  const active = activeFor(context);
  if (active.kind === 'unknown') return unknownScenario(active.name, registryOf(context).names());
  if (active.kind === 'none') {
    return problem(
      'conflict',
      `no scenario is active for tenant '${context.tenant.id}'; activate one with PUT /__admin/scenario`,
    );
  }
  const { state } = active;
  return json(200, {
    name: state.name,
    scope: active.kind,
    state: state.state,
    since: state.since === undefined ? null : toIso(state.since),
    counters: state.counters,
  });
}

export const scenarioHandlers: Record<string, Handler> = {
  listScenarios: (context) =>
    json(200, {
      scenarios: registryOf(context).list().map(summary),
      active: context.tenant.scenario?.name ?? null,
      default: context.deps.options.scenario ?? null,
    }),

  loadScenario: (context) => {
    const registry = registryOf(context);
    if (context.body === undefined || context.body === '')
      return problem('invalid-scenario', 'the body is empty; send a scenario as YAML or JSON', {
        errors: [{ field: '(document)', message: 'is required' }],
      });
    const outcome = registry.loadText(context.body);
    if (!outcome.ok) {
      const lines = outcome.errors.map(formatError);
      return problem('invalid-scenario', `the scenario is not valid: ${lines.join('; ')}`, {
        errors: outcome.errors.map((e) => ({
          field: e.path || '(document)',
          message: e.message,
          file: e.file,
          path: e.path,
          ...(e.line === undefined ? {} : { line: e.line }),
        })),
      });
    }
    return json(201, summary(registry.get(outcome.definition.name)!), {
      location: `/__admin/scenarios/${outcome.definition.name}`,
    });
  },

  getScenario: (context) => stateView(context),

  activateScenario: (context) => {
    const { name } = context.body as { name: string };
    const { tenant, deps } = context;
    if (!deps.scenarios.activate?.(tenant, name)) return unknownScenario(name, registryOf(context).names());
    return stateView(context);
  },

  deactivateScenario: ({ tenant, deps }) => {
    const was = tenant.scenario?.name ?? null;
    deps.scenarios.deactivate?.(tenant);
    return json(200, { deactivated: was });
  },

  getScenarioState: (context) => stateView(context),

  setScenarioState: (context) => {
    const { state } = context.body as { state: string };
    const active = activeFor(context);
    if (active.kind === 'tenant' || active.kind === 'request' || active.kind === 'default')
      enterState(active.state, state, clockNow(context.tenant.clock));
    return stateView(context);
  },
};
