import { json, type SandboxResponse } from '../http/types.js';

/** One field that failed validation, named by its Java-style property path (`accounts[0].externalId`). */
export interface FieldError {
  fieldName: string;
  errorMessage: string;
}

export const VALIDATION_FAILED = 'Validation of the sent data failed.';

/** Tink's main-API error body (OAuth, users, auth): `{errorMessage, errorCode}` (reference §4.1). */
export const oauthError = (status: number, errorMessage: string, errorCode: string): SandboxResponse =>
  json(status, { errorMessage, errorCode });

/** The Connector's validation body (reference §4.2): every failing field, nothing changed. */
export const validationFailed = (errors: FieldError[]): SandboxResponse =>
  json(400, { errorMessage: VALIDATION_FAILED, errors });

/** Context ids a Connector business error names when they are known. */
export interface ConnectorContext {
  externalUserId?: string | undefined;
  externalAccountId?: string | undefined;
  externalTransactionId?: string | undefined;
}

/** A Connector business error: no errorCode, context ids when known (reference §4.2, legacy RequestError). */
export function connectorError(status: number, errorMessage: string, context: ConnectorContext = {}) {
  const body: Record<string, string> = { errorMessage };
  for (const [key, value] of Object.entries(context)) if (value !== undefined) body[key] = value;
  return json(status, body);
}

/** The legacy RequestError catalogue, by name (reference §4.2). */
export const MESSAGES = {
  userNotFound: 'Could not find the user.',
  userAlreadyExists: 'The user already exists.',
  accountNotFound: 'Could not find the account.',
  accountAlreadyExists: 'The account already exists.',
  noAccounts: 'Could not find any accounts for the user.',
  transactionAlreadyDeleted: 'Transaction has already been deleted.',
  transactionIdMismatch: 'The specified ID in the request URI and in the payload does not match.',
  transactionNotFound: 'Could not find the transaction.',
  transactionConflict: 'The transaction already exists.',
} as const;
