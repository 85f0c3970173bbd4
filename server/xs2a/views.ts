import { toIso } from '../clock.js';
import type { TenantData } from '../store/types.js';
import { consentExpired } from './sync.js';
import { berlinDate } from './time.js';

const iso = (ms: number) => toIso(ms);

/** The tenant's XS2A data for `GET /__admin/state`: ISO instants, secrets shown (it is a sandbox). */
export function xs2aAdminView(tenant: TenantData, now: number) {
  const state = tenant.xs2a;
  return {
    users: Object.values(state.users).map((user) => ({ ...user, createdAt: iso(user.createdAt) })),
    tokens: Object.values(state.tokens).map((token) => ({
      ...token,
      validUntil: iso(token.validUntil),
      expired: token.validUntil <= now,
      createdAt: iso(token.createdAt),
    })),
    connections: Object.values(state.connections).map((connection) => ({
      ...connection,
      lastSynced: iso(connection.lastSynced),
      consentValidUntil: iso(connection.consentValidUntil),
      consentValidUntilDate: berlinDate(connection.consentValidUntil),
      consentExpired: consentExpired(connection, now),
      createdAt: iso(connection.createdAt),
    })),
    accounts: Object.values(state.accounts).map((account) => ({
      ...account,
      balanceDate: iso(account.balanceDate),
      createdAt: iso(account.createdAt),
      turnovers: state.turnovers[account.id] ?? [],
    })),
    sessions: Object.values(state.sessions).map((session) => ({
      ...session,
      createdAt: iso(session.createdAt),
      touchedAt: iso(session.touchedAt),
    })),
    events: state.events.map((event) => ({ ...event, createdAt: iso(event.createdAt) })),
  };
}
