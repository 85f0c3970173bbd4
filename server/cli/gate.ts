import type { Report } from '../report/types.js';

/** The conditions a pipeline can fail on. */
export const FAIL_CONDITIONS = ['violations', 'unmatched', 'unused-rules'] as const;
export type FailCondition = (typeof FAIL_CONDITIONS)[number];
export const DEFAULT_FAIL_ON: FailCondition[] = ['violations', 'unmatched'];

/** Why the gate fails, one reason per condition that holds; empty when it passes. */
export function gateFailures(report: Report, failOn: readonly FailCondition[]): string[] {
  const reasons: string[] = [];
  const unmatched = report.unmatched.reduce((sum, u) => sum + u.requests, 0);
  const unused = report.scenarioRules.unused.length;
  if (failOn.includes('violations') && report.violations.requests > 0)
    reasons.push(`${report.violations.requests} request(s) broke a contract`);
  if (failOn.includes('unmatched') && unmatched > 0)
    reasons.push(`${unmatched} request(s) matched no operation`);
  if (failOn.includes('unused-rules') && unused > 0) reasons.push(`${unused} scenario rule(s) never fired`);
  return reasons;
}

export function verdict(reasons: string[]): string {
  return reasons.length ? `FAILED: ${reasons.join('; ')}` : 'PASSED';
}
