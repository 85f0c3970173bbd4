import { zonedParts, zoneOffsetMs } from '../clock.js';

/** XS2A speaks Berlin local time without a zone (reference §2, §3.14). */
export const ZONE = 'Europe/Berlin';
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD hh:mm:ss` in Berlin. */
export function berlinDateTime(ms: number): string {
  const p = zonedParts(ms, ZONE);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `YYYY-MM-DD` in Berlin. */
export function berlinDate(ms: number): string {
  const p = zonedParts(ms, ZONE);
  return `${p.year}-${p.month}-${p.day}`;
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:\s*T?\s*(\d{2})(?::(\d{2}))?(?::(\d{2}))?(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Epoch ms of a UTC calendar instant, by arithmetic (H. Hinnant's days_from_civil): no Date needed. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000;
}

function offsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0)) * 60_000;
}

/**
 * Parses a datetime as the clients send it: space and/or `T` between date and time (java sends
 * `2024-01-02 T03:04:05.000000+01:00`), optional seconds and fraction, optional offset. Without an
 * offset it is Berlin local time. `undefined` when it is not a real date and time.
 */
export function parseXs2aDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const date = parseDate(`${y}-${mo}-${d}`);
  if (!date || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const fraction = Math.round(Number(`0.${frac}`) * 1000);
  const local = utcMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)) + fraction;
  if (zone) return local - offsetMs(zone);
  // The Berlin offset at the guessed instant, corrected once for a DST change in between.
  const first = local - zoneOffsetMs(local, ZONE);
  return local - zoneOffsetMs(first, ZONE);
}

/** A calendar date `YYYY-MM-DD` that exists; `undefined` otherwise. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const p = zonedParts(utcMs(Number(m[1]), Number(m[2]), Number(m[3])), 'UTC');
  return `${p.year}-${p.month}-${p.day}` === text ? text : undefined;
}
