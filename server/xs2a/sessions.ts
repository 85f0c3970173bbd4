import { nextId, nextSecret } from '../store/ids.js';
import type { TenantData } from '../store/types.js';
import { findBankByCodeOrBic } from './banks.js';
import { defaultXs2aBehaviour, type Xs2aBehaviour } from './behaviour.js';
import type { BankConnection, ConnectionRequest, WizardSession } from './state.js';

/** A new wizard session: for a new connection (create) or a new bank login of an existing one. */
export function openSession(
  tenant: TenantData,
  now: number,
  spec: {
    userId: string;
    request: ConnectionRequest;
    connection?: BankConnection;
    purpose: WizardSession['purpose'];
  },
): WizardSession {
  // A known BIC picks the bank for a new connection; an existing connection knows its bank.
  const bankCode =
    spec.connection?.bankCode ??
    (spec.request.bic ? findBankByCodeOrBic(spec.request.bic)?.bankCode : undefined);
  const step = bankCode ? 'login' : 'bank';
  const session: WizardSession = {
    id: nextId(tenant, 'wzs_'),
    transaction: nextId(tenant, 'tx-', 12),
    key: nextSecret(tenant, '', 32),
    userId: spec.userId,
    connectionId: spec.connection?.id ?? null,
    purpose: spec.purpose,
    request: spec.request,
    step,
    lastStep: step,
    showcaseItem: null,
    bankCode: bankCode ?? null,
    language: spec.request.language,
    lastError: '',
    failure: null,
    finished: false,
    loginTries: 0,
    polls: 0,
    failingSyncs: 0,
    selectedAccount: null,
    sharedCredentials: null,
    createdAt: now,
    touchedAt: now,
  };
  tenant.xs2a.sessions[session.transaction] = session;
  return session;
}

export const sessionCreated = (session: WizardSession) => ({
  wizard_session_key: session.key,
  transaction: session.transaction,
});

export const isTerminal = (session: WizardSession) =>
  session.step === 'finish' || session.step === 'failed' || session.step === 'aborted';

/** Ends the session with a non-recoverable error (`last_error` code), remembering where it stood. */
export function failSession(session: WizardSession, code: string, message: string): void {
  session.lastStep = session.step;
  session.step = 'failed';
  session.lastError = code;
  session.failure = { code, message };
}

export function wizardSettings(behaviour: Xs2aBehaviour) {
  return behaviour.wizard ?? defaultXs2aBehaviour().wizard;
}

/** Expires a session left alone longer than the timeout, by the virtual clock; true when it did now. */
export function expireIfIdle(session: WizardSession, now: number, behaviour: Xs2aBehaviour): boolean {
  if (isTerminal(session)) return false;
  const timeoutMs = wizardSettings(behaviour).sessionTimeoutMinutes * 60_000;
  if (now - session.touchedAt <= timeoutMs) return false;
  failSession(session, 'session_expired', 'The session has expired. Please start again.');
  return true;
}

/** The session a key opens, with the tenant it belongs to (keys are unique across tenants). */
export function findSessionByKey(tenants: TenantData[], key: string) {
  for (const tenant of tenants) {
    for (const session of Object.values(tenant.xs2a.sessions))
      if (session.key === key) return { tenant, session };
  }
  return undefined;
}
