import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContractName, loadContract } from './http/openapi.js';
import { contractsDir } from './paths.js';

/** The published contracts, in the order people look for them. */
export const CONTRACT_NAMES: readonly ContractName[] = ['tink', 'xs2a', 'admin'];

export const isContractName = (name: string): name is ContractName =>
  (CONTRACT_NAMES as readonly string[]).includes(name);

/** The YAML exactly as shipped, comments and all. */
export function contractText(name: ContractName): string {
  return readFileSync(join(contractsDir, `${name}.yaml`), 'utf8');
}

export interface ContractOperation {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  summary: string | undefined;
  /** Declared response statuses (`200`, `4XX`, `default`). */
  statuses: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every operation of a parsed OpenAPI document, in document order. */
export function operationsOf(document: unknown): ContractOperation[] {
  const paths = ((document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {}) as Record<
    string,
    Record<string, unknown>
  >;
  const out: ContractOperation[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = item[method] as
        | { operationId?: string; tags?: string[]; summary?: string; responses?: Record<string, unknown> }
        | undefined;
      if (!operation) continue;
      out.push({
        operationId: operation.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        tags: operation.tags ?? [],
        summary: operation.summary,
        statuses: Object.keys(operation.responses ?? {}),
      });
    }
  }
  return out;
}

export function contractSummary(name: ContractName) {
  const document = loadContract(name) as { info?: { title?: string; version?: string } };
  return {
    name,
    title: document.info?.title ?? name,
    version: document.info?.version ?? '',
    operations: operationsOf(document).length,
    url: `/__admin/contracts/${name}`,
    docs: `/__admin/docs/${name}`,
  };
}
