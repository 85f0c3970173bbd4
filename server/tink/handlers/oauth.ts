import type { Handler, HandlerContext } from '../../http/surface.js';
import { json } from '../../http/types.js';
import { nextSecret } from '../../store/ids.js';
import type { TenantData } from '../../store/types.js';
import type { TinkPrincipal } from '../auth.js';
import { oauthError } from '../errors.js';
import { findUserByExternalId } from '../users.js';

/** Token lifetimes by the tenant's clock (reference §1.2): 30 minutes for clients, 2 hours for users. */
export const CLIENT_TOKEN_TTL_S = 1800;
export const USER_TOKEN_TTL_S = 7200;
/** Authorization codes are short-lived and single-use; Tink does not publish their lifetime. */
export const CODE_TTL_MS = 10 * 60_000;

type Form = Record<string, string | undefined>;

const formOf = (body: unknown): Form => (typeof body === 'object' && body ? (body as Form) : {});

/** Tink's examples separate scopes with commas, the Elixir client's with spaces: both are read. */
export const parseScopes = (scope: string | undefined) => [
  ...new Set((scope ?? '').split(/[\s,]+/).filter(Boolean)),
];

const invalidScope = () =>
  oauthError(401, 'Requested scope is not among valid scopes', 'oauth.invalid_scope');

function issueToken(
  context: HandlerContext<TinkPrincipal>,
  fields: { kind: 'client' | 'user'; clientId: string; scopes: string[]; userId?: string },
) {
  const { tenant, now } = context;
  for (const [value, token] of Object.entries(tenant.tink.tokens))
    if (token.expiresAt <= now) delete tenant.tink.tokens[value];
  const ttl = fields.kind === 'client' ? CLIENT_TOKEN_TTL_S : USER_TOKEN_TTL_S;
  const token = nextSecret(tenant, '', 48);
  const scenario = context.principal.kind === 'oauth-client' ? context.principal.scenario : undefined;
  tenant.tink.tokens[token] = {
    token,
    ...fields,
    issuedAt: now,
    expiresAt: now + ttl * 1000,
    ...(scenario ? { scenario } : {}),
  };
  return json(200, {
    access_token: token,
    token_type: 'bearer',
    expires_in: ttl,
    scope: fields.scopes.join(','),
  });
}

function exchangeCode(context: HandlerContext<TinkPrincipal>, clientId: string, form: Form) {
  const { tenant, now } = context;
  const code = form.code ? tenant.tink.authorizationCodes[form.code] : undefined;
  if (!code || code.clientId !== clientId || code.expiresAt <= now || !tenant.tink.users[code.userId])
    return oauthError(400, 'Authorization code not valid', 'oauth.code_not_found');
  delete tenant.tink.authorizationCodes[code.code];
  return issueToken(context, { kind: 'user', clientId, scopes: code.scopes, userId: code.userId });
}

const allowedScopes = (tenant: TenantData) => tenant.credentials.tink.scopes;

export const oauthHandlers: Record<string, Handler<TinkPrincipal>> = {
  getAccessToken: (context) => {
    const { principal, tenant } = context;
    if (principal.kind !== 'oauth-client')
      throw new Error('getAccessToken: the client was not authenticated');
    const form = formOf(context.body);
    if (form.grant_type === 'authorization_code') return exchangeCode(context, principal.clientId, form);
    if (form.grant_type !== 'client_credentials')
      return oauthError(
        401,
        'Grant type must be one of: client_credentials, authorization_code',
        'oauth.invalid_grant_type',
      );
    const requested = parseScopes(form.scope);
    const allowed = allowedScopes(tenant);
    if (requested.some((scope) => !allowed.includes(scope))) return invalidScope();
    const scopes = requested.length ? requested : [...allowed];
    return issueToken(context, { kind: 'client', clientId: principal.clientId, scopes });
  },

  createAuthorizationGrant: (context) => {
    const { tenant, now, principal } = context;
    if (principal.kind !== 'token') throw new Error('createAuthorizationGrant: no token');
    const form = formOf(context.body);
    if (Boolean(form.user_id) === Boolean(form.external_user_id))
      return oauthError(
        400,
        'Exactly one of user_id and external_user_id must be given.',
        'oauth.invalid_request',
      );
    const scopes = parseScopes(form.scope);
    if (scopes.some((scope) => !allowedScopes(tenant).includes(scope))) return invalidScope();
    const user = form.user_id
      ? tenant.tink.users[form.user_id]
      : findUserByExternalId(tenant, form.external_user_id!);
    if (!user) return oauthError(404, 'Could not find the user.', 'user.not_found');
    const code = nextSecret(tenant, '', 32);
    tenant.tink.authorizationCodes[code] = {
      code,
      clientId: principal.token.clientId,
      userId: user.userId,
      scopes,
      expiresAt: now + CODE_TTL_MS,
    };
    return json(200, { code });
  },
};
