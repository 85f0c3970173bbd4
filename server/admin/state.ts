import type { Handler } from '../http/surface.js';
import { json } from '../http/types.js';
import { tinkAdminView } from '../tink/views.js';
import { xs2aAdminView } from '../xs2a/views.js';
import { clockView } from './views.js';

export const stateHandlers: Record<string, Handler> = {
  getState: ({ tenant, now }) =>
    json(200, {
      tenant: tenant.id,
      clock: clockView(tenant),
      scenario: tenant.scenario,
      tink: tinkAdminView(tenant, now),
      xs2a: xs2aAdminView(tenant, now),
    }),
};
