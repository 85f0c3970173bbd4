import type { Report } from '../report/types.js';

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const statuses = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([status, n]) => `${status}x${n}`)
    .join(' ') || '-';

/** The report for people reading a CI log. */
export function formatTable(report: Report, result: string): string {
  const out = [
    `tink-sandbox report for tenant ${report.tenant}: ${report.requests} request(s) in the journal (keeps ${report.journalCapacity})`,
    '',
  ];
  if (report.operations.length) {
    const rows = report.operations.map((op) => [
      op.api,
      op.operationId,
      String(op.requests),
      statuses(op.statuses),
      String(op.violations),
    ]);
    out.push(...table(['API', 'OPERATION', 'REQUESTS', 'STATUSES', 'VIOLATIONS'], rows), '');
  } else out.push('No operations in the Tink and XS2A contracts.', '');
  if (report.unmatched.length) {
    out.push('Unmatched requests:');
    const rows = report.unmatched.map((u) => [u.api ?? '-', u.method, u.path, u.rule, String(u.requests)]);
    out.push(...table(['API', 'METHOD', 'PATH', 'RULE', 'REQUESTS'], rows), '');
  }
  out.push(`Violations: ${report.violations.requests} request(s)`);
  for (const item of report.violations.items) {
    for (const v of item.violations) {
      out.push(
        `  ${item.requestId} ${item.method} ${item.path} ${item.status} ${v.rule} at ${v.where}: ${v.message}`,
      );
    }
  }
  const { fired, unused } = report.scenarioRules;
  out.push('', `Scenario rules: ${fired.length} fired, ${unused.length} never fired`);
  for (const rule of fired) out.push(`  fired ${rule.scenario} / ${rule.rule} (${rule.requests}x)`);
  for (const rule of unused) out.push(`  never fired ${rule.scenario} / ${rule.rule}`);
  out.push('', `Result: ${result}`, '');
  return out.join('\n');
}
