import { nextId } from '../store/ids.js';
import type { TenantData } from '../store/types.js';
import type { TinkUser } from './state.js';

/**
 * Tink's markets with their default locale and currency. Tink does not publish this table; it is
 * the markets Tink serves (docs.tink.com, "markets"), with each country's currency.
 */
export const MARKETS: Record<string, { locale: string; currency: string }> = {
  AT: { locale: 'de_DE', currency: 'EUR' },
  BE: { locale: 'nl_NL', currency: 'EUR' },
  DE: { locale: 'de_DE', currency: 'EUR' },
  DK: { locale: 'da_DK', currency: 'DKK' },
  EE: { locale: 'en_US', currency: 'EUR' },
  ES: { locale: 'es_ES', currency: 'EUR' },
  FI: { locale: 'fi_FI', currency: 'EUR' },
  FR: { locale: 'fr_FR', currency: 'EUR' },
  GB: { locale: 'en_GB', currency: 'GBP' },
  IE: { locale: 'en_GB', currency: 'EUR' },
  IT: { locale: 'it_IT', currency: 'EUR' },
  LT: { locale: 'en_US', currency: 'EUR' },
  LV: { locale: 'en_US', currency: 'EUR' },
  NL: { locale: 'nl_NL', currency: 'EUR' },
  NO: { locale: 'nb_NO', currency: 'NOK' },
  PL: { locale: 'pl_PL', currency: 'PLN' },
  PT: { locale: 'pt_PT', currency: 'EUR' },
  SE: { locale: 'sv_SE', currency: 'SEK' },
};

export const LOCALES = new Set([
  'da_DK',
  'de_DE',
  'en_GB',
  'en_US',
  'es_ES',
  'fi_FI',
  'fr_FR',
  'it_IT',
  'nb_NO',
  'nl_NL',
  'pl_PL',
  'pt_PT',
  'sv_SE',
]);

/** A user created on first write in the asynchronous dialect takes its market from the money it sends. */
const MARKET_OF_CURRENCY: Record<string, string> = { GBP: 'GB', SEK: 'SE', DKK: 'DK', NOK: 'NO', PLN: 'PL' };

export function marketOfCurrency(currency: string | undefined): string {
  return (currency && MARKET_OF_CURRENCY[currency]) || 'DE';
}

export function findUserByExternalId(tenant: TenantData, externalUserId: string): TinkUser | undefined {
  return Object.values(tenant.tink.users).find((user) => user.externalUserId === externalUserId);
}

export function addUser(
  tenant: TenantData,
  fields: { externalUserId: string | null; market: string; locale?: string | undefined },
  now: number,
): TinkUser {
  const market = MARKETS[fields.market]!;
  const user: TinkUser = {
    userId: nextId(tenant, '', 32),
    externalUserId: fields.externalUserId,
    market: fields.market,
    locale: fields.locale ?? market.locale,
    currency: market.currency,
    createdAt: now,
    accounts: {},
  };
  tenant.tink.users[user.userId] = user;
  return user;
}

/** Removes a user with everything under it, and the tokens and codes issued for it. */
export function removeUser(tenant: TenantData, user: TinkUser): void {
  delete tenant.tink.users[user.userId];
  for (const [value, token] of Object.entries(tenant.tink.tokens))
    if (token.userId === user.userId) delete tenant.tink.tokens[value];
  for (const [value, code] of Object.entries(tenant.tink.authorizationCodes))
    if (code.userId === user.userId) delete tenant.tink.authorizationCodes[value];
}
