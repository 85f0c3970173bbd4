import { Command, CommanderError } from 'commander';
import type { Report } from '../report/types.js';
import { DEFAULT_FAIL_ON, FAIL_CONDITIONS, type FailCondition, gateFailures, verdict } from './gate.js';
import { formatJunit } from './junit.js';
import { formatTable } from './table.js';

/** `tink-sandbox report` exit statuses: what a pipeline gates on. */
export const REPORT_EXIT = { passed: 0, gateFailed: 1, usage: 2, unreachable: 3 } as const;

export const REPORT_FORMATS = ['table', 'json', 'junit'] as const;

export interface ReportCommand {
  url: string;
  tenant: string;
  failOn: FailCondition[];
  format: (typeof REPORT_FORMATS)[number];
  output: string | undefined;
}

/** A usage error: printed on one line, exit status 2. */
export class ReportUsageError extends Error {}

function failOnList(raw: string): FailCondition[] {
  if (raw === 'none') return [];
  const items = raw.split(',').map((item) => item.trim());
  for (const item of items) {
    if (!(FAIL_CONDITIONS as readonly string[]).includes(item))
      throw new ReportUsageError(
        `--fail-on: unknown condition "${item}"; use ${FAIL_CONDITIONS.join(', ')} or none`,
      );
  }
  return items as FailCondition[];
}

/** Parses the arguments after `report`; returns the help text when `--help` was asked for. */
export function parseReportArgs(argv: string[]): ReportCommand | { help: string } {
  let help = '';
  const program = new Command('tink-sandbox report')
    .description("Fetch a sandbox's contract report and fail when a chosen condition holds")
    .exitOverride()
    .configureOutput({ writeOut: (text) => (help += text), writeErr: () => {} })
    .requiredOption('--url <url>', 'base URL of the sandbox, e.g. http://127.0.0.1:8080')
    .option('--tenant <id>', 'the tenant to report on, or * for all', 'default')
    .option(
      '--fail-on <list>',
      `comma-separated: ${FAIL_CONDITIONS.join(', ')}, or none`,
      DEFAULT_FAIL_ON.join(','),
    )
    .option('--format <format>', REPORT_FORMATS.join(', '), 'table')
    .option('--output <file>', 'write the report to this file instead of standard output');
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.code === 'commander.helpDisplayed') return { help };
    const message = (error instanceof CommanderError ? error.message : String(error)).replace(/^error: /, '');
    throw new ReportUsageError(`report: ${message.split('\n')[0]}; run tink-sandbox report --help`);
  }
  const opts = program.opts<Record<string, string>>();
  if (!(REPORT_FORMATS as readonly string[]).includes(opts.format!))
    throw new ReportUsageError(
      `--format: expected one of ${REPORT_FORMATS.join(', ')}, got "${opts.format}"`,
    );
  if (!URL.canParse(opts.url!) || !/^https?:$/.test(new URL(opts.url!).protocol))
    throw new ReportUsageError(`--url: expected an http(s) URL, got "${opts.url}"`);
  return {
    url: opts.url!.replace(/\/+$/, ''),
    tenant: opts.tenant!,
    failOn: failOnList(opts.failOn!),
    format: opts.format as ReportCommand['format'],
    output: opts.output,
  };
}

export async function fetchReport(command: ReportCommand, fetcher: typeof fetch): Promise<Report> {
  const url = `${command.url}/__admin/report?tenant=${encodeURIComponent(command.tenant)}`;
  const res = await fetcher(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  if (!res.ok) {
    let detail = text.slice(0, 300);
    try {
      detail = (JSON.parse(text) as { detail?: string }).detail ?? detail;
    } catch {}
    throw new Error(`${url} answered ${res.status}: ${detail}`);
  }
  return JSON.parse(text) as Report;
}

export function formatReport(report: Report, command: ReportCommand, result: string): string {
  if (command.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (command.format === 'junit') return formatJunit(report, command.failOn);
  return formatTable(report, result);
}

export interface ReportIo {
  fetch: typeof fetch;
  stdout(text: string): void;
  stderr(text: string): void;
  writeFile(path: string, text: string): Promise<void>;
}

/** The whole command: parse, fetch, format, write, decide. Returns the exit status. */
export async function runReportCommand(argv: string[], io: ReportIo): Promise<number> {
  let command: ReportCommand;
  try {
    const parsed = parseReportArgs(argv);
    if ('help' in parsed) {
      io.stdout(parsed.help);
      return REPORT_EXIT.passed;
    }
    command = parsed;
  } catch (error) {
    io.stderr(`tink-sandbox: ${(error as Error).message}\n`);
    return REPORT_EXIT.usage;
  }
  let report: Report;
  try {
    report = await fetchReport(command, io.fetch);
  } catch (error) {
    const { cause: reason } = error as { cause?: { code?: string; message?: string } };
    const cause = reason?.code ?? reason?.message;
    io.stderr(
      `tink-sandbox: cannot get the report: ${(error as Error).message}${cause ? ` (${cause})` : ''}\n`,
    );
    return REPORT_EXIT.unreachable;
  }
  const reasons = gateFailures(report, command.failOn);
  const result = verdict(reasons);
  const text = formatReport(report, command, result);
  if (command.output) await io.writeFile(command.output, text);
  else io.stdout(text);
  // Keep standard output machine-readable; the verdict goes to the log.
  if (command.output || command.format !== 'table') io.stderr(`tink-sandbox report: ${result}\n`);
  return reasons.length ? REPORT_EXIT.gateFailed : REPORT_EXIT.passed;
}
