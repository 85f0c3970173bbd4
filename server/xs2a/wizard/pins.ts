/**
 * The test bank's PINs. `123456`, `accounts` and `forms` are XS2A's own (reference §8); the rest are
 * sandbox magic so that QA can reach the failures a real bank produces (docs/xs2a.md lists them).
 */
export type PinEffect =
  | { kind: 'ok'; failingSyncs: number }
  | { kind: 'accounts' }
  | { kind: 'forms' }
  | { kind: 'tan' }
  | { kind: 'decoupled' }
  | { kind: 'wrong' };

/** The TAN that completes the TAN step. */
export const TEST_TAN = '123456';

/** Polls of the decoupled (app approval) step before the bank reports the approval. */
export const DECOUPLED_POLLS = 2;

export function pinEffect(pin: string): PinEffect {
  switch (pin) {
    case '123456':
      return { kind: 'ok', failingSyncs: 0 };
    case 'accounts':
      return { kind: 'accounts' };
    case 'forms':
      return { kind: 'forms' };
    case 'tan':
      return { kind: 'tan' };
    case 'decoupled':
      return { kind: 'decoupled' };
    case 'sync-fail':
      return { kind: 'ok', failingSyncs: -1 };
  }
  const some = /^sync-fail-([1-9])$/.exec(pin);
  if (some) return { kind: 'ok', failingSyncs: Number(some[1]) };
  return { kind: 'wrong' };
}
