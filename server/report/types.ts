import type { ApiName, Violation } from '../journal.js';
import type { ScenarioRuleRef } from '../scenarios/engine.js';

/** One request that broke a contract, as `/__admin/violations` and the report list it. */
export interface ViolationRecord {
  requestId: string;
  time: string;
  tenant: string | null;
  api: ApiName | null;
  method: string;
  path: string;
  operationId: string | null;
  status: number;
  violations: Violation[];
}

export interface OperationStat {
  api: ApiName;
  operationId: string;
  method: string;
  path: string;
  requests: number;
  /** Requests by response status, e.g. `{"200": 3, "409": 1}`. */
  statuses: Record<string, number>;
  /** Requests to this operation that broke a contract. */
  violations: number;
}

/** Requests that matched no operation, grouped by method and path. */
export interface UnmatchedStat {
  api: ApiName | null;
  method: string;
  path: string;
  rule: string;
  requests: number;
}

/**
 * What `GET /__admin/report` answers and `tink-sandbox report` formats: a CI job's conversation with
 * the sandbox, summarised from the journal. Shared by the server and the CLI so that they never drift.
 */
export interface Report {
  tenant: string;
  generatedAt: string;
  /** Journal entries the report is built from; older requests fell out of the journal's ring. */
  requests: number;
  journalCapacity: number;
  /** No violations and no unmatched requests. */
  clean: boolean;
  operations: OperationStat[];
  unmatched: UnmatchedStat[];
  violations: { requests: number; byRule: Record<string, number>; items: ViolationRecord[] };
  scenarioRules: {
    fired: Array<ScenarioRuleRef & { requests: number }>;
    /** Rules of the tenants' scenarios that no request triggered. */
    unused: ScenarioRuleRef[];
  };
}
