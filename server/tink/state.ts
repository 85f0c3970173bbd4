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
  /** A scenario bound to the credential the token was issued from (a magic client id). */
  scenario?: string;
}

export interface TinkAuthorizationCode {
  code: string;
  clientId: string;
  userId: string;
  scopes: string[];
  expiresAt: number;
}

export type TinkOperationKind =
  | 'accounts.upsert'
  | 'accounts.delete'
  | 'transactions.upsert'
  | 'transactions.update'
  | 'transactions.delete';

export type TinkOperationStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'REJECTED';

/** How an operation unfolds, fixed when it is created from the behaviour then in force. */
export interface TinkOperationTimeline {
  /** When it leaves PENDING for IN_PROGRESS. */
  startsAt: number;
  /** When it ends: the change is validated and applied (or refused) at this instant. */
  completesAt: number;
  /** How it ends if its content is valid. */
  outcome: 'COMPLETED' | 'FAILED' | 'REJECTED';
  errorCode?: string;
  errorMessage?: string;
  /** Per-item errors reported by a FAILED or REJECTED outcome. */
  errors?: TinkFieldError[];
}

/** Tink's per-field error: a Java-style property path and what is wrong with it. */
export interface TinkFieldError {
  fieldName: string;
  errorMessage: string;
}

/** An asynchronous write of the Elixir client's dialect; its status is a function of the clock. */
export interface TinkOperation {
  operationId: string;
  kind: TinkOperationKind;
  /** The user of a v1-path write; v2 paths carry none. */
  externalUserId: string | null;
  clientId: string;
  createdAt: number;
  timeline: TinkOperationTimeline;
  /** The items as sent; checked and applied when the operation completes. */
  items: unknown[];
  /** Set when the operation has ended. */
  result?: {
    status: 'COMPLETED' | 'FAILED' | 'REJECTED';
    endedAt: number;
    errorMessage?: string;
    errorCode?: string;
    errors?: TinkFieldError[];
  };
}

export interface TinkIdempotencyRecord {
  key: string;
  clientId: string;
  /** Method and path: a key reused on another endpoint is another key. */
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
