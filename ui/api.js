// Every call the page makes goes through here, to this sandbox's own origin only.

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  /** The admin API has no such route (yet): a feature this sandbox version does not offer. */
  get missingRoute() {
    return this.status === 404 && (this.body?.type ?? '').endsWith(':not-found');
  }
}

/** The most helpful text in an error body: problem+json `detail`, Tink `errorMessage`, XS2A `message`. */
function describe(status, body) {
  if (body && typeof body === 'object') {
    const text = body.detail ?? body.errorMessage ?? body.message;
    if (typeof text === 'string' && text) return text;
  }
  if (typeof body === 'string' && body && body.length < 300) return body;
  return `the sandbox answered ${status}`;
}

/**
 * `tenant` adds `?tenant=`; `query` adds filters (empty values left out); a body that is not a string
 * is sent as JSON.
 */
export async function call(method, path, { tenant, query, body, headers } = {}) {
  const url = new URL(path, window.location.origin);
  if (tenant) url.searchParams.set('tenant', tenant);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  }
  const init = { method, cache: 'no-store', headers: { accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['content-type'] ??= 'application/json';
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (error) {
    throw new ApiError(0, `the sandbox did not answer (${error.message}); is it still running?`, null);
  }
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (!res.ok) throw new ApiError(res.status, describe(res.status, data), data);
  return data;
}

/** `path` with each `{name}` replaced by its encoded value. */
export function route(path, params) {
  return path.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(params[name]));
}
