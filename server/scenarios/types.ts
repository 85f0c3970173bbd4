/**
 * A scenario as written in a file (YAML or JSON), after validation against
 * `scenarios/scenario.schema.json`. The schema is the reference; these types mirror it.
 */

export type OneOrMany = string | string[];

export type Scalar = string | number | boolean | null;
export type Matcher = Scalar | { equals: unknown } | { matches: string } | { exists: boolean };

/** A patch deep-merged over the tenant's domain behaviour; loosely typed because the surfaces own its shape. */
export interface BehaviourPatch {
  tink?: Record<string, unknown>;
  xs2a?: Record<string, unknown>;
}

export interface RuleMatch {
  api?: 'tink' | 'xs2a' | Array<'tink' | 'xs2a'>;
  operationId?: OneOrMany;
  method?: OneOrMany;
  path?: string;
  headers?: Record<string, Matcher>;
  query?: Record<string, Matcher>;
  params?: Record<string, Matcher>;
  body?: Record<string, Matcher>;
  tenant?: OneOrMany;
  tinkUser?: Matcher;
  xs2aUser?: Matcher;
  xs2aConnection?: Matcher;
  calls?: { nth?: number; first?: number; after?: number; every?: number };
  probability?: number;
  window?: { from?: string; until?: string };
  daily?: { from: string; until: string; timeZone?: string };
  state?: OneOrMany;
}

export interface DelaySpec {
  fixed?: number;
  uniform?: { min: number; max: number };
  lognormal?: { median: number; sigma: number; max?: number };
}

export interface RespondSpec {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  example?: string;
}

export type FaultName = 'connection-reset' | 'empty-response' | 'malformed-json' | 'no-response';

export interface Rule {
  name: string;
  description?: string;
  match?: RuleMatch;
  delay?: DelaySpec;
  respond?: RespondSpec;
  fault?: FaultName;
  rateLimit?: { limit: number; per: string; message?: string };
  authFailure?: { status?: 401 | 403; message?: string; code?: string };
  outage?: { retryAfterSeconds?: number; message?: string };
  behaviour?: BehaviourPatch;
  setBehaviour?: BehaviourPatch;
  transition?: string;
}

export interface ScenarioStart {
  seed?: number;
  clock?: { now?: string; frozen?: boolean };
  behaviour?: BehaviourPatch;
}

export interface ScenarioDefinition {
  $schema?: string;
  name: string;
  description: string;
  start?: ScenarioStart;
  rules: Rule[];
}

/** Effects that answer instead of the emulation; a rule has at most one. */
export const TERMINAL_EFFECTS = ['respond', 'fault', 'rateLimit', 'authFailure', 'outage'] as const;
export const ALL_EFFECTS = [...TERMINAL_EFFECTS, 'delay', 'behaviour', 'setBehaviour', 'transition'] as const;

/** Where a scenario came from, shown by `GET /__admin/scenarios`. */
export type ScenarioSource =
  | { kind: 'built-in'; file: string }
  | { kind: 'directory'; file: string }
  | { kind: 'api' }
  | { kind: 'snapshot' };

export interface LoadedScenario {
  definition: ScenarioDefinition;
  source: ScenarioSource;
}

/** One thing wrong with a scenario file: which file, where inside it (JSON pointer), what was expected. */
export interface ScenarioError {
  file: string;
  /** JSON pointer into the document, `` for the whole document. */
  path: string;
  /** 1-based line in the file, when the file is YAML or JSON text. */
  line?: number;
  message: string;
}
