import type { Handler, HandlerContext } from '../http/surface.js';
import { firstQueryValue, json } from '../http/types.js';
import { type JournalFilter, presentEntry } from '../journal.js';

/** `?tenant=*` spans every tenant; otherwise the journal of the selected tenant. */
export function tenantFilter({ query, tenant }: HandlerContext): string {
  return firstQueryValue(query, 'tenant') === '*' ? '*' : tenant.id;
}

export function filterFrom(context: HandlerContext): JournalFilter {
  const get = (name: string) => firstQueryValue(context.query, name);
  const filter: JournalFilter = { tenant: tenantFilter(context) };
  for (const key of ['method', 'path', 'status', 'operationId', 'since'] as const) {
    const value = get(key);
    if (value !== undefined) filter[key] = value;
  }
  const limit = get('limit');
  if (limit !== undefined) filter.limit = Number(limit);
  return filter;
}

export const requestHandlers: Record<string, Handler> = {
  listRequests: (context) =>
    json(200, { requests: context.deps.journal.query(filterFrom(context)).map(presentEntry) }),

  countRequests: (context) => {
    const body = (context.body ?? {}) as Omit<JournalFilter, 'tenant'>;
    return json(200, { count: context.deps.journal.count({ ...body, tenant: tenantFilter(context) }) });
  },

  clearRequests: (context) => json(200, { cleared: context.deps.journal.clear(tenantFilter(context)) }),
};
