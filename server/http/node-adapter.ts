import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from './dispatch.js';
import type { EncodedResponse } from './encode.js';
import type { Query, SandboxRequest } from './types.js';

function queryOf(search: URLSearchParams): Query {
  const query: Query = {};
  for (const [key, value] of search) {
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}

/** Reads the body up to `limit` bytes; past that it drains the rest and flags the request. */
function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

export async function toSandboxRequest(req: IncomingMessage, bodyLimit: number): Promise<SandboxRequest> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const { body, tooLarge } = await readBody(req, bodyLimit);
  const request: SandboxRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: queryOf(url.searchParams),
    headers,
    rawBody: body,
  };
  if (tooLarge) request.bodyTooLarge = true;
  return request;
}

/** Writes an encoded response, or breaks the connection the way a scenario's fault asks. */
export function sendEncoded(req: IncomingMessage, res: ServerResponse, encoded: EncodedResponse): void {
  switch (encoded.fault) {
    case 'connection-reset':
      req.socket.resetAndDestroy();
      return;
    case 'empty-response':
      req.socket.destroy();
      return;
    case 'no-response':
      // Never answer: the client's timeout is what is being tested. The socket ends when it gives up
      // or when the sandbox closes.
      return;
    case 'malformed-json':
      res.writeHead(encoded.status, { 'content-type': 'application/json' });
      res.end('{"errorMessage": "truncated');
      return;
    default: {
      const headers: Record<string, string | number> = { ...encoded.headers };
      if (encoded.payload) headers['content-length'] = encoded.payload.length;
      res.writeHead(encoded.status, headers);
      res.end(encoded.payload ?? undefined);
    }
  }
}

/** A node:http request listener around the sandbox's dispatcher. */
export function nodeHandler(dispatch: Dispatch, bodyLimit: number) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const request = await toSandboxRequest(req, bodyLimit);
    sendEncoded(req, res, await dispatch(request));
  };
}
