import { json } from '../../http/types.js';
import { nextId, nextSecret } from '../../store/ids.js';
import { notFound, validationFailed } from '../errors.js';
import { paginate } from '../paginate.js';
import { berlinDateTime, parseXs2aDateTime } from '../time.js';
import { tokenView } from '../wire.js';
import { byCreation, type Context, deleted, type Xs2aHandler } from './common.js';

/** Without `valid_until` a token lives one hour, as the reference's model documentation says. */
const DEFAULT_LIFETIME_MS = 3_600_000;

/** `valid_until` parsed leniently and required to lie ahead; echoed back exactly as sent. */
function validUntilOf(ctx: Context): { at: number; text: string } | { errors: Record<string, string[]> } {
  const sent = (ctx.body as { valid_until?: string } | undefined)?.valid_until;
  if (sent === undefined) {
    const at = ctx.now + DEFAULT_LIFETIME_MS;
    return { at, text: berlinDateTime(at) };
  }
  const at = parseXs2aDateTime(sent);
  if (at === undefined) return { errors: { valid_until: ['The valid until is not a valid date.'] } };
  if (at <= ctx.now) return { errors: { valid_until: ['The valid until must be a date after now.'] } };
  return { at, text: sent };
}

function userToken(ctx: Context) {
  const token = ctx.tenant.xs2a.tokens[ctx.params.tokenId!];
  return token?.userId === ctx.params.userId ? token : undefined;
}

export const accessTokenHandlers: Record<string, Xs2aHandler> = {
  createBankUserAccessToken: (ctx) => {
    const { tenant, params, now, principal } = ctx;
    if (!tenant.xs2a.users[params.userId!]) return notFound('Bank user');
    const validUntil = validUntilOf(ctx);
    if ('errors' in validUntil) return validationFailed(validUntil.errors);
    const token = {
      id: nextId(tenant, 'bat_'),
      userId: params.userId!,
      token: nextSecret(tenant, 'xs2a_'),
      validUntil: validUntil.at,
      validUntilText: validUntil.text,
      createdAt: now,
      // A token issued with a magic API key carries its scenario (server/scenarios/magic.ts).
      ...(principal.scenario ? { scenario: principal.scenario } : {}),
    };
    tenant.xs2a.tokens[token.id] = token;
    return json(200, tokenView(token));
  },

  listBankUserAccessTokens: ({ tenant, params, request }) => {
    if (!tenant.xs2a.users[params.userId!]) return notFound('Bank user');
    const tokens = Object.values(tenant.xs2a.tokens).filter((t) => t.userId === params.userId);
    return json(200, paginate(byCreation(tokens), request, tokenView));
  },

  getBankUserAccessToken: (ctx) => {
    const token = userToken(ctx);
    return token ? json(200, tokenView(token)) : notFound('Access token');
  },

  /** Refresh keeps the id and the secret and moves `valid_until` (fidelity.md). */
  refreshBankUserAccessToken: (ctx) => {
    const token = userToken(ctx);
    if (!token) return notFound('Access token');
    const validUntil = validUntilOf(ctx);
    if ('errors' in validUntil) return validationFailed(validUntil.errors);
    token.validUntil = validUntil.at;
    token.validUntilText = validUntil.text;
    return json(200, tokenView(token));
  },

  deleteBankUserAccessToken: (ctx) => {
    const token = userToken(ctx);
    if (!token) return notFound('Access token');
    delete ctx.tenant.xs2a.tokens[token.id];
    return deleted('Access token deleted.');
  },
};
