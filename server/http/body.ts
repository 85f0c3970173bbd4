import type { SandboxRequest } from './types.js';

export type ParsedBody = { ok: true; body: unknown } | { ok: false; reason: string };

/** The media type of the request, lower case, without parameters. */
export function mediaType(request: SandboxRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Parses the body by its content type: JSON, form-encoded, or nothing. An empty body is
 * `undefined`. The emulated APIs decide how to answer a failure in their own error format.
 */
export function parseBody(request: SandboxRequest): ParsedBody {
  if (request.rawBody.length === 0) return { ok: true, body: undefined };
  const type = mediaType(request);
  const text = request.rawBody.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    return { ok: true, body: Object.fromEntries(new URLSearchParams(text)) };
  }
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch (error) {
      return { ok: false, reason: `the body is not valid JSON: ${(error as Error).message}` };
    }
  }
  return { ok: true, body: text };
}
