import { clockNow } from '../clock.js';
import type { SandboxDeps } from '../deps.js';
import type { AuthOutcome, RoutedRequest } from '../http/surface.js';
import { authViolation } from '../http/violations.js';
import type { Violation } from '../journal.js';
import { splitMagicCredential } from '../scenarios/magic.js';
import type { TenantData } from '../store/types.js';
import { DEFAULT_TENANT_ID } from '../tenants.js';
import { unauthorized, xs2aError } from './errors.js';
import type { AccessToken } from './state.js';

/** Who is calling: the customer (API key) or one bank user (access token); a magic suffix rides along. */
export type Xs2aPrincipal =
  | { kind: 'key'; scenario?: string }
  | { kind: 'token'; userId: string; tokenId: string; scenario?: string };

type Outcome = AuthOutcome<Xs2aPrincipal>;

/** The Basic-auth password for username `api`, or why there is none and which rule that breaks (reference §2). */
function passwordOf(
  header: string | undefined,
): { password: string } | { problem: string; violation: Violation } {
  const broken = (rule: 'auth-missing' | 'auth-scheme', problem: string) => ({
    problem,
    violation: authViolation(rule, problem.replace(/^Unauthenticated: /, '')),
  });
  if (!header) return broken('auth-missing', 'Unauthenticated: send HTTP Basic credentials (username api).');
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!match) return broken('auth-scheme', 'Unauthenticated: the Authorization header is not HTTP Basic.');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return broken('auth-scheme', 'Unauthenticated: the Basic credentials are malformed.');
  if (decoded.slice(0, colon) !== 'api')
    return broken('auth-scheme', 'Unauthenticated: the username must be api.');
  const password = decoded.slice(colon + 1);
  return password ? { password } : broken('auth-scheme', 'Unauthenticated: the password is empty.');
}

function findToken(
  deps: SandboxDeps,
  secret: string,
): { tenant: TenantData; token: AccessToken } | undefined {
  let token: AccessToken | undefined;
  const tenant = deps.store.findTenant((candidate) => {
    token = Object.values(candidate.xs2a.tokens).find((t) => t.token === secret);
    return token !== undefined;
  });
  return tenant && token ? { tenant, token } : undefined;
}

/** Operations declare `security: [{accessToken: []}]`; the rest take the API key. */
export function needsToken(routed: RoutedRequest): boolean {
  return (routed.operation.security ?? []).some((requirement) => 'accessToken' in requirement);
}

const wrongKind = (tenant: TenantData, message: string): Outcome => ({
  ok: false,
  tenantId: tenant.id,
  response: xs2aError(403, message),
  violation: authViolation('auth-invalid', message),
});

/**
 * HTTP Basic with username `api`: the password is the tenant's API key or a bank user's access token,
 * optionally followed by `~<scenario>`. Unknown, expired (virtual clock) or deleted → 401; the right
 * secret of the wrong kind → 403 (fidelity.md). With `acceptAnyCredentials`, an unknown key is the default tenant's.
 */
export function authenticate(routed: RoutedRequest, deps: SandboxDeps): Outcome {
  const found = passwordOf(routed.request.headers.authorization);
  if ('problem' in found)
    return { ok: false, response: unauthorized(found.problem), violation: found.violation };
  const { credential, scenario } = splitMagicCredential(found.password);
  const token = needsToken(routed);
  const magic = scenario ? { scenario } : {};

  const keyTenant = deps.store.findTenant((tenant) => tenant.credentials.xs2a.apiKey === credential);
  if (keyTenant) {
    if (token) return wrongKind(keyTenant, 'This endpoint needs a bank user access token, not the API key.');
    return { ok: true, tenant: keyTenant, principal: { kind: 'key', ...magic }, ...magic };
  }
  const hit = findToken(deps, credential);
  if (hit) {
    if (hit.token.validUntil <= clockNow(hit.tenant.clock))
      return {
        ok: false,
        tenantId: hit.tenant.id,
        response: unauthorized('Unauthenticated: the access token has expired.'),
      };
    if (!token)
      return wrongKind(hit.tenant, 'This endpoint needs the API key; an access token cannot be used here.');
    const bound = scenario ?? hit.token.scenario;
    const carried = bound ? { scenario: bound } : {};
    const principal = { kind: 'token' as const, userId: hit.token.userId, tokenId: hit.token.id, ...carried };
    return { ok: true, tenant: hit.tenant, principal, ...carried };
  }
  const fallback =
    deps.options.acceptAnyCredentials && !token ? deps.store.tenant(DEFAULT_TENANT_ID) : undefined;
  if (fallback) return { ok: true, tenant: fallback, principal: { kind: 'key', ...magic }, ...magic };
  return { ok: false, response: unauthorized('Unauthenticated: unknown API key or access token.') };
}
