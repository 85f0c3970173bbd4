import type { ErrorObject } from 'ajv';

/**
 * The field an ajv error is about, as a dotted path inside the request part it came from:
 * `/requestBody/clock/now` → `clock.now`, `/query/per_page` → `per_page`; a missing or unknown
 * property is named by itself (`accounts.0` + `externalId`). Shared by the APIs' error formats.
 */
export function fieldOf(error: ErrorObject, whole = '(body)'): string {
  const path = error.instancePath
    .replace(/^\/(requestBody|query|params|headers|path)/, '')
    .replace(/^\//, '')
    .replaceAll('/', '.');
  const params = error.params as Record<string, unknown> | undefined;
  const named = params?.missingProperty ?? params?.additionalProperty;
  return [path, named === undefined ? '' : String(named)].filter(Boolean).join('.') || whole;
}
