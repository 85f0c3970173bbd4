import { html, type Raw } from './html.js';

type Schema = Record<string, unknown>;
const MAX_DEPTH = 8;

/** Resolves local `$ref`s (`#/components/...`) so that the page shows shapes, not pointers. */
export function deref(document: unknown, value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => deref(document, item, depth + 1));
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown> | undefined)?.[part.replaceAll('~1', '/')],
        document,
      );
    return deref(document, target ?? { description: `unresolved ${ref}` }, depth + 1);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deref(document, v, depth + 1)]));
}

export function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (Array.isArray(schema.enum)) return `enum: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (schema.type === 'array') return `array of ${typeOf(schema.items as Schema | undefined)}`;
  if (Array.isArray(schema.allOf)) return 'all of (see JSON)';
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return 'one of (see JSON)';
  const base = typeof schema.type === 'string' ? schema.type : 'any';
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${base}${format}${schema.nullable ? ', nullable' : ''}`;
}

/** An object schema's properties as a table, then the whole schema as collapsible JSON. */
export function schemaBlock(schema: Schema | undefined): Raw {
  if (!schema) return html`<p class="muted">no schema</p>`;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(
    ([name, property]) =>
      html`<tr><td><code>${name}</code></td><td>${typeOf(property)}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${property.description ?? ''}</td></tr>`,
  );
  const table = rows.length
    ? html`<table><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>${rows}</table>`
    : html`<p>${typeOf(schema)}</p>`;
  return html`${table}<details><summary>schema as JSON</summary><pre>${JSON.stringify(schema, null, 2)}</pre></details>`;
}
