import type { Faker } from '@faker-js/faker';
import { nextId, nextSecret } from '../store/ids.js';
import type { TenantData } from '../store/types.js';
import { TEST_BANK } from './banks.js';
import { ACCOUNT_OFFER, openAccount } from './data.js';
import type { BankConnection } from './state.js';
import { berlinDateTime, DAY_MS } from './time.js';

const YEAR = 365 * DAY_MS;

/**
 * Demo data: one bank user with an access token valid for a year and a finished `full` connection to
 * the test bank, holding a giro and a savings account with six months of turnovers.
 */
export function seedXs2a(tenant: TenantData, faker: Faker, now: number): void {
  const state = tenant.xs2a;
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const name = `${firstName} ${lastName}`;
  const email = faker.internet.email({ firstName, lastName, provider: 'example.com' }).toLowerCase();
  const user = { id: nextId(tenant, 'bus_'), name, email, testmode: true, createdAt: now - 30 * DAY_MS };
  state.users[user.id] = user;

  const validUntil = now + YEAR;
  const token = {
    id: nextId(tenant, 'bat_'),
    userId: user.id,
    token: nextSecret(tenant, 'xs2a_'),
    validUntil,
    validUntilText: berlinDateTime(validUntil),
    createdAt: now,
  };
  state.tokens[token.id] = token;

  const connection: BankConnection = {
    id: nextId(tenant, 'bcn_'),
    userId: user.id,
    transaction: nextId(tenant, 'tx-', 12),
    bankCode: TEST_BANK.bankCode,
    bic: TEST_BANK.bic,
    bankName: TEST_BANK.name,
    countryId: 'DE',
    syncMode: 'full',
    requestedSyncMode: 'full',
    syncActive: true,
    syncMessage: '',
    syncFailCounter: 0,
    lastSynced: now,
    consentValidUntil: now + 60 * DAY_MS,
    consentExpiryNoted: false,
    disabled: false,
    sharedCredentials: null,
    failingSyncs: 0,
    days: 180,
    limitDays: null,
    testmode: true,
    createdAt: now - 30 * DAY_MS,
  };
  state.connections[connection.id] = connection;

  for (const offer of ACCOUNT_OFFER) {
    const owner = { userId: user.id, holder: name, connectionId: connection.id, bank: TEST_BANK };
    const { account, turnovers } = openAccount(tenant, offer, owner, now, connection.days);
    account.createdAt = connection.createdAt;
    state.accounts[account.id] = account;
    state.turnovers[account.id] = turnovers;
  }
}
