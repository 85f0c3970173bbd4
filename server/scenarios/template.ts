// The German locale entry (with English fallback) only: the package's main entry loads every
// locale and costs ~140 ms of start-up. Seeded before each render, so sharing it is safe.
import { faker } from '@faker-js/faker/locale/de';
import { toIso } from '../clock.js';
import { readJsonPath } from './patch.js';

/** What a template may read: `{{request.params.x}}`, `{{request.body.a.b}}`, `{{now}}`, `{{faker.person.fullName}}`. */
export interface TemplateScope {
  request: {
    method: string;
    path: string;
    params: Record<string, string>;
    query: Record<string, unknown>;
    headers: Record<string, string>;
    body: unknown;
  };
  tenant: { id: string };
  scenario: { name: string; state: string; rule: string; call: number };
  now: number;
  /** Seed for faker, so the same call renders the same fake values. */
  fakerSeed: number;
}

const EXPRESSION = /\{\{\s*([^{}]+?)\s*\}\}/g;
const ONLY_EXPRESSION = /^\{\{\s*([^{}]+?)\s*\}\}$/;

function fake(path: string): unknown {
  let target: unknown = faker;
  for (const part of path.split('.')) target = (target as Record<string, unknown> | undefined)?.[part];
  if (typeof target !== 'function') throw new Error(`{{faker.${path}}} is not a faker function`);
  return (target as () => unknown)();
}

function evaluate(expression: string, scope: TemplateScope): unknown {
  if (expression === 'now') return toIso(scope.now);
  if (expression === 'nowMs') return scope.now;
  if (expression.startsWith('faker.')) return fake(expression.slice(6));
  if (expression.startsWith('request.body'))
    return readJsonPath(scope.request.body, `$${expression.slice(12)}`);
  return readJsonPath(scope, `$.${expression}`);
}

/**
 * Renders strings inside a JSON value. A string that is one expression keeps the expression's type
 * (a number stays a number); otherwise expressions are interpolated as text.
 */
export function render(value: unknown, scope: TemplateScope): unknown {
  faker.seed(scope.fakerSeed);
  return renderValue(value, scope);
}

function renderValue(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') {
    const only = ONLY_EXPRESSION.exec(value);
    if (only) return evaluate(only[1]!, scope) ?? null;
    return value.replace(EXPRESSION, (_, expression: string) => {
      const result = evaluate(expression, scope);
      return result === undefined ? '' : typeof result === 'string' ? result : JSON.stringify(result);
    });
  }
  if (Array.isArray(value)) return value.map((item) => renderValue(item, scope));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderValue(v, scope)]));
  return value;
}
