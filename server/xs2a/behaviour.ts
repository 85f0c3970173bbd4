/** How one sync ends. `needs-login`: the bank wants a new login (a manual sync answers 202 + wizard). */
export interface SyncOutcome {
  outcome: 'success' | 'fail' | 'needs-login';
  message?: string;
}

/**
 * How the XS2A emulation behaves for a tenant; scenarios change it, the default is the happy path.
 * Plain JSON so that a scenario file can set any of it.
 */
export interface Xs2aBehaviour {
  sync: {
    /** Outcomes queued for the next background syncs of any connection, consumed in order. */
    nextOutcomes: SyncOutcome[];
    /** Outcomes queued per connection (by id or transaction), consumed before the tenant's queue. */
    byConnection: Record<string, SyncOutcome[]>;
    /** A bank outage: every background sync between these ISO-8601 instants fails. */
    outage: { from: string; until: string; message?: string } | null;
  };
  /** Days of PSD2 consent a bank login grants. */
  consentDays: number;
  wizard: {
    /** A wizard session left alone this long expires (`session_expired`). */
    sessionTimeoutMinutes: number;
    /** Wrong PINs in a row before the session fails with `max_login_tries`. */
    maxLoginTries: number;
  };
}

export const defaultXs2aBehaviour = (): Xs2aBehaviour => ({
  sync: { nextOutcomes: [], byConnection: {}, outage: null },
  consentDays: 90,
  wizard: { sessionTimeoutMinutes: 30, maxLoginTries: 3 },
});
