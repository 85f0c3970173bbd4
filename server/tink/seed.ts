import type { Faker } from '@faker-js/faker';
import type { TenantData } from '../store/types.js';
import { newAccount } from './ledger.js';
import type { TinkAccount, TinkTransaction } from './state.js';

const DAY = 86_400_000;

const MERCHANTS: Array<{ name: string; mcc: string; min: number; max: number }> = [
  { name: 'REWE', mcc: '5411', min: 8, max: 120 },
  { name: 'EDEKA', mcc: '5411', min: 5, max: 90 },
  { name: 'Lidl', mcc: '5411', min: 4, max: 70 },
  { name: 'dm-drogerie markt', mcc: '5912', min: 3, max: 45 },
  { name: 'Deutsche Bahn', mcc: '4112', min: 19, max: 150 },
  { name: 'Shell', mcc: '5541', min: 30, max: 95 },
  { name: 'Amazon', mcc: '5942', min: 10, max: 250 },
  { name: 'Spotify', mcc: '5815', min: 10.99, max: 10.99 },
  { name: 'Netflix', mcc: '4899', min: 13.99, max: 13.99 },
  { name: 'IKEA', mcc: '5712', min: 15, max: 400 },
];

const money = (value: number) => Math.round(value * 100) / 100;

function transaction(faker: Faker, now: number, daysAgo: number, pending: boolean): TinkTransaction {
  const merchant = faker.helpers.arrayElement(MERCHANTS);
  const date = now - daysAgo * DAY - faker.number.int({ min: 0, max: DAY - 1 });
  return {
    externalId: `tx-${faker.string.alphanumeric({ length: 12, casing: 'lower' })}`,
    amount: -money(faker.number.float({ min: merchant.min, max: merchant.max })),
    date,
    description: `${merchant.name.toUpperCase()} ${faker.location.city().toUpperCase()}`,
    type: 'DEFAULT',
    pending,
    merchantName: merchant.name,
    merchantCategoryCode: merchant.mcc,
    deleted: false,
    createdAt: now,
    updatedAt: now,
  };
}

function salary(faker: Faker, now: number, monthsAgo: number, employer: string): TinkTransaction {
  return {
    externalId: `tx-salary-${monthsAgo}`,
    amount: money(faker.number.float({ min: 2800, max: 3400 })),
    date: now - (monthsAgo * 30 + 2) * DAY,
    description: `GEHALT ${employer.toUpperCase()}`,
    type: 'TRANSFER',
    pending: false,
    deleted: false,
    createdAt: now,
    updatedAt: now,
  };
}

function account(
  faker: Faker,
  now: number,
  fields: Pick<TinkAccount, 'externalId' | 'name' | 'type'>,
): TinkAccount {
  return newAccount({ ...fields, number: faker.finance.iban({ formatted: false, countryCode: 'DE' }) }, now);
}

/** Demo data: one Tink user with a checking, a savings and a credit-card account and six months of history. */
export function seedTink(tenant: TenantData, faker: Faker, now: number): void {
  const employer = faker.company.name();
  const checking = account(faker, now, { externalId: 'demo-checking', name: 'Girokonto', type: 'CHECKING' });
  const savings = account(faker, now, { externalId: 'demo-savings', name: 'Tagesgeld', type: 'SAVINGS' });
  const card = account(faker, now, {
    externalId: 'demo-credit-card',
    name: 'Kreditkarte',
    type: 'CREDIT_CARD',
  });
  card.availableCredit = 2000;

  const history: TinkTransaction[] = [];
  for (let month = 0; month < 6; month += 1) history.push(salary(faker, now, month, employer));
  for (let i = 0; i < 90; i += 1)
    history.push(transaction(faker, now, faker.number.int({ min: 1, max: 180 }), false));
  for (let i = 0; i < 3; i += 1) history.push(transaction(faker, now, 0, true));
  for (const tx of history) checking.transactions[tx.externalId] = tx;
  for (let i = 0; i < 12; i += 1) {
    const tx = transaction(faker, now, faker.number.int({ min: 1, max: 60 }), false);
    card.transactions[tx.externalId] = { ...tx, type: 'CREDIT_CARD' };
  }
  const sum = (a: TinkAccount) => Object.values(a.transactions).reduce((total, tx) => total + tx.amount, 0);
  checking.balance = money(1500 + sum(checking));
  savings.balance = money(faker.number.float({ min: 2000, max: 15000 }));
  card.balance = money(sum(card));
  card.reservedAmount = 0;

  const userId = faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
  tenant.tink.users[userId] = {
    userId,
    externalUserId: 'demo-user',
    market: 'DE',
    locale: 'de_DE',
    currency: 'EUR',
    createdAt: now,
    accounts: { [checking.externalId]: checking, [savings.externalId]: savings, [card.externalId]: card },
  };
}
