import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { loadContract } from '../http/openapi.js';
import type { FieldError } from './errors.js';

/**
 * Tink-style field errors. The Connector answers bean-validation failures with one entry per field,
 * named by its Java property path and messaged "<path> <constraint>" (reference §4.2), so ajv's
 * errors are translated here rather than shown as they are.
 */

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaName: string): ValidateFunction {
  let validate = compiled.get(schemaName);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, strict: false });
      const document = loadContract('tink') as { components?: unknown };
      ajv.addSchema({ $id: 'tink', components: structuredClone(document.components) });
    }
    validate = ajv.compile({ $ref: `tink#/components/schemas/${schemaName}` });
    compiled.set(schemaName, validate);
  }
  return validate;
}

/** `/transactionAccounts/0/transactions/1/date` → `transactionAccounts[0].transactions[1].date`. */
export function javaPath(pointer: string, prefix = ''): string {
  let path = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    path = /^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment;
  }
  return path;
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  integer: 'an integer',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

function constraint(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'may not be null';
    case 'minLength':
    case 'minItems':
      return params.limit === 1 ? 'may not be empty' : `size must be at least ${params.limit}`;
    case 'maxItems':
    case 'maxLength':
      return `size must be at most ${params.limit}`;
    case 'type':
      return `must be ${TYPE_NAMES[String(params.type)] ?? String(params.type)}`;
    case 'enum':
      return `must be one of [${(params.allowedValues as unknown[]).join(', ')}]`;
    case 'pattern':
      return `must match "${params.pattern}"`;
    case 'anyOf':
      if (error.schemaPath.includes('/Date/')) return 'must be epoch milliseconds or an ISO-8601 date';
      if (error.schemaPath.includes('/Money/')) return 'must be a number or {"currencyCode","value"}';
      return 'has an invalid value';
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * Translates ajv errors. Errors inside an `anyOf` branch are dropped in favour of the `anyOf` itself:
 * "must be a date" says more than one line per alternative that did not match.
 */
export function fieldErrors(errors: ErrorObject[], options: { strip?: string; prefix?: string } = {}) {
  const pointer = (error: ErrorObject) =>
    options.strip && error.instancePath.startsWith(options.strip)
      ? error.instancePath.slice(options.strip.length)
      : error.instancePath;
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map(pointer);
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const at = pointer(error);
    const union = error.keyword === 'anyOf' || error.keyword === 'oneOf';
    if (!union && unions.some((u) => at === u || at.startsWith(`${u}/`))) continue;
    let fieldName = javaPath(at, options.prefix);
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    if (error.keyword === 'required' && missing) fieldName = fieldName ? `${fieldName}.${missing}` : missing;
    const errorMessage = `${fieldName || '(body)'} ${constraint(error)}`;
    if (seen.has(errorMessage)) continue;
    seen.add(errorMessage);
    result.push({ fieldName: fieldName || '(body)', errorMessage });
  }
  return result;
}

/** Validates a value against a schema of `contracts/tink.yaml`, answering Tink-style field errors. */
export function checkSchema(schemaName: string, value: unknown, prefix = ''): FieldError[] {
  const validate = validatorFor(schemaName);
  if (validate(value)) return [];
  return fieldErrors(validate.errors ?? [], { prefix });
}

/** A field error in Tink's "<path> <constraint>" form. */
export const fieldError = (fieldName: string, constraintText: string): FieldError => ({
  fieldName,
  errorMessage: `${fieldName} ${constraintText}`,
});
