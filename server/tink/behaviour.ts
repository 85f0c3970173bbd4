/** How the Tink emulation behaves for a tenant; scenarios change it, the default is Tink's happy path. */
export interface TinkBehaviour {
  operations: {
    /** Virtual milliseconds an operation stays PENDING, then IN_PROGRESS. */
    pendingMs: number;
    inProgressMs: number;
    /** How operations end. */
    outcome: 'COMPLETED' | 'FAILED' | 'REJECTED';
  };
}

export const defaultTinkBehaviour = (): TinkBehaviour => ({
  operations: { pendingMs: 0, inProgressMs: 0, outcome: 'COMPLETED' },
});
