import type { TenantData } from './store/types.js';

/** Something that falls due at a virtual instant: an operation's next phase, a daily sync, a consent expiry. */
export interface DueWork {
  at: number;
  /** What it is, for logs and the journal of the clock. */
  what: string;
  /** Does the work as of `at`; it must change state so that the same work is not due again. */
  run(at: number): void;
}

/** Finds the earliest work of one kind that is pending for a tenant, if any. */
export type DueWorkSource = (tenant: TenantData) => DueWork | undefined;

/** Guards against a source that never stops offering work that is already done. */
const MAX_STEPS_PER_SETTLE = 100_000;

/**
 * Runs everything that falls due for a tenant up to `until`, in time order across all sources, each
 * at its own instant. Business time is never scheduled with real timers: the tenant settles lazily,
 * whenever a request or an admin call touches it, and when its clock is advanced.
 */
export class Timeline {
  private readonly sources: DueWorkSource[] = [];

  register(source: DueWorkSource): void {
    this.sources.push(source);
  }

  settle(tenant: TenantData, until: number): string[] {
    const done: string[] = [];
    for (let step = 0; step < MAX_STEPS_PER_SETTLE; step += 1) {
      let earliest: DueWork | undefined;
      for (const source of this.sources) {
        const work = source(tenant);
        if (work && work.at <= until && (!earliest || work.at < earliest.at)) earliest = work;
      }
      if (!earliest) return done;
      earliest.run(earliest.at);
      done.push(earliest.what);
    }
    throw new Error(`timeline of tenant ${tenant.id} did not settle after ${MAX_STEPS_PER_SETTLE} steps`);
  }
}
