import type { Fault, SandboxResponse } from './types.js';

/** A response ready for the wire: the one place where bodies become bytes. */
export interface EncodedResponse {
  status: number;
  headers: Record<string, string>;
  payload: Buffer | null;
  fault: Fault | null;
}

export function encodeResponse(response: SandboxResponse): EncodedResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
  let payload: Buffer | null = null;
  const { body } = response;
  if (Buffer.isBuffer(body)) payload = body;
  else if (typeof body === 'string') payload = Buffer.from(body, 'utf8');
  else if (body !== undefined) {
    payload = Buffer.from(JSON.stringify(body), 'utf8');
    headers['content-type'] ??= 'application/json';
  }
  if (payload && !headers['content-type']) headers['content-type'] = 'text/plain; charset=utf-8';
  return { status: response.status, headers, payload, fault: response.fault ?? null };
}
