/**
 * A test-only stand-in for the Tink and XS2A surfaces: a few operations of each API with minimal
 * contracts, so the scenario engine can be driven through real HTTP before the real surfaces exist.
 * It lives in test/ on purpose: the product never serves these routes. The sandbox's own deps
 * (store, journal, clock, scenario engine) and its admin surface are used unchanged.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Document, OpenAPIBackend } from 'openapi-backend';
import supertest from 'supertest';
import { createAdminSurface } from '../../server/admin/surface.js';
import type { SandboxOptionsInput } from '../../server/config.js';
import { createDispatcher } from '../../server/http/dispatch.js';
import { nodeHandler } from '../../server/http/node-adapter.js';
import { openApiFor } from '../../server/http/openapi.js';
import type { AuthOutcome, Surface } from '../../server/http/surface.js';
import { json, noContent } from '../../server/http/types.js';
import { splitMagicCredential } from '../../server/scenarios/magic.js';
import { startSandbox, type TestSandbox } from './sandbox.js';

const error = (schema: string) => ({
  description: 'error',
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const errors = (schema: string) =>
  Object.fromEntries(['401', '403', '422', '429', '503'].map((s) => [s, error(schema)]));
const object = (properties: Record<string, unknown> = {}) => ({ type: 'object', properties });
const ok = (schema: unknown, examples?: Record<string, { value: unknown }>) => ({
  description: 'ok',
  content: { 'application/json': { schema, ...(examples ? { examples } : {}) } },
});

const tinkContract = {
  openapi: '3.0.3',
  info: { title: 'test tink', version: '0' },
  paths: {
    '/api/v1/oauth/token': {
      post: {
        operationId: 'oauthToken',
        requestBody: { content: { 'application/x-www-form-urlencoded': { schema: object() } } },
        responses: { '200': ok(object({ access_token: { type: 'string' } })), ...errors('TinkError') },
      },
    },
    '/connector/users/{externalUserId}/accounts': {
      parameters: [{ name: 'externalUserId', in: 'path', required: true, schema: { type: 'string' } }],
      post: {
        operationId: 'ingestAccounts',
        requestBody: { content: { 'application/json': { schema: object() } } },
        responses: { '204': { description: 'queued' }, ...errors('TinkError') },
      },
    },
    '/data/v2/connector/operations/{operationId}': {
      parameters: [{ name: 'operationId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getOperation',
        responses: {
          '200': ok(
            {
              type: 'object',
              required: ['status'],
              properties: {
                status: { type: 'string', enum: ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] },
              },
            },
            { pending: { value: { status: 'PENDING' } } },
          ),
          ...errors('TinkError'),
        },
      },
    },
  },
  components: {
    schemas: {
      TinkError: {
        type: 'object',
        required: ['errorMessage'],
        properties: {
          errorMessage: { type: 'string' },
          errorCode: { type: 'string' },
          retryAfterMillis: { type: 'integer' },
        },
      },
    },
  },
};

const xs2aContract = {
  openapi: '3.0.3',
  info: { title: 'test xs2a', version: '0' },
  paths: {
    '/v1/api/users/{userId}': {
      parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: 'getBankUser',
        responses: { '200': ok(object({ id: { type: 'string' } })), ...errors('Xs2aError') },
      },
    },
    '/v1/api/connections/{connectionId}/sync': {
      parameters: [{ name: 'connectionId', in: 'path', required: true, schema: { type: 'string' } }],
      post: {
        operationId: 'syncConnection',
        requestBody: { required: false, content: { 'application/json': { schema: object() } } },
        responses: { '204': { description: 'syncing' }, ...errors('Xs2aError') },
      },
    },
  },
  components: {
    schemas: {
      Xs2aError: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'integer' }, message: { type: 'string' }, errors: { type: 'object' } },
      },
    },
  },
};

const backend = (definition: unknown) => openApiFor(definition as Document);

/** Finds the tenant of a credential (magic suffix allowed), as the real surfaces will. */
function authenticateWith(
  sandbox: TestSandbox,
  raw: string | undefined,
  pick: 'tink' | 'xs2a',
): AuthOutcome<null> {
  const unauthorized = json(
    401,
    pick === 'tink' ? { errorMessage: 'Unauthorized' } : { code: 401, message: 'Unauthorized' },
  );
  if (!raw) return { ok: false, response: unauthorized };
  const { credential, scenario } = splitMagicCredential(raw);
  const tenant = sandbox.deps.store
    .tenants()
    .find((t) => (pick === 'tink' ? t.credentials.tink.clientId : t.credentials.xs2a.apiKey) === credential);
  if (!tenant) return { ok: false, response: unauthorized };
  return scenario ? { ok: true, tenant, principal: null, scenario } : { ok: true, tenant, principal: null };
}

function surface(name: 'tink' | 'xs2a', api: OpenAPIBackend, sandbox: TestSandbox): Surface<null> {
  const fail = json(400, name === 'tink' ? { errorMessage: 'bad' } : { code: 400, message: 'bad' });
  return {
    name,
    api,
    owns: (path) => (name === 'tink' ? /^\/(api|connector|data)\//.test(path) : path.startsWith('/v1/')),
    authenticate(routed) {
      const header = routed.request.headers.authorization ?? '';
      if (name === 'tink') {
        const id =
          routed.operationId === 'oauthToken'
            ? (routed.body as { client_id?: string })?.client_id
            : header.replace(/^Bearer /, '');
        return authenticateWith(sandbox, id || undefined, 'tink');
      }
      const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
      return authenticateWith(sandbox, decoded.startsWith('api:') ? decoded.slice(4) : undefined, 'xs2a');
    },
    rejectBody: () => fail,
    rejectInvalid: () => fail,
    notFound: () =>
      json(404, name === 'tink' ? { errorMessage: 'Not found' } : { code: 404, message: 'Not found' }),
    handlers: {
      oauthToken: ({ body }) => json(200, { access_token: (body as { client_id: string }).client_id }),
      ingestAccounts: () => noContent(),
      // Echoes the behaviour in force, so tests can see what a scenario handed to the emulation.
      getOperation: ({ behaviour }) => json(200, { status: 'COMPLETED', behaviour }),
      getBankUser: ({ params, behaviour }) => json(200, { id: params.userId, behaviour }),
      syncConnection: () => noContent(),
    },
  };
}

export type Emulated = TestSandbox & {
  /** supertest against the stand-in surfaces plus the real admin API. */
  api: supertest.Agent;
  listenEmulated(): Promise<{ url: string; close(): Promise<void> }>;
};

export async function startEmulated(options: SandboxOptionsInput = {}): Promise<Emulated> {
  const sandbox = await startSandbox(options);
  const surfaces = [
    (await createAdminSurface(sandbox.deps)) as Surface,
    surface('tink', await backend(tinkContract), sandbox) as Surface,
    surface('xs2a', await backend(xs2aContract), sandbox) as Surface,
  ];
  const handler = nodeHandler(createDispatcher(sandbox.deps, surfaces, []), sandbox.deps.options.bodyLimit);
  return Object.assign(sandbox, {
    api: supertest.agent(handler),
    async listenEmulated() {
      const server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    },
  });
}

/** Headers for the stand-in surfaces: Tink bearer = client id; XS2A Basic `api:<key>`. */
export const tinkAuth = (clientId: string) => ({ authorization: `Bearer ${clientId}` });
export const xs2aAuth = (apiKey: string) => ({
  authorization: `Basic ${Buffer.from(`api:${apiKey}`).toString('base64')}`,
});
