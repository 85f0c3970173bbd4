import assert from 'node:assert/strict';
import { expectContract } from '../../helpers/contract.js';
import { createTenant, startSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { ELIXIR_HEADERS } from '../../tink/elixir.js';
import { client } from '../../xs2a/helpers.js';

/**
 * Shared steps of the story tests: one sandbox, a tenant that lives the scenario's story and a
 * bystander tenant that makes the same requests and must see the happy path. Only the public HTTP
 * surface is used: the admin API and the Tink and XS2A APIs, with the requests clients send.
 */

export const START = '2026-03-02T09:00:00.000Z';

export type Tenant = Awaited<ReturnType<typeof createTenant>>;

export interface JournalEntry {
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  scenario: { name: string; rule: string | null } | null;
  fault: string | null;
}

export interface Story {
  sb: TestSandbox;
  tenant: Tenant;
  bystander: Tenant;
}

export async function startStory(options: { seed?: number } = {}): Promise<Story> {
  const sb = await startSandbox();
  const body = {
    clock: { now: START, frozen: true },
    demoData: false,
    ...(options.seed ? { seed: options.seed } : {}),
  };
  const tenant = await createTenant(sb, body);
  const bystander = await createTenant(sb, body);
  return { sb, tenant, bystander };
}

/** The admin API, for one tenant. */
export function admin(sb: TestSandbox, tenant: Tenant) {
  const q = `tenant=${tenant.id}`;
  return {
    async use(name: string) {
      const res = await sb.http.put(`/__admin/scenario?${q}`).send({ name });
      assert.equal(res.status, 200, res.text);
      await expectContract(res, 'activateScenario');
      assert.equal(res.body.name, name);
      assert.equal(res.body.state, 'Started');
      return res.body;
    },
    async deactivate() {
      await sb.http.delete(`/__admin/scenario?${q}`).expect(200);
    },
    async advance(by: string) {
      const res = await sb.http.post(`/__admin/clock/advance?${q}`).send({ by });
      assert.equal(res.status, 200, res.text);
      return res.body as { now: string; ran: string[] };
    },
    async state() {
      return (await sb.http.get(`/__admin/state?${q}`).expect(200)).body;
    },
    async scenario() {
      return (await sb.http.get(`/__admin/scenario/state?${q}`).expect(200)).body;
    },
    /** The tenant's journal, oldest first. */
    async journal(filter = ''): Promise<JournalEntry[]> {
      const res = await sb.http.get(`/__admin/requests?${q}&limit=1000${filter}`).expect(200);
      return (res.body.requests as JournalEntry[]).reverse();
    },
    async latest(): Promise<JournalEntry> {
      const res = await sb.http.get(`/__admin/requests?${q}&limit=1`).expect(200);
      return res.body.requests[0];
    },
    async clearJournal() {
      await sb.http.delete(`/__admin/requests?${q}`).expect(200);
    },
    post(path: string, body: unknown = {}) {
      return sb.http.post(`${path}${path.includes('?') ? '&' : '?'}${q}`).send(body as object);
    },
  };
}

/** The Elixir `tink` 1.0 client's requests (reference §2.2–§2.5), with a tenant's credentials. */
export async function elixir(sb: TestSandbox, tenant: Tenant, scope = 'accounts:write transactions:write') {
  const form = new URLSearchParams({
    client_id: tenant.tink.clientId,
    client_secret: tenant.tink.clientSecret,
    grant_type: 'client_credentials',
    scope,
  }).toString();
  const token = async () => {
    const res = await sb.http
      .post('/api/v1/oauth/token')
      .set({
        ...ELIXIR_HEADERS,
        authorization: 'Bearer ',
        'content-type': 'application/x-www-form-urlencoded',
      })
      .send(form);
    await expectContract(res, 'getAccessToken');
    return res;
  };
  const first = await token();
  assert.equal(first.status, 200, first.text);
  let headers = {
    ...ELIXIR_HEADERS,
    authorization: `Bearer ${first.body.access_token}`,
    'content-type': 'application/json',
  };
  return {
    token,
    /** Fetches a new token and uses it from now on. */
    async renew() {
      const res = await token();
      assert.equal(res.status, 200, res.text);
      headers = { ...headers, authorization: `Bearer ${res.body.access_token}` };
    },
    post: (path: string, body: unknown) => sb.http.post(path).set(headers).send(JSON.stringify(body)),
    get: (path: string) => sb.http.get(path).set(headers),
    delete: (path: string) => sb.http.delete(path).set(headers),
  };
}

/** An XS2A client (the node client's headers) with the tenant's API key. */
export const xs2aKey = (sb: TestSandbox, tenant: Tenant) => client(sb, tenant.xs2a.apiKey);

/** The operation ids and rules of the journal entries that a scenario rule applied to. */
export const rules = (entries: JournalEntry[]) =>
  entries
    .filter((e) => e.scenario?.rule)
    .map((e) => `${e.operationId} ${e.scenario!.name}/${e.scenario!.rule}`);
