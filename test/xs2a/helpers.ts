import assert from 'node:assert/strict';
import { expectContract } from '../helpers/contract.js';
import type { TestSandbox } from '../helpers/sandbox.js';

/** `Authorization: Basic base64("api:" + secret)`, as both official clients build it. */
export const basic = (secret: string, user = 'api') =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** The default tenant's API key (config default). */
export const API_KEY = 'sandbox-api-key';

export interface Client {
  get(path: string): Promise<import('supertest').Response>;
  put(path: string, body?: unknown): Promise<import('supertest').Response>;
  post(path: string, body?: unknown): Promise<import('supertest').Response>;
  patch(path: string, body?: unknown): Promise<import('supertest').Response>;
  delete(path: string): Promise<import('supertest').Response>;
}

/** Plain HTTP with the node client's headers, authenticated with a key or token. */
export function client(sandbox: TestSandbox, secret: string): Client {
  const headers = { authorization: basic(secret), 'x-client': 'xs2a-node', 'x-client-version': '1.1.0' };
  const send = (method: 'put' | 'post' | 'patch', path: string, body?: unknown) => {
    const req = sandbox.http[method](path).set(headers).set('content-type', 'application/json');
    return body === undefined ? req : req.send(body as object);
  };
  return {
    get: (path) => sandbox.http.get(path).set(headers),
    put: (path, body) => send('put', path, body),
    post: (path, body) => send('post', path, body),
    patch: (path, body) => send('patch', path, body),
    delete: (path) => sandbox.http.delete(path).set(headers),
  };
}

/** A new bank user with a token valid until 2050, made through the API with the key. */
export async function newUserWithToken(sandbox: TestSandbox, apiKey = API_KEY) {
  const key = client(sandbox, apiKey);
  const user = await key.put('/v1/api/users', { name: 'Max Mustermann', email: 'max@example.com' });
  await expectContract(user, 'createBankUser');
  assert.equal(user.status, 200);
  const token = await key.put(`/v1/api/users/${user.body.id}/accesstokens`, {
    valid_until: '2050-01-01 11:11:11',
  });
  await expectContract(token, 'createBankUserAccessToken');
  assert.equal(token.status, 200);
  return { key, user: user.body, token: token.body, api: client(sandbox, token.body.token) };
}

/** Drives the wizard of a session through the test bank's bank and login forms with a PIN. */
export async function walkWizard(
  api: Client,
  key: string,
  pin = '123456',
  opts: { bankForm?: boolean } = {},
) {
  const step = async (body: Record<string, unknown>) => {
    const res = await api.post('/v1/api/wizard', { key, ...body });
    await expectContract(res, 'navigateWizard');
    assert.equal(res.status, 200, res.text);
    return res.body;
  };
  const first = await step({});
  if (opts.bankForm !== false && first.form?.name === 'bank') {
    const login = await step({ country_id: 'DE', bank_code: '88888888' });
    assert.equal(login.form.name, 'login');
  }
  return step({ USER_NAME: 'abcdef', USER_PIN: pin, privacy_policy: true });
}

/** Creates a connection and walks its wizard; returns the connection as read back. */
export async function connect(
  api: Client,
  body: Record<string, unknown> = { sync_mode: 'full' },
  pin = '123456',
) {
  const created = await api.put('/v1/api/connections', body);
  await expectContract(created, 'createBankConnection');
  assert.equal(created.status, 200, created.text);
  const finish = await walkWizard(api, created.body.wizard_session_key, pin);
  assert.equal(finish.form?.name, 'finish', JSON.stringify(finish));
  const connection = await api.get(`/v1/api/connections/${created.body.transaction}`);
  assert.equal(connection.status, 200, connection.text);
  return { connection: connection.body, finish, session: created.body };
}

export async function state(sandbox: TestSandbox, tenant?: string) {
  const res = await sandbox.http.get(`/__admin/state${tenant ? `?tenant=${tenant}` : ''}`).expect(200);
  return res.body;
}
