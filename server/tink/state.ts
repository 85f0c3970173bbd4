/** The Tink data of one tenant, as stored. Times are epoch milliseconds of the tenant's clock. */

export interface TinkTransaction {
  externalId: string;
  amount: number;
  /** Execution date, epoch ms (the wire format of Tink's Connector API). */
  date: number;
  description: string;
  type: string;
  pending: boolean;
  merchantName?: string;
  merchantCategoryCode?: string;
  counterparties?: unknown;
  payload?: Record<string, unknown>;
  /** Deleted transactions are kept so that re-ingesting one answers 410. */
  deleted: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface TinkAccount {
  externalId: string;
  name: string;
  number: string;
  type: string;
  /** The booked balance as sent; the stored balance Tink shows is `balance - reservedAmount`. */
  balance: number;
  reservedAmount: number;
  availableCredit: number;
  closed: boolean;
  exclusion: string | null;
  flags: string[];
  payload?: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
  transactions: Record<string, TinkTransaction>;
}

export interface TinkUser {
  userId: string;
  externalUserId: string | null;
  market: string;
  locale: string;
  currency: string;
  createdAt: number;
  accounts: Record<string, TinkAccount>;
}

export interface TinkAccessToken {
  token: string;
  kind: 'client' | 'user';
  clientId: string;
  scopes: string[];
  userId?: string;
  issuedAt: number;
  expiresAt: number;
}

export interface TinkAuthorizationCode {
  code: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
}

/** An asynchronous write of the v2/operations dialect; its status is derived from the clock. */
export interface TinkOperation {
  operationId: string;
  kind: string;
  externalUserId?: string;
  createdAt: number;
  [detail: string]: unknown;
}

export interface TinkIdempotencyRecord {
  key: string;
  clientId: string;
  fingerprint: string;
  expiresAt: number;
  response: { status: number; body?: unknown };
}

export interface TinkState {
  users: Record<string, TinkUser>;
  tokens: Record<string, TinkAccessToken>;
  authorizationCodes: Record<string, TinkAuthorizationCode>;
  operations: Record<string, TinkOperation>;
  idempotency: Record<string, TinkIdempotencyRecord>;
}

export const emptyTinkState = (): TinkState => ({
  users: {},
  tokens: {},
  authorizationCodes: {},
  operations: {},
  idempotency: {},
});
