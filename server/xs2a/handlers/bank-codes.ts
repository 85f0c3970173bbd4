import { firstQueryValue, json } from '../../http/types.js';
import { BANKS, bankView } from '../banks.js';
import { notFound } from '../errors.js';
import { paginate } from '../paginate.js';
import type { Context, Xs2aHandler } from './common.js';

function inCountry(ctx: Context) {
  const country = (firstQueryValue(ctx.query, 'country_id') ?? '').toUpperCase();
  return BANKS.filter((bank) => !country || bank.countryId === country);
}

export const bankCodeHandlers: Record<string, Xs2aHandler> = {
  getBankByCode: (ctx) => {
    const code = (firstQueryValue(ctx.query, 'bank_code') ?? '').trim();
    const bank = BANKS.find((b) => b.bankCode === code);
    return bank ? json(200, bankView(bank)) : notFound('Bank');
  },

  listAllBanks: (ctx) => json(200, paginate(inCountry(ctx), ctx.request, bankView)),

  /** Matches the query in the name, short name, bank code, BIC or city, case-insensitively. */
  autocompleteBanks: (ctx) => {
    const q = (firstQueryValue(ctx.query, 'q') ?? '').trim().toLowerCase();
    const found = inCountry(ctx).filter((bank) =>
      [bank.name, bank.shortName, bank.bankCode, bank.bic, bank.city].some((v) =>
        v.toLowerCase().includes(q),
      ),
    );
    return json(200, paginate(found, ctx.request, bankView));
  },
};
