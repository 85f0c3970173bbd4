/** Header and body fields whose values never reach the journal, the log or the dashboard. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
const SECRET_FIELDS = new Set([
  'client_secret',
  'clientSecret',
  'access_token',
  'refresh_token',
  'code',
  'token',
  'apiKey',
  'password',
  'USER_PIN',
  'credentials',
  'assertion',
]);

export const REDACTED = '[redacted]';

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) out[name] = value;
    else
      out[name] =
        name.toLowerCase() === 'authorization' ? `${value.split(' ')[0] ?? ''} ${REDACTED}`.trim() : REDACTED;
  }
  return out;
}

export function redactBody(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      SECRET_FIELDS.has(key) && item !== null && item !== undefined ? REDACTED : redactBody(item, depth + 1);
  }
  return out;
}
