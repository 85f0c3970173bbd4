/** How the XS2A emulation behaves for a tenant; scenarios change it, the default is the happy path. */
export interface Xs2aBehaviour {
  sync: {
    /** Outcomes queued for the next syncs (consumed in order); empty means success. */
    nextOutcomes: Array<{ outcome: 'fail' | 'needs-login'; message?: string }>;
  };
  /** Days of PSD2 consent a bank login grants. */
  consentDays: number;
}

export const defaultXs2aBehaviour = (): Xs2aBehaviour => ({
  sync: { nextOutcomes: [] },
  consentDays: 90,
});
