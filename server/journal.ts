import { machineNow, toIso } from './clock.js';
import { redactBody } from './http/redact.js';
import type { Fault, Query } from './http/types.js';

export type ApiName = 'tink' | 'xs2a' | 'admin' | 'ui';

/** A way in which a request or a response broke its contract. */
export interface Violation {
  source: 'request' | 'response';
  /** A stable code: `unknown-path`, `method-not-allowed`, `schema`, `malformed-body`, `auth-scheme`, ... */
  rule: string;
  /** Where: a JSON pointer into the body, a parameter or a header name. */
  where: string;
  message: string;
}

export interface JournalEntry {
  id: string;
  /** Machine time the request arrived. */
  time: string;
  /** The tenant's virtual time when it was handled, if the tenant is known. */
  clock: string | null;
  tenant: string | null;
  api: ApiName | null;
  operationId: string | null;
  method: string;
  path: string;
  query: Query;
  status: number;
  latencyMs: number;
  request: { headers: Record<string, string>; body: string | null };
  response: { headers: Record<string, string>; body: string | null };
  scenario: { name: string; rule: string | null } | null;
  violations: Violation[];
  fault: Fault | null;
}

export interface JournalFilter {
  /** A tenant id, or `*` for every tenant and unattributed requests. */
  tenant?: string;
  method?: string;
  /** An exact path, or a pattern where `*` matches any run of characters. */
  path?: string;
  /** An exact status, or a class such as `4xx`. */
  status?: string;
  operationId?: string;
  /** ISO-8601 machine time: only requests at or after it. */
  since?: string;
  limit?: number;
}

/** Bodies above this size are journaled as a note, not kept. */
const MAX_BODY_CHARS = 64 * 1024;

export function journalBody(text: string | null): string | null {
  if (text === null || text.length <= MAX_BODY_CHARS) return text;
  return `[${text.length} characters not kept]`;
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

function matches(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.tenant !== '*' && entry.tenant !== (filter.tenant ?? 'default')) return false;
  if (filter.method && entry.method !== filter.method.toUpperCase()) return false;
  if (filter.operationId && entry.operationId !== filter.operationId) return false;
  if (
    filter.path &&
    !(filter.path.includes('*') ? globToRegExp(filter.path).test(entry.path) : entry.path === filter.path)
  ) {
    return false;
  }
  if (filter.status) {
    const wanted = filter.status.toLowerCase();
    const actual = String(entry.status);
    if (wanted.endsWith('xx') ? actual[0] !== wanted[0] : actual !== wanted) return false;
  }
  if (filter.since && entry.time < filter.since) return false;
  return true;
}

/** A body as text, parsed by its content type so that its secret fields can be redacted. */
function parseBodyText(text: string | null, headers: Record<string, string>): unknown {
  if (text === null || text === '') return null;
  if ((headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An entry as shown outside the process: bodies parsed, secrets redacted. */
export function presentEntry(entry: JournalEntry): Omit<JournalEntry, 'request' | 'response'> & {
  request: { headers: Record<string, string>; body: unknown };
  response: { headers: Record<string, string>; body: unknown };
} {
  return {
    ...entry,
    request: {
      headers: entry.request.headers,
      body: redactBody(parseBodyText(entry.request.body, entry.request.headers)),
    },
    response: {
      headers: entry.response.headers,
      body: redactBody(parseBodyText(entry.response.body, entry.response.headers)),
    },
  };
}

/** The request journal: a bounded ring of the latest requests of all tenants, newest last inside. */
export class Journal {
  private entries: JournalEntry[] = [];
  private counter = 0;

  constructor(private readonly capacity: number) {}

  nextId(): string {
    this.counter += 1;
    return `req-${machineNow().toString(36)}-${this.counter.toString(36)}`;
  }

  record(entry: JournalEntry): void {
    this.entries.push(entry);
    // Trim in batches so that recording stays O(1) amortised.
    if (this.entries.length > this.capacity + Math.max(16, this.capacity >> 3)) {
      this.entries = this.entries.slice(this.entries.length - this.capacity);
    }
  }

  /** Newest first. */
  query(filter: JournalFilter = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const limit = filter.limit ?? Number.POSITIVE_INFINITY;
    const floor = Math.max(0, this.entries.length - this.capacity);
    for (let i = this.entries.length - 1; i >= floor && out.length < limit; i -= 1) {
      const entry = this.entries[i]!;
      if (matches(entry, filter)) out.push(entry);
    }
    return out;
  }

  count(filter: JournalFilter = {}): number {
    return this.query({ ...filter, limit: Number.POSITIVE_INFINITY }).length;
  }

  /** Forgets the entries of one tenant, or (with `*`) all entries. */
  clear(tenant: string): number {
    const before = this.entries.length;
    this.entries = tenant === '*' ? [] : this.entries.filter((entry) => entry.tenant !== tenant);
    return before - this.entries.length;
  }

  exportEntries(): JournalEntry[] {
    return this.entries.slice(Math.max(0, this.entries.length - this.capacity));
  }

  importEntries(entries: JournalEntry[]): void {
    this.entries = entries.slice(-this.capacity);
  }
}

export const describeNow = (): string => toIso(machineNow());
