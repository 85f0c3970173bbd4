import { clockNow } from '../clock.js';
import type { SandboxDeps } from '../deps.js';
import { parseBody } from '../http/body.js';
import type { Page } from '../http/dispatch.js';
import type { SandboxRequest, SandboxResponse } from '../http/types.js';
import { defaultXs2aBehaviour } from './behaviour.js';
import { findSessionByKey } from './sessions.js';
import { navigate } from './wizard/engine.js';
import { renderWizardPage } from './wizard/html.js';

const PATH = /^\/wizard\/([A-Za-z0-9_-]+)\/?$/;

const html = (status: number, body: string): SandboxResponse => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

/**
 * The wizard for a person: `GET /wizard/{key}` shows the session's current form, and the form posts
 * back to the same address. Same state machine as `POST /v1/api/wizard`; the key is the credential.
 */
async function handle(params: Record<string, string>, request: SandboxRequest, deps: SandboxDeps) {
  const found = findSessionByKey(deps.store.tenants(), params.key!);
  if (!found) return html(404, '<!doctype html><title>Not found</title><p>Unknown wizard session.</p>');
  const { tenant, session } = found;
  const now = clockNow(tenant.clock);
  deps.timeline.settle(tenant, now);
  const parsed = request.method === 'POST' ? parseBody(request) : { ok: true as const, body: {} };
  const input = (parsed.ok && parsed.body && typeof parsed.body === 'object' ? parsed.body : {}) as Record<
    string,
    unknown
  >;
  const behaviour = tenant.behaviour.xs2a ?? defaultXs2aBehaviour();
  const response = navigate({ tenant, now, behaviour }, session, input);
  await deps.store.commit();
  return html(200, renderWizardPage(`/wizard/${session.key}`, response));
}

const match = (path: string) => {
  const m = PATH.exec(path);
  return m ? { key: m[1]! } : null;
};

/** The wizard as an HTML page (`GET`/`POST /wizard/{key}`), served outside the contract. */
export const xs2aPages: Page[] = [
  { method: 'GET', match, handle },
  { method: 'POST', match, handle },
];
