import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { semanticErrors } from './checks.js';
import { scenarioValidator, schemaErrors } from './schema.js';
import type { ScenarioDefinition, ScenarioError } from './types.js';

export type ParseOutcome =
  | { ok: true; definition: ScenarioDefinition }
  | { ok: false; errors: ScenarioError[] };

export const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The line of the node at a JSON pointer, or of its nearest existing parent. */
function lineOf(
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  pointer: string,
): number | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  for (let n = segments.length; n >= 0; n -= 1) {
    const node = document.getIn(
      segments.slice(0, n).map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      true,
    );
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Validates an already parsed value (a snapshot's definitions, a JSON request body). */
export function checkDefinition(
  value: unknown,
  file: string,
  locate?: (pointer: string) => number | undefined,
) {
  const validate = scenarioValidator();
  const problems = validate(value)
    ? semanticErrors(value as ScenarioDefinition)
    : schemaErrors(validate.errors ?? []);
  if (problems.length === 0) return { ok: true, definition: value as ScenarioDefinition } as const;
  const errors: ScenarioError[] = problems.map(({ path, message }) => {
    const line = locate?.(path);
    return line === undefined ? { file, path, message } : { file, path, line, message };
  });
  return { ok: false, errors } as const;
}

/** Parses YAML or JSON text (YAML is a superset) and validates it; errors carry file, pointer and line. */
export function parseScenario(text: string, file: string): ParseOutcome {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length) {
    return {
      ok: false,
      errors: document.errors.map((error) => ({
        file,
        path: '',
        line: counter.linePos(error.pos[0]).line,
        message: `is not valid YAML or JSON: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  return checkDefinition(document.toJS(), file, (pointer) => lineOf(document, counter, pointer));
}

export function parseScenarioFile(path: string): ParseOutcome {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, errors: [{ file: path, path: '', message: `cannot be read: ${reason}` }] };
  }
  return parseScenario(text, path);
}

/** The scenario files of a directory (not recursive), sorted so that loading order is stable. */
export function scenarioFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => SCENARIO_EXTENSIONS.includes(extname(name)) && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** One line per error: `file:line /pointer message`, for logs and problem details. */
export function formatError(error: ScenarioError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return `${where} ${error.path || '(document)'} ${error.message}`;
}
