import type { Handler } from '../http/surface.js';
import { firstQueryValue, json } from '../http/types.js';
import { violationRecord } from '../report/build.js';
import { filterFrom } from './requests.js';

/**
 * The journal's requests that broke a contract, newest first. The journal filters apply, plus the
 * violation's `rule` and `source`; `limit` counts violating requests, not journal entries.
 */
export const violationHandlers: Record<string, Handler> = {
  listViolations: (context) => {
    const { limit, ...filter } = filterFrom(context);
    const rule = firstQueryValue(context.query, 'rule');
    const source = firstQueryValue(context.query, 'source');
    const wanted = context.deps.journal
      .query(filter)
      .filter((entry) =>
        entry.violations.some((v) => (!rule || v.rule === rule) && (!source || v.source === source)),
      );
    return json(200, { violations: wanted.slice(0, limit ?? wanted.length).map(violationRecord) });
  },
};
