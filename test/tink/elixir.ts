import { type TestSandbox, useBehaviour } from '../helpers/sandbox.js';

/** What the Elixir `tink` 1.0 client sends for the example in its Tink.Connector moduledoc (reference §2.2–§2.5). */
export const ELIXIR_HEADERS = { accept: 'application/json', 'user-agent': 'tink-elixir/1.0.0' };
export const SEED_ACCOUNTS = {
  accounts: [
    {
      externalId: 'acc-001',
      name: 'Current Account',
      type: 'CHECKING',
      balance: { amount: { currencyCode: 'GBP', value: 1500.0 } },
    },
  ],
};
export const SEED_TRANSACTIONS = {
  transactions: [
    {
      externalId: 'tx-001',
      accountExternalId: 'acc-001',
      description: 'Spotify',
      amount: { currencyCode: 'GBP', value: -9.99 },
      dates: { booked: '2024-01-15' },
    },
  ],
};

export async function elixirClient(sb: TestSandbox) {
  const res = await sb.http
    .post('/api/v1/oauth/token')
    .set({ ...ELIXIR_HEADERS, authorization: 'Bearer ', 'content-type': 'application/x-www-form-urlencoded' })
    .send(
      'client_id=sandbox-client-id&client_secret=sandbox-client-secret&grant_type=client_credentials&scope=accounts%3Awrite+transactions%3Awrite',
    )
    .expect(200);
  const headers = {
    ...ELIXIR_HEADERS,
    authorization: `Bearer ${res.body.access_token}`,
    'content-type': 'application/json',
  };
  return {
    post: (path: string, body: unknown) => sb.http.post(path).set(headers).send(JSON.stringify(body)),
    get: (path: string) => sb.http.get(path).set(headers),
    delete: (path: string) => sb.http.delete(path).set(headers),
  };
}

/** Sets how the default tenant's operations unfold, through the admin API (see `useBehaviour`). */
export const slow = (sb: TestSandbox, operations: Record<string, unknown>) =>
  useBehaviour(sb, { tink: { operations } });
