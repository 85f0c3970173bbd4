import { addCalendar } from './clock.js';

const ISO_DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface Duration {
  years: number;
  months: number;
  /** Everything below a month, in milliseconds (weeks and days are fixed length in UTC). */
  ms: number;
}

/** Parses an ISO-8601 duration such as `P91D`, `PT30M` or `P1Y2M3DT4H5M6.5S`. */
export function parseDuration(text: string): Duration | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  const ms = (((n(3) * 7 + n(4)) * 24 + n(5)) * 60 + n(6)) * 60_000 + Math.round(n(7) * 1000);
  return { years: n(1), months: n(2), ms };
}

export function addDuration(at: number, duration: Duration): number {
  return addCalendar(at, duration);
}
