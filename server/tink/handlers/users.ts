import type { Handler } from '../../http/surface.js';
import { json, noContent } from '../../http/types.js';
import type { TinkPrincipal } from '../auth.js';
import { connectorError, MESSAGES, oauthError } from '../errors.js';
import { addUser, findUserByExternalId, LOCALES, MARKETS, removeUser } from '../users.js';

interface CreateUserBody {
  market: string;
  locale?: string;
  external_user_id?: string;
}

export const userHandlers: Record<string, Handler<TinkPrincipal>> = {
  createUser: ({ body, tenant, now }) => {
    const { market, locale, external_user_id: externalUserId } = body as CreateUserBody;
    if (!MARKETS[market] || (locale !== undefined && !LOCALES.has(locale)))
      return oauthError(400, 'The market and/or locale is not valid.', 'user.invalid_market_or_locale');
    if (externalUserId !== undefined && findUserByExternalId(tenant, externalUserId))
      return oauthError(409, MESSAGES.userAlreadyExists, 'user.already_exists');
    const user = addUser(tenant, { externalUserId: externalUserId ?? null, market, locale }, now);
    return json(200, { external_user_id: user.externalUserId, user_id: user.userId });
  },

  deleteUser: ({ tenant, principal }) => {
    const user = principal.kind === 'token' ? tenant.tink.users[principal.token.userId ?? ''] : undefined;
    if (!user) return oauthError(401, 'The access token is not valid.', 'auth.invalid_token');
    removeUser(tenant, user);
    return noContent();
  },

  /** Legacy `DELETE /connector/users/{id}` (the Elixir client's delete_user): legacy 401 when unknown. */
  deleteConnectorUser: ({ tenant, params }) => {
    const externalUserId = params.externalUserId!;
    const user = findUserByExternalId(tenant, externalUserId);
    if (!user) return connectorError(401, MESSAGES.userNotFound, { externalUserId });
    removeUser(tenant, user);
    return noContent();
  },
};
