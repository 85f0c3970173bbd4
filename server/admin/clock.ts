import { addCalendar, clockNow, freezeClock, parseIso, setClockTo } from '../clock.js';
import { parseDuration } from '../duration.js';
import { problem } from '../errors.js';
import type { Handler, HandlerContext } from '../http/surface.js';
import { json } from '../http/types.js';
import { clockView } from './views.js';

/** Moves the tenant's clock to `at` and runs what falls due on the way, in time order. */
function moveTo(context: HandlerContext, at: number) {
  const { tenant, deps } = context;
  setClockTo(tenant.clock, at);
  const ran = deps.timeline.settle(tenant, at);
  return json(200, clockView(tenant, ran));
}

export const clockHandlers: Record<string, Handler> = {
  getClock: ({ tenant }) => json(200, clockView(tenant)),

  setClock: (context) => {
    const { now, frozen } = context.body as { now?: string; frozen?: boolean };
    const { tenant } = context;
    if (frozen !== undefined) freezeClock(tenant.clock, frozen);
    return moveTo(context, now === undefined ? clockNow(tenant.clock) : parseIso(now)!);
  },

  advanceClock: (context) => {
    const { by, seconds } = context.body as { by?: string; seconds?: number };
    const start = clockNow(context.tenant.clock);
    if (seconds !== undefined) return moveTo(context, start + Math.round(seconds * 1000));
    const duration = parseDuration(by ?? '');
    if (!duration) {
      return problem(
        'invalid-request',
        `by: "${by}" is not an ISO-8601 duration such as P91D, PT30M or P1DT12H`,
        {
          errors: [{ field: 'by', message: 'expected an ISO-8601 duration (PnYnMnWnDTnHnMnS)' }],
        },
      );
    }
    return moveTo(context, addCalendar(start, duration));
  },
};
