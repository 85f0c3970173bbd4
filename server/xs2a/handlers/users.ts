import { json } from '../../http/types.js';
import { nextId } from '../../store/ids.js';
import type { TenantData } from '../../store/types.js';
import { notFound } from '../errors.js';
import { paginate } from '../paginate.js';
import { userView } from '../wire.js';
import { byCreation, deleted, type Xs2aHandler } from './common.js';

/** Removes a bank user and everything of theirs: tokens, connections, accounts, turnovers, sessions. */
function cascadeDelete(tenant: TenantData, userId: string): void {
  const state = tenant.xs2a;
  const owned = <T extends { userId: string }>(records: Record<string, T>) =>
    Object.entries(records)
      .filter(([, record]) => record.userId === userId)
      .map(([key]) => key);
  for (const id of owned(state.tokens)) delete state.tokens[id];
  for (const id of owned(state.connections)) delete state.connections[id];
  for (const id of owned(state.accounts)) {
    delete state.accounts[id];
    delete state.turnovers[id];
  }
  for (const id of owned(state.sessions)) delete state.sessions[id];
  delete state.users[userId];
}

export const userHandlers: Record<string, Xs2aHandler> = {
  createBankUser: ({ body, tenant, now }) => {
    const { name, email } = body as { name: string; email: string };
    // Every sandbox API key is a test key: its users carry testmode (fidelity.md).
    const user = { id: nextId(tenant, 'bus_'), name, email, testmode: true, createdAt: now };
    tenant.xs2a.users[user.id] = user;
    return json(200, userView(user));
  },

  listBankUsers: ({ tenant, request }) =>
    json(200, paginate(byCreation(Object.values(tenant.xs2a.users)), request, userView)),

  getBankUser: ({ tenant, params }) => {
    const user = tenant.xs2a.users[params.userId!];
    return user ? json(200, userView(user)) : notFound('Bank user');
  },

  deleteBankUser: ({ tenant, params }) => {
    if (!tenant.xs2a.users[params.userId!]) return notFound('Bank user');
    cascadeDelete(tenant, params.userId!);
    return deleted('Bank user deleted.');
  },
};
