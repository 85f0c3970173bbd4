import { firstQueryValue, type Query, type SandboxRequest } from '../http/types.js';

/** Laravel's length-aware paginator (reference §3.13): 1-based pages, 15 per page by default. */
export function paginate<T, V>(items: T[], request: SandboxRequest, view: (item: T) => V) {
  const query: Query = request.query;
  const perPage = Number(firstQueryValue(query, 'per_page') || 15);
  const page = Number(firstQueryValue(query, 'page') || 1);
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage;
  const slice = items.slice(start, start + perPage);
  const host = request.headers.host ?? 'localhost';
  const proto = request.headers['x-forwarded-proto'] ?? 'http';
  const path = `${proto}://${host}${request.path}`;
  const url = (n: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (name !== 'page') params.set(name, Array.isArray(value) ? (value[0] ?? '') : value);
    }
    params.set('page', String(n));
    return `${path}?${params}`;
  };
  return {
    current_page: page,
    data: slice.map(view),
    first_page_url: url(1),
    from: slice.length ? start + 1 : null,
    last_page: lastPage,
    last_page_url: url(lastPage),
    next_page_url: page < lastPage ? url(page + 1) : null,
    path,
    per_page: perPage,
    prev_page_url: page > 1 ? url(page - 1) : null,
    to: slice.length ? start + slice.length : null,
    total,
  };
}
