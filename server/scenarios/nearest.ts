import { type ContractName, loadContract } from '../http/openapi.js';

export interface KnownOperation {
  api: ContractName;
  method: string;
  path: string;
  operationId: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every operation of a contract, as method + path template. */
export function contractOperations(api: ContractName): KnownOperation[] {
  const paths = (loadContract(api).paths ?? {}) as Record<string, Record<string, { operationId?: string }>>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({
      api,
      method: m.toUpperCase(),
      path,
      operationId: item[m]!.operationId ?? '',
    })),
  );
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How far a request is from an operation: segment by segment (a `{param}` takes any one segment),
 * a misspelt segment costs its edit distance relative to its length, a missing or extra segment 1,
 * and another method 0.5. Lower is nearer; 0 is a match.
 */
export function distance(method: string, path: string, operation: KnownOperation): number {
  const asked = path.split('/').filter(Boolean);
  const template = operation.path.split('/').filter(Boolean);
  let cost = Math.abs(asked.length - template.length);
  for (let i = 0; i < Math.min(asked.length, template.length); i += 1) {
    const want = template[i]!;
    const got = asked[i]!;
    if (want.startsWith('{') || want === got) continue;
    cost += levenshtein(want.toLowerCase(), got.toLowerCase()) / Math.max(want.length, got.length);
  }
  return cost + (operation.method === method.toUpperCase() ? 0 : 0.5);
}

/** The operations nearest to a request that matched none, nearest first. */
export function nearestOperations(
  method: string,
  path: string,
  candidates: KnownOperation[],
  count = 3,
): Array<KnownOperation & { distance: number }> {
  return candidates
    .map((operation) => ({
      ...operation,
      distance: Math.round(distance(method, path, operation) * 100) / 100,
    }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, count);
}
