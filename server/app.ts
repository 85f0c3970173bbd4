import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { createAdminSurface } from './admin/surface.js';
import { parseIso, startClock } from './clock.js';
import { ConfigError, resolveOptions, type SandboxOptions, type SandboxOptionsInput } from './config.js';
import type { SandboxDeps } from './deps.js';
import { docsPages } from './docs/page.js';
import { problem } from './errors.js';
import { createDispatcher, type Dispatch, type Page } from './http/dispatch.js';
import { encodeResponse } from './http/encode.js';
import { nodeHandler, sendEncoded } from './http/node-adapter.js';
import type { Surface } from './http/surface.js';
import { Journal } from './journal.js';
import { createLogger } from './logger.js';
import { createScenarioEngine, type ScenarioEngine } from './scenarios/engine.js';
import { Store } from './store/store.js';
import { ALL_TINK_SCOPES, buildTenant, DEFAULT_TENANT_ID } from './tenants.js';
import { Timeline } from './timeline.js';
import { createTinkSurface } from './tink/surface.js';
import { uiPages } from './ui/pages.js';
import { xs2aPages } from './xs2a/pages.js';
import { createXs2aSurface } from './xs2a/surface.js';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export interface Sandbox {
  /** The express app, for supertest or to mount in your own server. */
  app: Express;
  /** The dispatcher behind the app: a plain request in, an encoded response out. */
  dispatch: Dispatch;
  deps: SandboxDeps;
  listen(port?: number, host?: string): Promise<Listening>;
  /** Stops listening (finishing requests in flight) and makes the state durable. */
  close(): Promise<void>;
}

/** Makes sure the default tenant exists and carries the configured credentials. */
function ensureDefaultTenant(store: Store, options: SandboxOptions, scenarios: ScenarioEngine): void {
  const credentials = {
    tink: { clientId: options.credentials.tinkClientId, clientSecret: options.credentials.tinkClientSecret },
    xs2a: { apiKey: options.credentials.xs2aApiKey },
  };
  const existing = store.tenant(DEFAULT_TENANT_ID);
  if (existing) {
    Object.assign(existing.credentials.tink, credentials.tink);
    existing.credentials.xs2a = credentials.xs2a;
    return;
  }
  const start = options.clockStart === undefined ? undefined : parseIso(options.clockStart);
  const clock = startClock(start, options.clockFrozen);
  const tenant = buildTenant({
    id: DEFAULT_TENANT_ID,
    name: 'Default tenant',
    seed: options.seed,
    credentials: { tink: { ...credentials.tink, scopes: [...ALL_TINK_SCOPES] }, xs2a: credentials.xs2a },
    clock,
    scenario: options.scenario ?? null,
  });
  scenarios.prepareTenant?.(tenant);
  store.putTenant(tenant);
}

export async function createSandbox(input: SandboxOptionsInput & { logger?: Logger } = {}): Promise<Sandbox> {
  const options = resolveOptions({ logLevel: 'warn', ...input });
  const logger = input.logger ?? createLogger(options.logLevel);
  const scenarios = createScenarioEngine({
    logger,
    defaultScenario: options.scenario,
    scenariosDir: options.scenariosDir,
  });
  if (options.scenario !== undefined && !scenarios.knows(options.scenario)) {
    scenarios.close();
    throw new ConfigError(
      `--scenario: unknown scenario '${options.scenario}'; known: ${scenarios.registry.names().join(', ')}`,
    );
  }
  // The engine watches --scenarios-dir: stop that if the data file cannot be opened.
  const store = await Store.open(options.dataFile).catch((error: unknown) => {
    scenarios.close();
    throw error;
  });
  const deps: SandboxDeps = {
    options,
    store,
    journal: new Journal(options.journalSize),
    timeline: new Timeline(),
    scenarios,
    logger,
  };
  ensureDefaultTenant(store, options, scenarios);
  await store.commit();

  const surfaces: Surface[] = [
    (await createAdminSurface(deps)) as Surface,
    (await createTinkSurface(deps)) as Surface,
    (await createXs2aSurface(deps)) as Surface,
  ];
  const pages: Page[] = [...uiPages, ...xs2aPages, ...docsPages];
  const dispatch = createDispatcher(deps, surfaces, pages);

  const app = express();
  app.disable('x-powered-by');
  app.use(nodeHandler(dispatch, options.bodyLimit));
  // Only reached if the adapter itself throws (e.g. the client aborted mid-body).
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    logger.error({ err: error }, 'request failed before dispatch');
    if (!res.headersSent)
      sendEncoded(req, res, encodeResponse(problem('internal-error', 'the request could not be read')));
  });

  const servers = new Set<Server>();
  return {
    app,
    dispatch,
    deps,
    async listen(port = options.port, host = options.host) {
      const server = createServer(app);
      servers.add(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return {
        url: `http://${shownHost}:${address.port}`,
        close: () => closeServer(server, servers),
      };
    },
    async close() {
      scenarios.close();
      await Promise.all([...servers].map((server) => closeServer(server, servers)));
      await store.commit();
    },
  };
}

function closeServer(server: Server, servers: Set<Server>): Promise<void> {
  servers.delete(server);
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Connections held open on purpose (a `no-response` fault) would keep close() waiting forever.
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}
