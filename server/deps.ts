import type { Logger } from 'pino';
import type { SandboxOptions } from './config.js';
import type { Journal } from './journal.js';
import type { ScenarioEngine } from './scenarios/engine.js';
import type { Store } from './store/store.js';
import type { Timeline } from './timeline.js';

/** The services every surface, handler and admin route may use; built once per sandbox in app.ts. */
export interface SandboxDeps {
  options: SandboxOptions;
  store: Store;
  journal: Journal;
  timeline: Timeline;
  scenarios: ScenarioEngine;
  logger: Logger;
}
