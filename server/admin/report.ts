import { machineNow, toIso } from '../clock.js';
import { operationsOf } from '../contracts.js';
import { loadContract } from '../http/openapi.js';
import type { Handler } from '../http/surface.js';
import { json } from '../http/types.js';
import { buildReport } from '../report/build.js';
import { tenantFilter } from './requests.js';

const EMULATED = ['tink', 'xs2a'] as const;

/** The CI report of the tenant (or, with `tenant=*`, of every tenant and unattributed requests). */
export const reportHandlers: Record<string, Handler> = {
  getReport: (context) => {
    const { deps } = context;
    const tenant = tenantFilter(context);
    const tenants = tenant === '*' ? deps.store.tenants() : [context.tenant];
    return json(
      200,
      buildReport({
        tenant,
        generatedAt: toIso(machineNow()),
        journalCapacity: deps.options.journalSize,
        entries: deps.journal.query({ tenant }),
        operations: EMULATED.flatMap((api) => operationsOf(loadContract(api)).map((op) => ({ ...op, api }))),
        rules: tenants.flatMap((each) => deps.scenarios.rulesOf?.(each) ?? []),
      }),
    );
  },
};
