import { toIso, toIsoDate } from '../clock.js';
import type { TenantData } from '../store/types.js';

/** The tenant's XS2A data for `GET /__admin/state`. */
export function xs2aAdminView(tenant: TenantData, now: number) {
  const state = tenant.xs2a;
  return {
    users: Object.values(state.users).map((user) => ({ ...user, createdAt: toIso(user.createdAt) })),
    tokens: Object.values(state.tokens).map((token) => ({
      id: token.id,
      userId: token.userId,
      token: token.token,
      validUntil: toIso(token.validUntil),
      expired: token.validUntil <= now,
      createdAt: toIso(token.createdAt),
    })),
    connections: Object.values(state.connections).map((connection) => ({
      ...connection,
      lastSynced: connection.lastSynced === null ? null : toIso(connection.lastSynced),
      consentValidUntil:
        connection.consentValidUntil === null ? null : toIsoDate(connection.consentValidUntil),
      consentExpired: connection.consentValidUntil !== null && connection.consentValidUntil <= now,
      createdAt: toIso(connection.createdAt),
    })),
    accounts: Object.values(state.accounts).map((account) => ({
      ...account,
      balanceDate: toIso(account.balanceDate),
      createdAt: toIso(account.createdAt),
      turnovers: state.turnovers[account.id] ?? [],
    })),
    sessions: Object.values(state.sessions),
    events: state.events.length,
  };
}
