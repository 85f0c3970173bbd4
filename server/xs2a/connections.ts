import { nextId, nextSecret } from '../store/ids.js';
import { findBank, TEST_BANK } from './banks.js';
import { ACCOUNT_OFFER, openAccount } from './data.js';
import { emitEvent } from './events.js';
import type { BankConnection, WizardSession } from './state.js';
import { type SyncEnv, syncSucceeded } from './sync.js';
import { DAY_MS } from './time.js';

const consentDays = (env: SyncEnv) => env.behaviour.consentDays ?? 90;

/** A bank login grants consent for `consentDays` from its instant; the wire shows its Berlin date. */
function grantConsent(env: SyncEnv, connection: BankConnection): void {
  connection.consentValidUntil = env.now + consentDays(env) * DAY_MS;
  connection.consentExpiryNoted = false;
}

/** In shared mode each bank login hands the client a new half of the encrypted credentials. */
function shareCredentials(env: SyncEnv, connection: BankConnection, session: WizardSession): void {
  if (connection.requestedSyncMode !== 'shared') return;
  connection.sharedCredentials = nextSecret(env.tenant, 'shc_', 48);
  session.sharedCredentials = connection.sharedCredentials;
}

/** The wizard of a new connection finished: the connection and its accounts now exist (fidelity.md). */
export function createConnection(env: SyncEnv, session: WizardSession): BankConnection {
  const { tenant, now } = env;
  const bank = findBank(session.bankCode ?? '') ?? TEST_BANK;
  const user = tenant.xs2a.users[session.userId]!;
  const connection: BankConnection = {
    id: nextId(tenant, 'bcn_'),
    userId: session.userId,
    transaction: session.transaction,
    bankCode: bank.bankCode,
    bic: bank.bic,
    bankName: bank.name,
    countryId: bank.countryId,
    syncMode: session.request.syncMode,
    requestedSyncMode: session.request.syncMode,
    syncActive: true,
    syncMessage: '',
    syncFailCounter: 0,
    lastSynced: now,
    consentValidUntil: now,
    consentExpiryNoted: false,
    disabled: false,
    sharedCredentials: null,
    failingSyncs: session.failingSyncs,
    days: session.request.days,
    limitDays: session.request.limitDays,
    testmode: true,
    createdAt: now,
  };
  grantConsent(env, connection);
  shareCredentials(env, connection, session);
  const offers = session.selectedAccount === null ? ACCOUNT_OFFER : [ACCOUNT_OFFER[session.selectedAccount]!];
  for (const offer of offers) {
    const owner = { userId: user.id, holder: user.name, connectionId: connection.id, bank };
    const { account, turnovers } = openAccount(tenant, offer, owner, now, connection.days);
    tenant.xs2a.accounts[account.id] = account;
    tenant.xs2a.turnovers[account.id] = turnovers;
  }
  tenant.xs2a.connections[connection.id] = connection;
  emitEvent(tenant, now, 'bank_connection.created', connection, 'The bank connection was created.');
  return connection;
}

/** A new bank login for an existing connection (sync in `none`, expired consent, reset): it syncs. */
export function loginAgain(env: SyncEnv, connection: BankConnection, session: WizardSession): void {
  connection.failingSyncs = session.failingSyncs;
  grantConsent(env, connection);
  shareCredentials(env, connection, session);
  syncSucceeded(env, connection, true);
}

/** Removes a connection; its accounts stay, detached (`bank_connection_id: null`, fidelity.md). */
export function deleteConnection(env: SyncEnv, connection: BankConnection): void {
  for (const account of Object.values(env.tenant.xs2a.accounts)) {
    if (account.connectionId === connection.id) account.connectionId = null;
  }
  delete env.tenant.xs2a.connections[connection.id];
}
