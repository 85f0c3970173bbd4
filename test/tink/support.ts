import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';

/** Shared steps of the Tink tests: a sandbox on a frozen clock, tokens, and the admin view of state. */

export const NOW = '2026-01-15T10:00:00.000Z';
export const CLIENT = { id: 'sandbox-client-id', secret: 'sandbox-client-secret' };
export const ALL_WRITE = 'user:create,accounts:write,transactions:write,authorization:grant';

export function tinkSandbox(options: Parameters<typeof startSandbox>[0] = {}) {
  return startSandbox({ clockStart: NOW, clockFrozen: true, ...options });
}

export async function clientToken(
  sb: TestSandbox,
  scope = ALL_WRITE,
  client: { id: string; secret: string } = CLIENT,
): Promise<string> {
  const res = await sb.http
    .post('/api/v1/oauth/token')
    .type('form')
    .send({ client_id: client.id, client_secret: client.secret, grant_type: 'client_credentials', scope });
  assert.equal(res.status, 200, res.text);
  return res.body.access_token as string;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The Tink part of `GET /__admin/state` for a tenant. */
export async function tinkState(sb: TestSandbox, tenant = 'default') {
  const res = await sb.http.get(`/__admin/state?tenant=${tenant}`).expect(200);
  return res.body.tink as TinkStateView;
}

export interface TransactionView {
  externalId: string;
  amount: number;
  date: string;
  status: 'BOOKED' | 'PENDING' | 'DELETED';
  description: string;
}

export interface AccountView {
  externalId: string;
  name: string;
  type: string;
  balance: number;
  reservedAmount: number;
  storedBalance: number;
  currency: string;
  transactions: TransactionView[];
}

export interface UserView {
  userId: string;
  externalUserId: string | null;
  market: string;
  currency: string;
  accounts: AccountView[];
}

export interface TinkStateView {
  users: UserView[];
  operations: Array<{ operationId: string; status: string; timeline: Record<string, unknown> }>;
}

export async function userState(sb: TestSandbox, externalUserId: string, tenant = 'default') {
  return (await tinkState(sb, tenant)).users.find((user) => user.externalUserId === externalUserId);
}

export async function accountState(sb: TestSandbox, externalUserId: string, accountId: string) {
  return (await userState(sb, externalUserId))?.accounts.find((a) => a.externalId === accountId);
}

/** Runs a request that must be refused, checks status, contract and body, and that state did not move. */
export async function expectRefused(
  sb: TestSandbox,
  operationId: string,
  status: number,
  send: () => Promise<Response>,
  tenant = 'default',
): Promise<Response> {
  const before = await tinkState(sb, tenant);
  const res = await send();
  assert.equal(res.status, status, `${operationId}: expected ${status}, got ${res.status}: ${res.text}`);
  await expectContract(res, operationId);
  assert.equal(typeof res.body, 'object');
  assert.equal(typeof res.body.errorMessage, 'string', `error body without errorMessage: ${res.text}`);
  assert.deepEqual(await tinkState(sb, tenant), before, `${operationId} ${status} changed the state`);
  return res;
}

export const account = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  name: `Account ${externalId}`,
  number: `NO-${externalId}`,
  type: 'CHECKING',
  balance: 1000,
  ...overrides,
});

export const transaction = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  amount: -12.5,
  date: Date.parse('2026-01-10T12:00:00.000Z'),
  description: `Purchase ${externalId}`,
  type: 'DEFAULT',
  ...overrides,
});

export const container = (
  accountId: string,
  transactions: unknown[],
  extra: Record<string, unknown> = {},
  accountExtra: Record<string, unknown> = {},
) => ({
  type: 'REAL_TIME',
  transactionAccounts: [{ externalId: accountId, balance: 900, transactions, ...accountExtra }],
  ...extra,
});

/** Creates a user through the API with one account, for the connector tests. */
export async function userWithAccount(
  sb: TestSandbox,
  token: string,
  externalUserId: string,
  accountId = 'acc-1',
) {
  await sb.http
    .post('/api/v1/user/create')
    .set(bearer(token))
    .send({ external_user_id: externalUserId, market: 'GB', locale: 'en_US' })
    .expect(200);
  await sb.http
    .post(`/connector/users/${externalUserId}/accounts`)
    .set(bearer(token))
    .send({ accounts: [account(accountId)] })
    .expect(204);
}

/** A user token for an existing user: authorization grant, then the authorization_code exchange. */
export async function userToken(sb: TestSandbox, token: string, externalUserId: string, scope: string) {
  const grant = await sb.http
    .post('/api/v1/oauth/authorization-grant')
    .set(bearer(token))
    .type('form')
    .send({ external_user_id: externalUserId, scope })
    .expect(200);
  const res = await sb.http
    .post('/api/v1/oauth/token')
    .type('form')
    .send({
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
      grant_type: 'authorization_code',
      code: grant.body.code,
    })
    .expect(200);
  return res.body.access_token as string;
}
