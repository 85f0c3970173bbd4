import { parseIso, zonedParts } from '../clock.js';
import { addDuration, parseDuration } from '../duration.js';
import { firstQueryValue } from '../http/types.js';
import type { ScenarioInput } from './engine.js';
import { readJsonPath } from './patch.js';
import type { ScenarioState } from './state.js';
import type { Matcher, OneOrMany, RuleMatch } from './types.js';

const asList = (value: OneOrMany): string[] => (Array.isArray(value) ? value : [value]);

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

export function matcherAccepts(matcher: Matcher, actual: unknown): boolean {
  if (matcher === null || typeof matcher !== 'object')
    return actual !== undefined && (actual === matcher || text(actual) === text(matcher));
  if ('exists' in matcher) return (actual !== undefined) === matcher.exists;
  if (actual === undefined) return false;
  if ('matches' in matcher) return new RegExp(matcher.matches).test(text(actual));
  return text(actual) === text(matcher.equals);
}

function allAccept(matchers: Record<string, Matcher> | undefined, read: (key: string) => unknown): boolean {
  return Object.entries(matchers ?? {}).every(([key, matcher]) => matcherAccepts(matcher, read(key)));
}

const escapeRegExp = (text: string) => text.replace(/[.+?^$()|[\]\\]/g, '\\$&');

function segmentSource(segment: string): string {
  return segment
    .split(/(\{[^}]*\}|\*)/)
    .map((part) => {
      if (part === '*') return '[^/]*';
      if (!part.startsWith('{')) return escapeRegExp(part);
      const inner = part.slice(1, -1);
      // `{a,b}` is a choice; `{name}` (as in a contract path) is any one segment.
      return inner.includes(',') ? `(?:${inner.split(',').map(escapeRegExp).join('|')})` : '[^/]+';
    })
    .join('');
}

/** `*` is part of a segment, `**` any number of segments, `{a,b}` a choice, `{param}` one segment. */
export function pathAccepts(pattern: string, path: string): boolean {
  const segments = pattern.split('/');
  const source = segments
    .map((segment, i) =>
      segment === '**' ? (i === segments.length - 1 ? '\u0000' : '.*') : segmentSource(segment),
    )
    .join('/')
    .replace('/\u0000', '(?:/.*)?');
  return new RegExp(`^${source}$`).test(path);
}

/** A window bound: an ISO instant, or a duration counted from when the scenario entered its state. */
function instant(bound: string, since: number): number {
  const duration = parseDuration(bound);
  return duration ? addDuration(since, duration) : parseIso(bound)!;
}

export function windowBounds(match: RuleMatch, since: number): { from: number; until: number } {
  const from = match.window?.from;
  const until = match.window?.until;
  return {
    from: from === undefined ? Number.NEGATIVE_INFINITY : instant(from, since),
    until: until === undefined ? Number.POSITIVE_INFINITY : instant(until, since),
  };
}

/** Minutes into the day in a time zone; the window may wrap past midnight (22:00–02:00). */
function inDaily(daily: NonNullable<RuleMatch['daily']>, now: number): boolean {
  const parts = zonedParts(now, daily.timeZone ?? 'UTC');
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const from = toMinutes(daily.from);
  const until = toMinutes(daily.until);
  return from <= until ? minute >= from && minute < until : minute >= from || minute < until;
}

/** The path parameter behind a domain shorthand; names follow the contracts' parameters. */
const PARAM_ALIASES = {
  tinkUser: ['externalUserId', 'external_user_id'],
  xs2aUser: ['userId', 'user_id'],
  xs2aConnection: ['connectionId', 'connection_id'],
} as const;

/**
 * Whether a request meets a rule's conditions, except the call-counting ones (`calls`,
 * `probability`), which the engine decides after counting the call.
 */
export function requestMatches(match: RuleMatch, input: ScenarioInput, state: ScenarioState): boolean {
  const { routed, tenant, now, api } = input;
  const { request, params } = routed;
  if (match.api && !asList(match.api).includes(api as 'tink')) return false;
  if (match.operationId && !asList(match.operationId).includes(routed.operationId)) return false;
  if (match.method && !asList(match.method).some((m) => m.toUpperCase() === request.method)) return false;
  if (match.path && !pathAccepts(match.path, request.path)) return false;
  if (match.tenant && !asList(match.tenant).includes(tenant.id)) return false;
  if (match.state && !asList(match.state).includes(state.state)) return false;
  if (!allAccept(match.headers, (name) => request.headers[name.toLowerCase()])) return false;
  if (!allAccept(match.query, (name) => firstQueryValue(request.query, name))) return false;
  if (!allAccept(match.params, (name) => params[name])) return false;
  if (!allAccept(match.body, (path) => readJsonPath(routed.body, path))) return false;
  for (const alias of ['tinkUser', 'xs2aUser', 'xs2aConnection'] as const) {
    const matcher = match[alias];
    if (matcher === undefined) continue;
    const value = PARAM_ALIASES[alias].map((name) => params[name]).find((v) => v !== undefined);
    if (!matcherAccepts(matcher, value)) return false;
  }
  if (match.window) {
    const { from, until } = windowBounds(match, state.since ?? now);
    if (now < from || now >= until) return false;
  }
  return !(match.daily && !inDaily(match.daily, now));
}

/** The call-counting conditions, given this call's number (1-based) and a seeded draw in [0, 1). */
export function callMatches(match: RuleMatch, call: number, chance: number): boolean {
  const calls = match.calls;
  if (calls?.nth !== undefined && call !== calls.nth) return false;
  if (calls?.first !== undefined && call > calls.first) return false;
  if (calls?.after !== undefined && call <= calls.after) return false;
  if (calls?.every !== undefined && call % calls.every !== 0) return false;
  return match.probability === undefined || chance < match.probability;
}
