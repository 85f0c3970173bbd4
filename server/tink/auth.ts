import { clockNow } from '../clock.js';
import type { SandboxDeps } from '../deps.js';
import type { AuthOutcome, RoutedRequest } from '../http/surface.js';
import { authViolation } from '../http/violations.js';
import type { Violation } from '../journal.js';
import { splitMagicCredential } from '../scenarios/magic.js';
import type { TenantData } from '../store/types.js';
import { DEFAULT_TENANT_ID } from '../tenants.js';
import { oauthError } from './errors.js';
import type { TinkAccessToken } from './state.js';

/** Who is calling: a client proving itself on the token endpoint, or the holder of a bearer token. */
export type TinkPrincipal =
  | { kind: 'oauth-client'; clientId: string; scenario?: string }
  | { kind: 'token'; token: TinkAccessToken };

interface Rule {
  token: 'client' | 'user';
  /** Any one of these scopes is enough. */
  scopes: string[];
}

/**
 * Which token each operation takes and the scope it needs (reference §1.2 and the docs' scopes
 * table). The v2 paths and operations are undocumented; they follow the Elixir client's docs.
 */
export const RULES: Record<string, Rule> = {
  createAuthorizationGrant: { token: 'client', scopes: ['authorization:grant'] },
  createUser: { token: 'client', scopes: ['user:create'] },
  deleteUser: { token: 'user', scopes: ['user:delete'] },
  deleteConnectorUser: { token: 'client', scopes: ['accounts:write'] },
  ingestAccounts: { token: 'client', scopes: ['accounts:write'] },
  updateAccount: { token: 'client', scopes: ['accounts:write'] },
  deleteAccount: { token: 'client', scopes: ['accounts:write'] },
  upsertAccountsV2: { token: 'client', scopes: ['accounts:write'] },
  deleteAccountsV2: { token: 'client', scopes: ['accounts:write'] },
  ingestTransactions: { token: 'client', scopes: ['transactions:write'] },
  updateTransaction: { token: 'client', scopes: ['transactions:write'] },
  deleteTransactions: { token: 'client', scopes: ['transactions:write'] },
  upsertTransactionsV2: { token: 'client', scopes: ['transactions:write'] },
  batchDeleteTransactionsV2: { token: 'client', scopes: ['transactions:write'] },
  batchUpdateTransactionsV2: { token: 'client', scopes: ['transactions:write'] },
  // An operation may be an account write: either write scope may ask how it went.
  getOperation: { token: 'client', scopes: ['transactions:write', 'accounts:write'] },
  listAccounts: { token: 'user', scopes: ['accounts:read'] },
  listTransactions: { token: 'user', scopes: ['transactions:read'] },
};

type Outcome = AuthOutcome<TinkPrincipal>;

const refuse = (
  status: number,
  message: string,
  code: string,
  tenantId?: string,
  violation?: Violation,
): Outcome => ({
  ok: false,
  response: oauthError(status, message, code),
  ...(tenantId ? { tenantId } : {}),
  ...(violation ? { violation } : {}),
});

/**
 * The token endpoint: the client proves itself with form fields (an `Authorization` header, even the
 * empty `Bearer ` the Elixir client sends, is ignored). Legacy statuses: all 401 (reference §1.3).
 */
export function authenticateClient(routed: RoutedRequest, deps: SandboxDeps): Outcome {
  const form = (typeof routed.body === 'object' && routed.body ? routed.body : {}) as Record<string, unknown>;
  const rawId = typeof form.client_id === 'string' ? form.client_id : '';
  if (!rawId)
    return refuse(401, 'Did not receive a client id in the request', 'oauth.no_client_id_in_request');
  const { credential: clientId, scenario } = splitMagicCredential(rawId);
  const tenant = deps.store.findTenant((t) => t.credentials.tink.clientId === clientId);
  const principal: TinkPrincipal = { kind: 'oauth-client', clientId, ...(scenario ? { scenario } : {}) };
  const bound = scenario ? { scenario } : {};
  if (!tenant) {
    const fallback = deps.options.acceptAnyCredentials ? deps.store.tenant(DEFAULT_TENANT_ID) : undefined;
    if (!fallback) return refuse(401, 'Could not find the OAuth client', 'oauth.client_not_found');
    return { ok: true, tenant: fallback, principal, ...bound };
  }
  if (form.client_secret !== tenant.credentials.tink.clientSecret)
    return refuse(401, 'Invalid client secret', 'oauth.invalid_secret', tenant.id);
  return { ok: true, tenant, principal, ...bound };
}

function findToken(deps: SandboxDeps, value: string): { tenant: TenantData; token: TinkAccessToken } | null {
  const tenant = deps.store.findTenant((t) => value in t.tink.tokens);
  const token = tenant?.tink.tokens[value];
  return tenant && token ? { tenant, token } : null;
}

/** Every other operation: a bearer token, of the right kind, alive by its tenant's clock, with the scope. */
export function authenticateBearer(routed: RoutedRequest, deps: SandboxDeps): Outcome {
  const header = routed.request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    const message = 'The Authorization header is missing or is not a bearer token.';
    const violation = header
      ? authViolation('auth-scheme', `expected Authorization: Bearer <token>, got ${header.split(' ')[0]}`)
      : authViolation('auth-missing', 'no Authorization header; the operation needs a bearer token');
    return refuse(401, message, 'auth.missing_token', undefined, violation);
  }
  const found = findToken(deps, match[1]!);
  if (!found) return refuse(401, 'The access token is not valid.', 'auth.invalid_token');
  const { tenant, token } = found;
  if (clockNow(tenant.clock) >= token.expiresAt)
    return refuse(401, 'The access token has expired.', 'auth.token_expired', tenant.id);
  const rule = RULES[routed.operationId];
  if (!rule) throw new Error(`tink: no auth rule for operationId ${routed.operationId}`);
  if (rule.token !== token.kind) {
    const wanted = rule.token === 'client' ? 'a client token' : 'a user token';
    const message = `This endpoint only accepts ${wanted}.`;
    return refuse(403, message, 'auth.wrong_token_type', tenant.id, authViolation('auth-invalid', message));
  }
  if (!rule.scopes.some((scope) => token.scopes.includes(scope))) {
    const message = `The access token is missing the required scope: ${rule.scopes.join(' or ')}.`;
    return refuse(403, message, 'auth.insufficient_scope', tenant.id);
  }
  return {
    ok: true,
    tenant,
    principal: { kind: 'token', token },
    ...(token.scenario ? { scenario: token.scenario } : {}),
  };
}
