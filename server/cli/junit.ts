import type { Report } from '../report/types.js';
import type { FailCondition } from './gate.js';

/** XML 1.0 text: escaped, and without the control characters XML cannot carry at all. */
function xml(value: unknown): string {
  return (
    String(value)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot carry these; replace them
      .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '?')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
  );
}

interface Case {
  classname: string;
  name: string;
  /** Failure message, or skip message prefixed with `skip:`; nothing when it passed. */
  failure?: string;
  skipped?: string;
  detail?: string;
}

function suite(name: string, cases: Case[]): string {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const body = cases.map((c) => {
    const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}"`;
    if (c.failure)
      return `${open}>\n      <failure message="${xml(c.failure)}">${xml(c.detail ?? c.failure)}</failure>\n    </testcase>`;
    if (c.skipped) return `${open}>\n      <skipped message="${xml(c.skipped)}"/>\n    </testcase>`;
    return c.detail
      ? `${open}>\n      <system-out>${xml(c.detail)}</system-out>\n    </testcase>`
      : `${open}/>`;
  });
  return `  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">\n${body.join('\n')}\n  </testsuite>`;
}

/**
 * JUnit XML for CI systems that show test reports: one testcase per operationId, per violation,
 * per unmatched request and per scenario rule. A case fails only when its condition is gated.
 */
export function formatJunit(report: Report, failOn: readonly FailCondition[]): string {
  const gated = (condition: FailCondition, message: string) =>
    failOn.includes(condition) ? { failure: message } : { skipped: `${message} (not gated)` };
  const operations = report.operations.map<Case>((op) => ({
    classname: `tink-sandbox.${op.api}`,
    name: `${op.operationId} (${op.method} ${op.path})`,
    detail: `${op.requests} request(s); statuses ${JSON.stringify(op.statuses)}`,
    ...(op.violations > 0 ? gated('violations', `${op.violations} request(s) broke the contract`) : {}),
    ...(op.requests === 0 ? { skipped: 'never called' } : {}),
  }));
  const violations = report.violations.items.flatMap((item) =>
    item.violations.map<Case>((v) => ({
      classname: `tink-sandbox.${item.api ?? 'unknown'}.${item.operationId ?? 'unmatched'}`,
      name: `${v.rule} ${item.method} ${item.path} at ${v.where} (${item.requestId})`,
      ...gated('violations', v.message),
      detail: `${item.method} ${item.path} answered ${item.status} at ${item.time}: ${v.message}`,
    })),
  );
  if (violations.length === 0) violations.push({ classname: 'tink-sandbox', name: 'no contract violations' });
  const unmatched = report.unmatched.map<Case>((u) => ({
    classname: `tink-sandbox.${u.api ?? 'unknown'}`,
    name: `${u.method} ${u.path}`,
    ...gated('unmatched', `${u.requests} request(s) matched no operation (${u.rule})`),
  }));
  const rules = [
    ...report.scenarioRules.fired.map<Case>((r) => ({
      classname: `tink-sandbox.scenario.${r.scenario}`,
      name: r.rule,
      detail: `fired ${r.requests}x`,
    })),
    ...report.scenarioRules.unused.map<Case>((r) => ({
      classname: `tink-sandbox.scenario.${r.scenario}`,
      name: r.rule,
      ...gated('unused-rules', 'never fired'),
    })),
  ];
  const suites = [
    suite('tink-sandbox.operations', operations),
    suite('tink-sandbox.violations', violations),
    ...(unmatched.length ? [suite('tink-sandbox.unmatched', unmatched)] : []),
    ...(rules.length ? [suite('tink-sandbox.scenario-rules', rules)] : []),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tink-sandbox report (tenant ${xml(report.tenant)})">\n${suites.join('\n')}\n</testsuites>\n`;
}
