import type { TinkFieldError } from './state.js';

/** How the Tink emulation behaves for a tenant; scenarios change it, the default is Tink's happy path. */
export interface TinkBehaviour {
  operations: {
    /** Virtual milliseconds an operation stays PENDING, then IN_PROGRESS. */
    pendingMs: number;
    inProgressMs: number;
    /** How operations end when their content is valid (invalid content always ends REJECTED). */
    outcome: 'COMPLETED' | 'FAILED' | 'REJECTED';
    /** For a FAILED or REJECTED outcome: what the operation reports. Defaults say it was forced. */
    errorCode?: string;
    errorMessage?: string;
    /** For a FAILED or REJECTED outcome: per-item errors, e.g. `{fieldName: "transactions[0].amount", errorMessage}`. */
    errors?: TinkFieldError[];
  };
  accounts?: {
    /**
     * Ingesting an account that exists answers 409 "The account already exists." (as the current
     * docs list) instead of updating it (as the older docs and the legacy server do). Default false.
     */
    conflictOnExisting?: boolean;
  };
}

export const defaultTinkBehaviour = (): TinkBehaviour => ({
  operations: { pendingMs: 0, inProgressMs: 0, outcome: 'COMPLETED' },
  accounts: { conflictOnExisting: false },
});
