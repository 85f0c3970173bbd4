import { machineNow, parseIso, setClockTo, toIso } from '../clock.js';
import { problem } from '../errors.js';
import type { Handler } from '../http/surface.js';
import { json } from '../http/types.js';
import type { JournalEntry } from '../journal.js';
import type { SandboxState } from '../store/types.js';
import { DEFAULT_TENANT_ID } from '../tenants.js';
import { clockView } from './views.js';

interface Snapshot {
  format: 'tink-sandbox-snapshot';
  version: 1;
  exportedAt?: string;
  state: SandboxState;
  /** Each tenant's virtual time at export: a running clock resumes from there on import. */
  clocks?: Record<string, { now: string; frozen: boolean }>;
  journal: JournalEntry[];
  scenarios?: unknown[];
}

export const snapshotHandlers: Record<string, Handler> = {
  exportSnapshot: ({ deps }) => {
    const state = deps.store.exportState();
    const clocks = Object.fromEntries(deps.store.tenants().map((tenant) => [tenant.id, clockView(tenant)]));
    const snapshot: Snapshot = {
      format: 'tink-sandbox-snapshot',
      version: 1,
      exportedAt: toIso(machineNow()),
      state,
      clocks,
      journal: deps.journal.exportEntries(),
      scenarios: deps.scenarios.exportDefinitions?.() ?? [],
    };
    return json(200, snapshot, {
      'content-disposition': 'attachment; filename="tink-sandbox-snapshot.json"',
    });
  },

  importSnapshot: ({ body, deps }) => {
    const snapshot = body as Snapshot;
    if (!snapshot.state.tenants[DEFAULT_TENANT_ID]) {
      return problem('invalid-snapshot', 'the snapshot has no default tenant', {
        errors: [{ field: 'state.tenants.default', message: 'required' }],
      });
    }
    try {
      deps.store.replaceState(structuredClone(snapshot.state));
    } catch (error) {
      return problem('invalid-snapshot', (error as Error).message);
    }
    for (const [id, clock] of Object.entries(snapshot.clocks ?? {})) {
      const tenant = deps.store.tenant(id);
      const at = parseIso(clock.now);
      if (tenant && at !== undefined) setClockTo(tenant.clock, at);
    }
    deps.scenarios.importDefinitions?.(snapshot.scenarios ?? []);
    deps.journal.importEntries(snapshot.journal);
    return json(200, { tenants: deps.store.tenants().map((t) => t.id), requests: snapshot.journal.length });
  },
};
