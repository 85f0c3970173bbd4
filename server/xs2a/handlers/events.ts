import { firstQueryValue, json } from '../../http/types.js';
import { notFound, validationFailed } from '../errors.js';
import { paginate } from '../paginate.js';
import { DAY_MS, parseXs2aDateTime } from '../time.js';
import { eventView } from '../wire.js';
import type { Context, Xs2aHandler } from './common.js';

/** `from`/`to`/`since` as a date or datetime (Berlin); a date-only `to` includes its whole day. */
function window(ctx: Context): { from: number; to: number } | { errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const read = (name: string, endOfDay: boolean, fallback: number) => {
    const value = firstQueryValue(ctx.query, name) ?? '';
    if (value === '') return fallback;
    const at = parseXs2aDateTime(value);
    if (at === undefined) errors[name] = [`The ${name} is not a valid date.`];
    return at === undefined ? fallback : at + (endOfDay && value.length === 10 ? DAY_MS - 1 : 0);
  };
  const from = Math.max(
    read('from', false, Number.NEGATIVE_INFINITY),
    read('since', false, Number.NEGATIVE_INFINITY),
  );
  const to = read('to', true, Number.POSITIVE_INFINITY);
  return Object.keys(errors).length ? { errors } : { from, to };
}

export const eventHandlers: Record<string, Xs2aHandler> = {
  listEvents: (ctx) => {
    const range = window(ctx);
    if ('errors' in range) return validationFailed(range.errors);
    const transaction = firstQueryValue(ctx.query, 'transaction_id') ?? '';
    const type = firstQueryValue(ctx.query, 'type') ?? '';
    const events = ctx.tenant.xs2a.events.filter(
      (event) =>
        (!transaction || event.transaction === transaction) &&
        (!type || event.type === type) &&
        event.createdAt >= range.from &&
        event.createdAt <= range.to,
    );
    return json(200, paginate(events, ctx.request, eventView));
  },

  getEvent: (ctx) => {
    const event = ctx.tenant.xs2a.events.find((e) => e.id === ctx.params.eventId);
    return event ? json(200, eventView(event)) : notFound('Event');
  },
};
