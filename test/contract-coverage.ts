/**
 * The coverage gate: every operation of the Tink and XS2A contracts must have a test that validated
 * (with `expectContract`) a success response and every documented error status. `test/run.mjs` runs
 * it after a full run; the test processes leave what they validated in `test-output/contract-coverage`.
 *
 *   node --import tsx test/contract-coverage.ts [--coverage DIR] [CONTRACT.yaml ...]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { operationsOf } from '../server/contracts.js';

export type Coverage = Map<string, Set<number>>;

export interface Gap {
  contract: string;
  operationId: string;
  method: string;
  path: string;
  missing: string[];
}

export function readCoverage(dir: string): { coverage: Coverage; files: number } {
  const coverage: Coverage = new Map();
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  for (const name of files) {
    const { operations } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as {
      operations: Record<string, number[]>;
    };
    for (const [id, statuses] of Object.entries(operations)) {
      const seen = coverage.get(id) ?? new Set();
      for (const status of statuses) seen.add(status);
      coverage.set(id, seen);
    }
  }
  return { coverage, files: files.length };
}

/** `201` covers `201`; `404` covers `4XX`. */
const covers = (status: number, declared: string) =>
  /^\dXX$/i.test(declared) ? String(status)[0] === declared[0] : String(status) === declared;

/** What each operation lacks; operations that lack nothing are `passed`. */
export function checkCoverage(contracts: Array<{ name: string; document: unknown }>, coverage: Coverage) {
  const passed: string[] = [];
  const failed: Gap[] = [];
  for (const { name, document } of contracts) {
    for (const op of operationsOf(document)) {
      const seen = [...(coverage.get(op.operationId) ?? [])];
      const declared = op.statuses.filter((status) => status !== 'default');
      const successes = declared.filter((status) => Number(status[0]) < 4);
      const errors = declared.filter((status) => Number(status[0]) >= 4);
      const missing: string[] = [];
      if (successes.length && !successes.some((d) => seen.some((s) => covers(s, d))))
        missing.push(`a success response (${successes.join(', ')})`);
      for (const error of errors) if (!seen.some((s) => covers(s, error))) missing.push(`error ${error}`);
      if (missing.length) failed.push({ contract: name, ...op, missing });
      else passed.push(op.operationId);
    }
  }
  return { passed, failed };
}

function main(argv: string[]): number {
  const at = argv.indexOf('--coverage');
  const dir = at >= 0 ? argv[at + 1]! : join(import.meta.dirname, '..', 'test-output', 'contract-coverage');
  const rest = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
  const root = join(import.meta.dirname, '..');
  const files = rest.length
    ? rest
    : [join(root, 'contracts', 'tink.yaml'), join(root, 'contracts', 'xs2a.yaml')];
  const contracts = files.map((file) => ({
    name: basename(file, '.yaml'),
    document: parse(readFileSync(file, 'utf8')) as unknown,
  }));
  const { coverage, files: parts } = readCoverage(dir);
  const { passed, failed } = checkCoverage(contracts, coverage);
  const names = contracts.map((c) => c.name).join(', ');
  process.stdout.write(
    `contract coverage (${names}; ${parts} test process reports): ${passed.length} operations passed, ${failed.length} failed\n`,
  );
  for (const gap of failed) {
    process.stdout.write(
      `  FAIL ${gap.contract} ${gap.operationId} (${gap.method} ${gap.path}): no test validated ${gap.missing.join('; ')}\n`,
    );
  }
  return failed.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
