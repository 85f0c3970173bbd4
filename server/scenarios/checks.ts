import { parseIso } from '../clock.js';
import { parseDuration } from '../duration.js';
import { ALL_EFFECTS, type ScenarioDefinition, TERMINAL_EFFECTS } from './types.js';

/** Is `text` usable as a window bound: an ISO-8601 instant or a duration from the state's start. */
function isInstant(text: string): boolean {
  return parseDuration(text) !== undefined || parseIso(text) !== undefined;
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function matcherRegExps(matchers: Record<string, unknown> | undefined, at: string, out: Problem[]): void {
  for (const [key, matcher] of Object.entries(matchers ?? {})) {
    const source = (matcher as { matches?: unknown } | null)?.matches;
    if (typeof source === 'string' && !isRegExp(source))
      out.push({
        path: `${at}/${pointerSegment(key)}/matches`,
        message: `is not a valid regular expression`,
      });
  }
}

const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

type Problem = { path: string; message: string };

/** What the schema cannot say: unique rule names, one terminal effect, parseable times and patterns. */
export function semanticErrors(scenario: ScenarioDefinition): Problem[] {
  const out: Problem[] = [];
  const names = new Set<string>();
  scenario.rules.forEach((rule, index) => {
    const at = `/rules/${index}`;
    if (names.has(rule.name))
      out.push({ path: `${at}/name`, message: `repeats the rule name '${rule.name}'` });
    names.add(rule.name);
    const terminal = TERMINAL_EFFECTS.filter((effect) => rule[effect] !== undefined);
    if (terminal.length > 1)
      out.push({ path: at, message: `has ${terminal.join(' and ')}; a rule answers in at most one way` });
    if (!ALL_EFFECTS.some((effect) => rule[effect] !== undefined))
      out.push({ path: at, message: `has no effect; expected one of ${ALL_EFFECTS.join(', ')}` });
    const { match } = rule;
    for (const bound of ['from', 'until'] as const) {
      const value = match?.window?.[bound];
      if (value !== undefined && !isInstant(value))
        out.push({
          path: `${at}/match/window/${bound}`,
          message: 'expected an ISO-8601 date-time or duration',
        });
    }
    const per = rule.rateLimit ? parseDuration(rule.rateLimit.per) : undefined;
    if (rule.rateLimit && (!per || per.years || per.months || per.ms <= 0))
      out.push({
        path: `${at}/rateLimit/per`,
        message: 'expected a positive duration without years or months',
      });
    if (rule.delay?.uniform && rule.delay.uniform.min > rule.delay.uniform.max)
      out.push({ path: `${at}/delay/uniform`, message: 'min must not exceed max' });
    if (rule.respond?.example && rule.respond.body !== undefined)
      out.push({ path: `${at}/respond`, message: 'has both body and example; pick one' });
    for (const part of ['headers', 'query', 'params', 'body'] as const)
      matcherRegExps(match?.[part], `${at}/match/${part}`, out);
    if (match?.daily?.timeZone && !validZone(match.daily.timeZone))
      out.push({ path: `${at}/match/daily/timeZone`, message: 'is not a known IANA time zone' });
  });
  return out;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
