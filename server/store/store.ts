import { Low, Memory } from 'lowdb';
import { CoalescingJsonFile, StoreFileError } from './json-file.js';
import { type SandboxState, STATE_VERSION, type TenantData } from './types.js';

const emptyState = (): SandboxState => ({ version: STATE_VERSION, tenants: {} });

function checkShape(state: unknown, file: string): SandboxState {
  const candidate = state as Partial<SandboxState> | null;
  if (!candidate || typeof candidate !== 'object' || candidate.version !== STATE_VERSION) {
    throw new StoreFileError(
      `data file ${file} is not a tink-sandbox state of version ${STATE_VERSION}; it was left unchanged`,
    );
  }
  if (!candidate.tenants || typeof candidate.tenants !== 'object') {
    throw new StoreFileError(`data file ${file} has no "tenants" object; it was left unchanged`);
  }
  for (const [id, tenant] of Object.entries(candidate.tenants)) {
    if (!tenant || tenant.id !== id || !tenant.credentials || !tenant.clock || !tenant.tink || !tenant.xs2a) {
      throw new StoreFileError(
        `data file ${file}: tenant "${id}" is incomplete; the file was left unchanged`,
      );
    }
  }
  return candidate as SandboxState;
}

/**
 * All state of the sandbox, by tenant. In memory by default; with a data file, `commit()` resolves
 * once the current state is on disk (writes are coalesced, see CoalescingJsonFile).
 */
export class Store {
  private constructor(
    private readonly db: Low<SandboxState>,
    readonly file: string | undefined,
  ) {}

  static async open(file?: string): Promise<Store> {
    if (!file) {
      const db = new Low<SandboxState>(new Memory<SandboxState>(), emptyState());
      return new Store(db, undefined);
    }
    const db = new Low<SandboxState>(new CoalescingJsonFile<SandboxState>(file), emptyState());
    await db.read();
    db.data = checkShape(db.data, file);
    return new Store(db, file);
  }

  get persistent(): boolean {
    return this.file !== undefined;
  }

  tenant(id: string): TenantData | undefined {
    return this.db.data.tenants[id];
  }

  tenants(): TenantData[] {
    return Object.values(this.db.data.tenants);
  }

  /** The first tenant for which `test` holds: credentials and tokens find their tenant this way. */
  findTenant(test: (tenant: TenantData) => boolean): TenantData | undefined {
    for (const tenant of Object.values(this.db.data.tenants)) if (test(tenant)) return tenant;
    return undefined;
  }

  putTenant(tenant: TenantData): void {
    this.db.data.tenants[tenant.id] = tenant;
  }

  removeTenant(id: string): boolean {
    if (!this.db.data.tenants[id]) return false;
    delete this.db.data.tenants[id];
    return true;
  }

  /** The whole state, for snapshots. */
  exportState(): SandboxState {
    return structuredClone(this.db.data);
  }

  replaceState(state: SandboxState): void {
    this.db.data = checkShape(state, 'snapshot');
  }

  /** Makes the current state durable (a no-op in memory). */
  async commit(): Promise<void> {
    if (this.persistent) await this.db.write();
  }
}
