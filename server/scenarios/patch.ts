/** Deep merge for behaviour patches: objects merge key by key, arrays and values replace. */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function deepMerge<T>(base: T, patch: unknown): T {
  if (!isObject(base) || !isObject(patch)) return structuredClone(patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    out[key] =
      key in out && isObject(out[key]) && isObject(value)
        ? deepMerge(out[key], value)
        : structuredClone(value);
  }
  return out as T;
}

/** Reads a simple JSON path (`$.a.b[0].c`, `$.a['x-y']`) from a value; `undefined` when absent. */
export function readJsonPath(value: unknown, path: string): unknown {
  const steps = [...path.replace(/^\$/, '').matchAll(/\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]/g)].map(
    (m) => m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]!),
  );
  let current: unknown = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}
