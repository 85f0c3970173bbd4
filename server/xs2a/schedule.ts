import type { DueWork, Timeline } from '../timeline.js';
import { emitEvent } from './events.js';
import type { BankConnection } from './state.js';
import { runBackgroundSync } from './sync.js';
import { DAY_MS } from './time.js';

function earliest(
  connections: BankConnection[],
  dueAt: (connection: BankConnection) => number | undefined,
): { at: number; connection: BankConnection } | undefined {
  let best: { at: number; connection: BankConnection } | undefined;
  for (const connection of connections) {
    const at = dueAt(connection);
    if (at !== undefined && (!best || at < best.at)) best = { at, connection };
  }
  return best;
}

/**
 * XS2A's business time on the tenant's timeline: `full` connections sync once a day while they are
 * active and their consent holds; a consent's expiry is noted (event, sync_message) when it passes.
 */
export function registerXs2aTimeline(timeline: Timeline): void {
  timeline.register((tenant): DueWork | undefined => {
    const due = earliest(Object.values(tenant.xs2a.connections), (c) => {
      if (c.syncMode !== 'full' || !c.syncActive || c.disabled) return undefined;
      const at = c.lastSynced + DAY_MS;
      return at < c.consentValidUntil ? at : undefined;
    });
    if (!due) return undefined;
    return {
      at: due.at,
      what: `xs2a daily sync of ${due.connection.id}`,
      run: (at) =>
        runBackgroundSync({ tenant, now: at, behaviour: tenant.behaviour.xs2a }, due.connection, false),
    };
  });

  timeline.register((tenant): DueWork | undefined => {
    const due = earliest(Object.values(tenant.xs2a.connections), (c) =>
      c.consentExpiryNoted ? undefined : c.consentValidUntil,
    );
    if (!due) return undefined;
    return {
      at: due.at,
      what: `xs2a consent expiry of ${due.connection.id}`,
      run: (at) => {
        const connection = due.connection;
        connection.consentExpiryNoted = true;
        connection.syncMessage = 'The PSD2 consent has expired; a new bank login is required.';
        emitEvent(tenant, at, 'bank_connection.consent_expired', connection, connection.syncMessage);
      },
    };
  });
}
