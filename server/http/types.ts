/**
 * The request and response as the sandbox sees them: plain objects, independent of express or
 * node:http, so that the dispatcher in front can change without touching a handler.
 */

export type Query = Record<string, string | string[]>;

export interface SandboxRequest {
  method: string;
  /** The path without the query string, percent-decoding left to the router. */
  path: string;
  query: Query;
  /** Header names in lower case. */
  headers: Record<string, string>;
  rawBody: Buffer;
  /** Set when the body was longer than the configured limit; `rawBody` is then empty. */
  bodyTooLarge?: boolean;
}

/** How a scenario may break the transport instead of answering. */
export type Fault = 'connection-reset' | 'empty-response' | 'malformed-json' | 'no-response';

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** A value is sent as JSON; a string or Buffer as is (set `content-type`); `undefined` sends no body. */
  body?: unknown;
  fault?: Fault;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse =>
  headers ? { status, body, headers } : { status, body };

export const noContent = (headers?: Record<string, string>): SandboxResponse =>
  headers ? { status: 204, headers } : { status: 204 };

export function header(request: SandboxRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()];
}

export function firstQueryValue(query: Query, name: string): string | undefined {
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}
