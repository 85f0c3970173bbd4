/**
 * Reproducible randomness for scenarios. A draw depends only on its key (tenant seed, scenario, rule,
 * call number, purpose), never on Math.random or on the order other tenants' requests arrive in, so
 * the same seed and the same requests give the same faults and delays.
 */

/** FNV-1a over the key's text, then a mulberry32 step: fast, well mixed, and plenty for test traffic. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A number in [0, 1) determined by the key. */
export function draw(...key: Array<string | number>): number {
  return mulberry32(hash(key.join('\u241f')));
}

/** An integer seed for faker, from the same kind of key. */
export function seedOf(...key: Array<string | number>): number {
  return hash(key.join('\u241f'));
}

/** A standard normal variate from two uniform draws (Box–Muller). */
export function normal(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}
