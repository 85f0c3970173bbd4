/**
 * Time. This is the only module that reads the machine's clock (`Date.now()`, `performance.now()`);
 * everything else asks a tenant's virtual clock, so business time can be frozen, set and advanced.
 */

/** A tenant's clock, as stored: real time shifted by an offset, or frozen at an instant. */
export interface ClockState {
  offsetMs: number;
  frozenAt: number | null;
}

export const realTimeClock = (): ClockState => ({ offsetMs: 0, frozenAt: null });

/**
 * A clock that reads `start` now (real time when absent), running or frozen. The machine's clock
 * is read once, so a frozen clock stands exactly at `start`.
 */
export function startClock(start: number | undefined, frozen: boolean): ClockState {
  const machine = machineNow();
  const at = start ?? machine;
  return frozen ? { offsetMs: 0, frozenAt: at } : { offsetMs: at - machine, frozenAt: null };
}

/** Milliseconds since the epoch on the machine's clock. Only for clocks and journal timestamps. */
export function machineNow(): number {
  return Date.now();
}

/** A monotonic reading for measuring latency; unrelated to business time. */
export function monotonicMs(): number {
  return performance.now();
}

export function clockNow(clock: ClockState): number {
  return clock.frozenAt ?? machineNow() + clock.offsetMs;
}

/** Moves the clock so that it reads `at` now, keeping it frozen or running as it was. */
export function setClockTo(clock: ClockState, at: number): void {
  if (clock.frozenAt !== null) clock.frozenAt = at;
  else clock.offsetMs = at - machineNow();
}

export function freezeClock(clock: ClockState, frozen: boolean): void {
  const now = clockNow(clock);
  clock.frozenAt = frozen ? now : null;
  clock.offsetMs = frozen ? clock.offsetMs : now - machineNow();
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function toIsoDate(ms: number): string {
  return toIso(ms).slice(0, 10);
}

/** Parses an ISO-8601 date or date-time; `undefined` when it is not one. */
export function parseIso(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return undefined;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Calendar arithmetic in UTC, for durations with years and months. */
export function addCalendar(ms: number, parts: { years: number; months: number; ms: number }): number {
  const date = new Date(ms);
  if (parts.years || parts.months) {
    date.setUTCFullYear(date.getUTCFullYear() + parts.years, date.getUTCMonth() + parts.months);
  }
  return date.getTime() + parts.ms;
}

/** The parts of an instant in a named time zone, for APIs that speak local time (XS2A: Berlin). */
export function zonedParts(
  ms: number,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The offset of a time zone from UTC at an instant, in milliseconds. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Real latency, for scenario delays. Not business time: it never moves a virtual clock. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
