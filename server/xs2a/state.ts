/** The XS2A data of one tenant, as stored. Times are epoch milliseconds of the tenant's clock. */

export interface BankUser {
  id: string;
  name: string;
  email: string;
  testmode: boolean;
  createdAt: number;
}

export interface AccessToken {
  id: string;
  userId: string;
  /** The secret that a client sends as the Basic-auth password. */
  token: string;
  validUntil: number;
  /** `valid_until` exactly as the client sent it, echoed back (reference §2). */
  validUntilText: string;
  createdAt: number;
  /** The scenario of the magic API key the token was issued with; it follows the token. */
  scenario?: string;
}

export type SyncMode = 'full' | 'shared' | 'none';

/** What the client asked for when it created the connection (reference §3.3), with defaults applied. */
export interface ConnectionRequest {
  syncMode: SyncMode;
  bic: string | null;
  countryId: string | null;
  days: number;
  limitDays: number | null;
  accountSelection: 'all' | 'single' | 'multi';
  language: string;
}

export interface BankConnection {
  id: string;
  userId: string;
  transaction: string;
  bankCode: string;
  bic: string | null;
  bankName: string;
  countryId: string;
  /** The mode on the wire; `full` falls back to `none` after a failed sync. */
  syncMode: SyncMode;
  /** The mode the client asked for; a successful manual sync after a fallback returns to it. */
  requestedSyncMode: SyncMode;
  syncActive: boolean;
  syncMessage: string;
  syncFailCounter: number;
  lastSynced: number;
  consentValidUntil: number;
  /** Whether the consent-expiry event was emitted for the current consent. */
  consentExpiryNoted: boolean;
  /** Set after three consecutive failed syncs: no further sync until deleted and recreated. */
  disabled: boolean;
  /** The half of the shared credentials handed to the client (sync_mode `shared`). */
  sharedCredentials: string | null;
  /** Sandbox magic from the PIN of the last bank login: background syncs that will fail (-1: all). */
  failingSyncs: number;
  days: number;
  limitDays: number | null;
  testmode: boolean;
  createdAt: number;
}

export interface BankAccount {
  id: string;
  /** Null once its connection is deleted: the account and its turnovers stay readable. */
  connectionId: string | null;
  userId: string;
  holder: string;
  iban: string;
  bic: string;
  accountNumber: string;
  bankCode: string;
  bankName: string;
  countryId: string;
  description: string;
  type: 'giro' | 'creditcard' | 'savings' | 'loan' | 'securities' | 'wallet' | 'other';
  jointAccount: boolean;
  transactionPossible: boolean;
  currency: string;
  balance: number;
  available: number | null;
  limit: number | null;
  balanceDate: number;
  createdAt: number;
}

export interface Turnover {
  id: string;
  transactionId: string | null;
  bookingDate: string;
  amount: number;
  currency: string;
  purpose: string[];
  counterIban: string | null;
  counterBic: string | null;
  counterHolder: string | null;
  prebooked: boolean;
  canceled: boolean;
  tags: string[];
  categoryId: string | null;
  creditorId: string | null;
  new: boolean;
}

export type WizardStep =
  | 'bank'
  | 'login'
  | 'tan'
  | 'decoupled'
  | 'accounts'
  | 'showcase'
  | 'showcase-item'
  | 'finish'
  | 'failed'
  | 'aborted';

/** A wizard session: the bank login for a connection (create, sync with `none`, reset). */
export interface WizardSession {
  id: string;
  transaction: string;
  key: string;
  userId: string;
  /** The connection a sync or reset logs in again for; null while a new connection is being made. */
  connectionId: string | null;
  purpose: 'create' | 'sync' | 'reset';
  request: ConnectionRequest;
  step: WizardStep;
  /** Where the session stood before it failed or was aborted, for `current_step`. */
  lastStep: WizardStep;
  showcaseItem: string | null;
  bankCode: string | null;
  language: string;
  lastError: string;
  /** A non-recoverable error, repeated to every later call. */
  failure: { code: string; message: string } | null;
  finished: boolean;
  loginTries: number;
  polls: number;
  /** Background syncs the connection will fail, from the PIN (sandbox magic; -1: all). */
  failingSyncs: number;
  /** The index into the bank's offered accounts picked in the account step; null: all of them. */
  selectedAccount: number | null;
  /** Handed to the client at finish in shared mode. */
  sharedCredentials: string | null;
  createdAt: number;
  touchedAt: number;
}

export type Xs2aEventType =
  | 'bank_connection.created'
  | 'bank_connection.sync_succeeded'
  | 'bank_connection.sync_failed'
  | 'bank_connection.fallback_to_none'
  | 'bank_connection.back_to_full'
  | 'bank_connection.disabled'
  | 'bank_connection.consent_expired';

export interface Xs2aEvent {
  id: string;
  transaction: string | null;
  type: Xs2aEventType;
  message: string;
  data: unknown;
  createdAt: number;
}

export interface Xs2aState {
  users: Record<string, BankUser>;
  tokens: Record<string, AccessToken>;
  connections: Record<string, BankConnection>;
  accounts: Record<string, BankAccount>;
  /** Turnovers by account id, oldest first. */
  turnovers: Record<string, Turnover[]>;
  /** Wizard sessions by transaction id. */
  sessions: Record<string, WizardSession>;
  events: Xs2aEvent[];
}

export const emptyXs2aState = (): Xs2aState => ({
  users: {},
  tokens: {},
  connections: {},
  accounts: {},
  turnovers: {},
  sessions: {},
  events: [],
});
