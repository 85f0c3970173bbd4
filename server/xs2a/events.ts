import { nextId } from '../store/ids.js';
import type { TenantData } from '../store/types.js';
import type { BankConnection, Xs2aEventType } from './state.js';
import { connectionView } from './wire.js';

/** Records a bank-connection event (names are ours: the real ones are undocumented, fidelity.md). */
export function emitEvent(
  tenant: TenantData,
  at: number,
  type: Xs2aEventType,
  connection: BankConnection,
  message: string,
): void {
  tenant.xs2a.events.push({
    id: nextId(tenant, 'evt_'),
    transaction: connection.transaction,
    type,
    message,
    data: connectionView(connection),
    createdAt: at,
  });
}
