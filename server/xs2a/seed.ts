import type { Faker } from '@faker-js/faker';
import { toIsoDate } from '../clock.js';
import { nextId, nextSecret } from '../store/ids.js';
import type { TenantData } from '../store/types.js';
import { TEST_BANK } from './banks.js';
import { germanIban } from './iban.js';
import type { BankAccount, Turnover } from './state.js';

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const money = (value: number) => Math.round(value * 100) / 100;

const CATEGORIES = ['K.1.1', 'K.1.2', 'K.2.1', 'K.3.1', 'K.4.2', 'K.5.1'];

function turnover(
  tenant: TenantData,
  faker: Faker,
  bookedAt: number,
  income: boolean,
  holderOfAccount: string,
): Turnover {
  const counterHolder = income ? faker.company.name() : faker.company.name();
  const amount = income
    ? money(faker.number.float({ min: 2500, max: 3500 }))
    : -money(faker.number.float({ min: 3, max: 180 }));
  return {
    id: nextId(tenant, 'tur_'),
    transactionId: null,
    bookingDate: toIsoDate(bookedAt),
    amount,
    currency: 'EUR',
    purpose: income
      ? [`Gehalt ${holderOfAccount}`]
      : [faker.commerce.productName(), `Karte ${faker.string.numeric(4)}`],
    counterIban: germanIban(faker.string.numeric(8), faker.string.numeric(10)),
    counterBic: `${faker.string.alpha({ length: 4, casing: 'upper' })}DE${faker.string.alphanumeric({ length: 2, casing: 'upper' })}XXX`,
    counterHolder,
    prebooked: false,
    canceled: false,
    tags: [],
    categoryId: income ? 'K.9.1' : faker.helpers.arrayElement(CATEGORIES),
    creditorId: null,
    new: false,
  };
}

/**
 * Demo data: one bank user with an access token valid for a year and a finished `full` connection to
 * the test bank, holding a giro and a savings account with six months of turnovers.
 */
export function seedXs2a(tenant: TenantData, faker: Faker, now: number): void {
  const state = tenant.xs2a;
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const name = `${firstName} ${lastName}`;
  const email = faker.internet.email({ firstName, lastName }).toLowerCase();
  const user = { id: nextId(tenant, 'bus_'), name, email, testmode: true, createdAt: now };
  state.users[user.id] = user;

  const validUntil = now + YEAR;
  const token = {
    id: nextId(tenant, 'bat_'),
    userId: user.id,
    token: nextSecret(tenant, 'xs2a_'),
    validUntil,
    validUntilText: toIsoDate(validUntil),
    createdAt: now,
  };
  state.tokens[token.id] = token;

  const connection = {
    id: nextId(tenant, 'bcn_'),
    userId: user.id,
    transaction: nextId(tenant, 'tx-'),
    bankCode: TEST_BANK.bankCode,
    bic: TEST_BANK.bic,
    bankName: TEST_BANK.name,
    countryId: 'DE',
    syncMode: 'full' as const,
    syncActive: true,
    syncMessage: '',
    syncFailCounter: 0,
    lastSynced: now,
    consentValidUntil: now + 90 * DAY,
    disabled: false,
    testmode: true,
    createdAt: now - 30 * DAY,
  };
  state.connections[connection.id] = connection;

  const makeAccount = (type: BankAccount['type'], description: string): BankAccount => {
    const accountNumber = faker.string.numeric(10);
    return {
      id: nextId(tenant, 'bac_'),
      connectionId: connection.id,
      userId: user.id,
      holder: name,
      iban: germanIban(TEST_BANK.bankCode, accountNumber),
      bic: TEST_BANK.bic,
      accountNumber,
      bankCode: TEST_BANK.bankCode,
      bankName: TEST_BANK.name,
      countryId: 'DE',
      description,
      type,
      jointAccount: false,
      transactionPossible: type === 'giro',
      currency: 'EUR',
      balance: 0,
      available: null,
      limit: null,
      balanceDate: now,
      createdAt: now - 30 * DAY,
    };
  };
  const giro = makeAccount('giro', 'Girokonto');
  const savings = makeAccount('savings', 'Tagesgeld');

  const history: Turnover[] = [];
  for (let day = 180; day >= 1; day -= 1) {
    if (day % 30 === 2) history.push(turnover(tenant, faker, now - day * DAY, true, name));
    if (faker.number.int({ min: 0, max: 2 }) > 0)
      history.push(turnover(tenant, faker, now - day * DAY, false, name));
  }
  const opening = 1200;
  giro.balance = money(opening + history.reduce((total, t) => total + t.amount, 0));
  giro.available = money(giro.balance + 1000);
  giro.limit = 1000;
  savings.balance = money(faker.number.float({ min: 1000, max: 20000 }));
  savings.available = savings.balance;

  state.accounts[giro.id] = giro;
  state.accounts[savings.id] = savings;
  state.turnovers[giro.id] = history;
  state.turnovers[savings.id] = [];
}
