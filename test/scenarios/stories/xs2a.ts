import assert from 'node:assert/strict';
import { expectContract } from '../../helpers/contract.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { basic, type Client } from '../../xs2a/helpers.js';
import type { Tenant } from './story.js';

/** XS2A steps shared by the story tests. */

export async function readConnection(api: Client, id: string) {
  const res = await api.get(`/v1/api/connections/${id}`);
  await expectContract(res, 'getBankConnection');
  assert.equal(res.status, 200, res.text);
  return res.body;
}

export async function sync(api: Client, id: string, body: unknown = {}) {
  const res = await api.post(`/v1/api/connections/${id}/sync`, body);
  await expectContract(res, 'syncBankConnection');
  return res;
}

/** The tenant's XS2A events of one connection (API key), oldest first. */
export async function eventTypes(sb: TestSandbox, tenant: Tenant, transaction: string): Promise<string[]> {
  const res = await sb.http
    .get(`/v1/events?transaction_id=${transaction}&per_page=100`)
    .set('authorization', basic(tenant.xs2a.apiKey));
  await expectContract(res, 'listEvents');
  assert.equal(res.status, 200, res.text);
  return res.body.data.map((e: { type: string }) => e.type);
}
