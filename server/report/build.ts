import type { ContractOperation } from '../contracts.js';
import type { ApiName, JournalEntry } from '../journal.js';
import type { ScenarioRuleRef } from '../scenarios/engine.js';
import type { OperationStat, Report, UnmatchedStat, ViolationRecord } from './types.js';

export function violationRecord(entry: JournalEntry): ViolationRecord {
  return {
    requestId: entry.id,
    time: entry.time,
    tenant: entry.tenant,
    api: entry.api,
    method: entry.method,
    path: entry.path,
    operationId: entry.operationId,
    status: entry.status,
    violations: entry.violations,
  };
}

export interface ReportInput {
  tenant: string;
  generatedAt: string;
  journalCapacity: number;
  /** Journal entries in scope, any order. */
  entries: JournalEntry[];
  /** Every operation of the emulated APIs' contracts: listed even when never called. */
  operations: Array<ContractOperation & { api: ApiName }>;
  /** Rules that could have fired for the tenants in scope. */
  rules: ScenarioRuleRef[];
  /** Most violation records listed; the counts always cover all. */
  maxItems?: number;
}

const ruleKey = (ref: ScenarioRuleRef) => `${ref.scenario}\u0000${ref.rule}`;

/** The report, as a pure function of the journal and the contracts. */
export function buildReport(input: ReportInput): Report {
  const operations = new Map<string, OperationStat>();
  for (const op of input.operations) {
    const { api, operationId, method, path } = op;
    operations.set(operationId, { api, operationId, method, path, requests: 0, statuses: {}, violations: 0 });
  }
  const unmatched = new Map<string, UnmatchedStat>();
  const byRule: Record<string, number> = {};
  const items: ViolationRecord[] = [];
  const fired = new Map<string, ScenarioRuleRef & { requests: number }>();
  let violating = 0;
  const oldestFirst = [...input.entries].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));

  for (const entry of oldestFirst) {
    const broke = entry.violations.length > 0;
    if (broke) {
      violating += 1;
      items.push(violationRecord(entry));
      for (const v of entry.violations) byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
    }
    // The journal names every rule that applied to a request, joined with `+`.
    for (const rule of entry.scenario?.rule?.split('+') ?? []) {
      const ref = { scenario: entry.scenario!.name, rule };
      const seen = fired.get(ruleKey(ref)) ?? { ...ref, requests: 0 };
      seen.requests += 1;
      fired.set(ruleKey(ref), seen);
    }
    if (entry.operationId) {
      const stat = operations.get(entry.operationId) ?? {
        api: entry.api ?? 'tink',
        operationId: entry.operationId,
        method: entry.method,
        path: entry.path,
        requests: 0,
        statuses: {},
        violations: 0,
      };
      stat.requests += 1;
      stat.statuses[entry.status] = (stat.statuses[entry.status] ?? 0) + 1;
      if (broke) stat.violations += 1;
      operations.set(entry.operationId, stat);
      continue;
    }
    const key = `${entry.method} ${entry.path}`;
    const stat = unmatched.get(key) ?? {
      api: entry.api,
      method: entry.method,
      path: entry.path,
      rule: entry.violations[0]?.rule ?? 'unknown-path',
      requests: 0,
    };
    stat.requests += 1;
    unmatched.set(key, stat);
  }

  const unused = dedupe(input.rules).filter((ref) => !fired.has(ruleKey(ref)));
  const max = input.maxItems ?? 1000;
  return {
    tenant: input.tenant,
    generatedAt: input.generatedAt,
    requests: input.entries.length,
    journalCapacity: input.journalCapacity,
    clean: violating === 0 && unmatched.size === 0,
    operations: [...operations.values()],
    unmatched: [...unmatched.values()],
    violations: { requests: violating, byRule, items: items.slice(-max) },
    scenarioRules: { fired: [...fired.values()], unused },
  };
}

function dedupe(refs: ScenarioRuleRef[]): ScenarioRuleRef[] {
  const seen = new Map<string, ScenarioRuleRef>();
  for (const ref of refs) seen.set(ruleKey(ref), { scenario: ref.scenario, rule: ref.rule });
  return [...seen.values()];
}
