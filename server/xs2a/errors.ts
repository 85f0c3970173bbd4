import type { ErrorObject } from 'ajv';
import { fieldOf } from '../http/ajv-errors.js';
import { json, type SandboxResponse } from '../http/types.js';

/** XS2A's error body: `{code, message}` with the HTTP status as code (reference §5). */
export const xs2aError = (
  status: number,
  message: string,
  headers?: Record<string, string>,
): SandboxResponse => json(status, { code: status, message }, headers);

/** The challenge of every XS2A 401, the emulation's own and a scenario's forced ones alike. */
export const XS2A_CHALLENGE = 'Basic realm="XS2A API"';

export const unauthorized = (message: string): SandboxResponse =>
  xs2aError(401, message, { 'www-authenticate': XS2A_CHALLENGE });

export const notFound = (what: string): SandboxResponse => xs2aError(404, `${what} not found.`);

/** Laravel's validation failure: 422 with every failing field and its messages. */
export function validationFailed(errors: Record<string, string[]>): SandboxResponse {
  const first = Object.values(errors)[0]?.[0];
  return json(422, { code: 422, message: first ?? 'The given data was invalid.', errors });
}

function messageOf(field: string, error: ErrorObject): string {
  const label = field.replaceAll('_', ' ');
  switch (error.keyword) {
    case 'required':
      return `The ${label} field is required.`;
    case 'enum':
      return `The selected ${label} is invalid.`;
    case 'format':
      return error.params.format === 'email'
        ? `The ${label} must be a valid email address.`
        : `The ${label} is not a valid ${error.params.format}.`;
    case 'type':
      return `The ${label} must be of type ${error.params.type}.`;
    default:
      return `The ${label} ${error.message ?? 'is invalid'}.`;
  }
}

/** Ajv's errors from the contract check, as Laravel would word them. */
export function fromSchemaErrors(errors: ErrorObject[]): SandboxResponse {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'oneOf' || error.keyword === 'allOf') continue;
    const field = fieldOf(error, 'body');
    const message = messageOf(field, error);
    fields[field] = [...new Set([...(fields[field] ?? []), message])];
  }
  return validationFailed(Object.keys(fields).length ? fields : { body: ['The given data was invalid.'] });
}
