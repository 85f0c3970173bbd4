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
}

export type SyncMode = 'full' | 'shared' | 'none';

export interface BankConnection {
  id: string;
  userId: string;
  transaction: string;
  bankCode: string;
  bic: string | null;
  bankName: string;
  countryId: string;
  syncMode: SyncMode;
  syncActive: boolean;
  syncMessage: string;
  syncFailCounter: number;
  lastSynced: number | null;
  consentValidUntil: number | null;
  /** Set after three consecutive failed syncs: no further sync until deleted and recreated. */
  disabled: boolean;
  /** The half of the shared credentials handed to the client (sync_mode `shared`). */
  sharedCredentials?: string;
  testmode: boolean;
  createdAt: number;
}

export interface BankAccount {
  id: string;
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

/** A wizard session: the bank login for a connection (create, sync with `none`, reset). */
export interface WizardSession {
  id: string;
  transaction: string;
  key: string;
  userId: string;
  connectionId: string;
  purpose: 'create' | 'sync' | 'reset';
  step: string;
  lastError: string;
  finished: boolean;
  createdAt: number;
  [detail: string]: unknown;
}

export interface Xs2aEvent {
  id: string;
  transaction: string | null;
  type: string;
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
