import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { builtinScenariosDir } from '../paths.js';
import type { ScenarioDefinition } from './types.js';

export const SCENARIO_SCHEMA_FILE = join(builtinScenariosDir, 'scenario.schema.json');

let compiled: ValidateFunction<ScenarioDefinition> | undefined;

/** The scenario file validator, compiled once per process from the published schema. */
export function scenarioValidator(): ValidateFunction<ScenarioDefinition> {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    compiled = ajv.compile<ScenarioDefinition>(JSON.parse(readFileSync(SCENARIO_SCHEMA_FILE, 'utf8')));
  }
  return compiled;
}

/** What was expected, in words a scenario author understands. */
export function describeSchemaError(error: ErrorObject): { path: string; message: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required')
    return { path: `${error.instancePath}/${params.missingProperty}`, message: 'is required' };
  if (error.keyword === 'additionalProperties') {
    return {
      path: `${error.instancePath}/${params.additionalProperty}`,
      message: 'is not a known field (check the spelling against scenarios/scenario.schema.json)',
    };
  }
  if (error.keyword === 'enum')
    return {
      path: error.instancePath,
      message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}`,
    };
  return { path: error.instancePath, message: error.message ?? 'is invalid' };
}

/**
 * ajv reports every branch of an `anyOf`; keep the most specific errors (deepest path) once each, so
 * that a misspelt matcher says what is wrong with it rather than listing every shape it could take.
 */
export function schemaErrors(errors: ErrorObject[]): Array<{ path: string; message: string }> {
  const described = errors.filter((e) => e.keyword !== 'anyOf').map(describeSchemaError);
  const seen = new Set<string>();
  const out: Array<{ path: string; message: string }> = [];
  for (const each of described) {
    const key = `${each.path} ${each.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(each);
  }
  return out;
}
