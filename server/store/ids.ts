import { createHash, randomBytes } from 'node:crypto';
import type { TenantData } from './types.js';

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * The next id of the tenant: the same seed and the same sequence of calls give the same ids, in
 * any tenant and across restarts (the counter is part of the stored state).
 */
export function nextId(tenant: TenantData, prefix = '', length = 16): string {
  tenant.sequence += 1;
  return prefix + digest(`${tenant.seed}:${tenant.sequence}`, length);
}

/**
 * The next secret of the tenant (a token, a code). Deterministic like `nextId`, but mixed with the
 * tenant id so two tenants with the same seed never share a secret: a secret finds its tenant.
 */
export function nextSecret(tenant: TenantData, prefix = '', length = 40): string {
  tenant.sequence += 1;
  return prefix + digest(`${tenant.id}:${tenant.seed}:${tenant.sequence}:secret`, length);
}

/** Random, for what must be unique across tenants and runs: tenant ids and their credentials. */
export function randomToken(prefix: string, bytes = 12): string {
  return prefix + randomBytes(bytes).toString('hex');
}
