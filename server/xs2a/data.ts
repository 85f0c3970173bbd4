import type { Faker } from '@faker-js/faker';
import { faker } from '@faker-js/faker/locale/de';
import { nextId } from '../store/ids.js';
import type { TenantData } from '../store/types.js';
import type { Bank } from './banks.js';
import { germanIban } from './iban.js';
import type { BankAccount, Turnover } from './state.js';
import { berlinDate, DAY_MS } from './time.js';

const money = (value: number) => Math.round(value * 100) / 100;

/** Spending categories (XS2A's hierarchical `category_id`) with purpose lines a bank would print. */
const EXPENSES = [
  { category: 'K.1.1.1', purposes: ['Lebensmittel', 'Einkauf Supermarkt'], min: 6, max: 95 },
  { category: 'K.1.2.1', purposes: ['Restaurant', 'Lieferdienst'], min: 12, max: 70 },
  { category: 'K.2.2.1', purposes: ['Abschlag Strom', 'Abschlag Gas'], min: 45, max: 140 },
  { category: 'K.3.1.2', purposes: ['Mobilfunk Rechnung', 'Internet DSL'], min: 15, max: 60 },
  { category: 'K.4.2.1', purposes: ['Fahrkarte', 'Tankstelle'], min: 4, max: 90 },
  { category: 'K.5.1.1', purposes: ['Online-Bestellung', 'Kaufhaus'], min: 10, max: 180 },
];

/** The accounts a bank offers at login; an account-selection step picks among them. */
export const ACCOUNT_OFFER: Array<{ type: BankAccount['type']; description: string }> = [
  { type: 'giro', description: 'Girokonto' },
  { type: 'savings', description: 'Tagesgeld' },
];

/** Seeds the shared faker from the tenant's seed and sequence: the same calls give the same data. */
export function seededFaker(tenant: TenantData, salt: number): Faker {
  faker.seed([tenant.seed, salt, tenant.sequence]);
  return faker;
}

function counterparty(f: Faker) {
  return {
    counterIban: germanIban(f.string.numeric({ length: 8, allowLeadingZeros: false }), f.string.numeric(10)),
    counterBic: `${f.string.alpha({ length: 4, casing: 'upper' })}DE${f.string.alphanumeric({ length: 2, casing: 'upper' })}XXX`,
  };
}

function turnover(tenant: TenantData, f: Faker, bookingDate: string, holder: string, kind: string): Turnover {
  const base = {
    id: nextId(tenant, 'tur_'),
    transactionId: f.string.numeric(12),
    bookingDate,
    currency: 'EUR',
    prebooked: false,
    canceled: false,
    tags: [] as string[],
    creditorId: null,
    new: false,
    ...counterparty(f),
  };
  if (kind === 'salary') {
    const employer = f.company.name();
    const month = bookingDate.slice(0, 7);
    const amount = money(f.number.float({ min: 2400, max: 3600 }));
    return {
      ...base,
      amount,
      purpose: [`LOHN/GEHALT ${month}`, holder],
      counterHolder: employer,
      categoryId: 'K.9.1.1',
    };
  }
  if (kind === 'rent') {
    const landlord = f.person.fullName();
    const amount = -money(f.number.float({ min: 650, max: 1100 }));
    return {
      ...base,
      amount,
      purpose: ['Miete', `Wohnung ${f.location.street()}`],
      counterHolder: landlord,
      categoryId: 'K.2.1.1',
      creditorId: `DE${f.string.numeric(2)}ZZZ${f.string.numeric(11)}`,
    };
  }
  const spend = f.helpers.arrayElement(EXPENSES);
  const amount = -money(f.number.float({ min: spend.min, max: spend.max }));
  const purpose = [f.helpers.arrayElement(spend.purposes), `Karte ${f.string.numeric(4)} ${bookingDate}`];
  return { ...base, amount, purpose, counterHolder: f.company.name(), categoryId: spend.category };
}

/** The turnovers of one Berlin day on a giro account: salary on the 1st, rent on the 3rd, spending. */
function dayOfTurnovers(tenant: TenantData, f: Faker, date: string, holder: string): Turnover[] {
  const out: Turnover[] = [];
  const dayOfMonth = Number(date.slice(8, 10));
  if (dayOfMonth === 1) out.push(turnover(tenant, f, date, holder, 'salary'));
  if (dayOfMonth === 3) out.push(turnover(tenant, f, date, holder, 'rent'));
  const spends = f.number.int({ min: 0, max: 2 });
  for (let i = 0; i < spends; i += 1) out.push(turnover(tenant, f, date, holder, 'expense'));
  return out;
}

/** Giro turnovers for each Berlin day after `since`, up to `until`, oldest first. */
export function turnoversBetween(
  tenant: TenantData,
  f: Faker,
  holder: string,
  since: number,
  until: number,
): Turnover[] {
  const out: Turnover[] = [];
  let previous = berlinDate(since);
  for (let at = since + DAY_MS; at <= until; at += DAY_MS) {
    const date = berlinDate(at);
    if (date === previous) continue;
    out.push(...dayOfTurnovers(tenant, f, date, holder));
    previous = date;
  }
  return out;
}

/** What a sync finds on a giro account: the days since the last sync, and at least today's card payment. */
export function syncedTurnovers(tenant: TenantData, holder: string, since: number, now: number): Turnover[] {
  const f = seededFaker(tenant, 13);
  const found = turnoversBetween(tenant, f, holder, since, now);
  if (found.length === 0) found.push(turnover(tenant, f, berlinDate(now), holder, 'expense'));
  return found.map((t) => ({ ...t, new: true }));
}

/** A new account at a bank, with `days` of history; the balance is the opening plus every turnover. */
export function openAccount(
  tenant: TenantData,
  offer: (typeof ACCOUNT_OFFER)[number],
  owner: { userId: string; holder: string; connectionId: string; bank: Bank },
  now: number,
  days: number,
): { account: BankAccount; turnovers: Turnover[] } {
  const f = seededFaker(tenant, 11);
  const accountNumber = f.string.numeric({ length: 10, allowLeadingZeros: false });
  const giro = offer.type === 'giro';
  const turnovers = giro ? turnoversBetween(tenant, f, owner.holder, now - days * DAY_MS, now) : [];
  const opening = giro
    ? money(f.number.float({ min: 500, max: 2500 }))
    : money(f.number.float({ min: 1000, max: 20000 }));
  const balance = money(opening + turnovers.reduce((sum, t) => sum + t.amount, 0));
  const account: BankAccount = {
    id: nextId(tenant, 'bac_'),
    connectionId: owner.connectionId,
    userId: owner.userId,
    holder: owner.holder,
    iban: germanIban(owner.bank.bankCode, accountNumber),
    bic: owner.bank.bic,
    accountNumber,
    bankCode: owner.bank.bankCode,
    bankName: owner.bank.name,
    countryId: owner.bank.countryId,
    description: offer.description,
    type: offer.type,
    jointAccount: false,
    transactionPossible: giro,
    currency: 'EUR',
    balance,
    available: giro ? money(balance + 1000) : balance,
    limit: giro ? 1000 : null,
    balanceDate: now,
    createdAt: now,
  };
  return { account, turnovers };
}

/** Books turnovers onto an account, keeping the balance equal to what the turnovers add up to. */
export function book(account: BankAccount, existing: Turnover[], added: Turnover[], now: number): Turnover[] {
  const delta = added.reduce((sum, t) => sum + t.amount, 0);
  account.balance = money(account.balance + delta);
  if (account.available !== null) account.available = money(account.available + delta);
  account.balanceDate = now;
  return [...existing, ...added];
}
