import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { type Document, OpenAPIBackend } from 'openapi-backend';
import { parse } from 'yaml';
import { runSurface, type Surface } from '../../server/http/surface.js';
import type { SandboxRequest } from '../../server/http/types.js';
import { contentTypeViolation, VIOLATION_RULES, violationSummary } from '../../server/http/violations.js';
import { expectContract } from '../helpers/contract.js';
import { startSandbox } from '../helpers/sandbox.js';

const fixture = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'things.yaml'), 'utf8'));

const request = (contentType: string | undefined, body: string): SandboxRequest => ({
  method: 'POST',
  path: '/things',
  query: {},
  headers: contentType ? { 'content-type': contentType } : {},
  rawBody: Buffer.from(body),
});

describe('the content-type rule', () => {
  let api: OpenAPIBackend;
  before(async () => {
    api = new OpenAPIBackend({ definition: fixture as Document, quick: true });
    await api.init();
  });

  it('accepts a declared media type with parameters, and bodiless requests', () => {
    const operation = api.getOperation('createThing')!;
    assert.equal(contentTypeViolation(request('application/json; charset=utf-8', '{}'), operation), null);
    assert.equal(contentTypeViolation(request(undefined, ''), operation), null);
  });

  it('names the media type sent and the ones declared', () => {
    const operation = api.getOperation('createThing')!;
    assert.deepEqual(contentTypeViolation(request('text/plain', 'name=x'), operation), {
      source: 'request',
      rule: 'content-type',
      where: 'content-type',
      message: 'content-type text/plain is not accepted by createThing; expected application/json',
    });
    assert.match(contentTypeViolation(request(undefined, '{}'), operation)!.message, /^no content-type/);
  });

  it('answers through the surface’s own rejectBody when it has no content-type hook, before the handler', async () => {
    const sandbox = await startSandbox();
    let handled = false;
    const surface: Surface = {
      name: 'tink',
      api,
      handlers: {
        createThing: () => {
          handled = true;
          return { status: 201, body: { id: '1' } };
        },
      },
      owns: () => true,
      authenticate: () => ({ ok: true, tenant: sandbox.deps.store.tenant('default')!, principal: null }),
      rejectBody: (_routed, kind, detail) => ({ status: 400, body: { kind, detail } }),
      rejectInvalid: () => ({ status: 400, body: { kind: 'invalid' } }),
      notFound: () => ({ status: 404 }),
    };
    const outcome = await runSurface(surface, request('application/xml', '<name/>'), sandbox.deps);
    assert.equal(handled, false);
    assert.deepEqual(outcome.response.body, {
      kind: 'malformed',
      detail: 'content-type application/xml is not accepted by createThing; expected application/json',
    });
    assert.deepEqual(
      outcome.violations.map((v) => v.rule),
      ['content-type'],
    );
    const ok = await runSurface(surface, request('application/json', '{"name":"a"}'), sandbox.deps);
    assert.equal(ok.response.status, 201);
    assert.deepEqual(ok.violations, []);
    await sandbox.close();
  });

  it('is answered as invalid-request naming the content-type on the admin API', async () => {
    const sandbox = await startSandbox();
    const res = await sandbox.http.post('/__admin/tenants').type('text/plain').send('name=x').expect(400);
    assert.deepEqual(res.body.errors, [
      {
        field: 'content-type',
        message: 'content-type text/plain is not accepted by createTenant; expected application/json',
      },
    ]);
    assert.equal((await sandbox.http.get('/__admin/tenants')).body.tenants.length, 1, 'nothing created');
    await sandbox.close();
  });
});

describe('the rule catalogue and the summary', () => {
  it('documents every rule the surfaces and the contract check produce', () => {
    for (const rule of ['unknown-path', 'method-not-allowed', 'schema', 'malformed-body', 'too-large-body']) {
      assert.ok(rule in VIOLATION_RULES, rule);
    }
    for (const rule of ['content-type', 'auth-missing', 'auth-scheme', 'auth-invalid', 'undeclared-status']) {
      assert.ok(rule in VIOLATION_RULES, rule);
    }
  });

  it('summarises schema violations by message and others by where', () => {
    const summary = violationSummary([
      {
        source: 'request',
        rule: 'schema',
        where: '/accounts/0',
        message: '/accounts/0 must have required property externalId',
      },
      {
        source: 'request',
        rule: 'auth-scheme',
        where: 'authorization',
        message: 'Basic given, Bearer expected',
      },
    ]);
    assert.equal(
      summary,
      '2 violations: schema /accounts/0 must have required property externalId; auth-scheme authorization',
    );
  });
});

describe('a body sent to an operation that takes none', () => {
  it('is ignored, as the real servers ignore it: no parse error, no violation', async () => {
    const sandbox = await startSandbox();
    const res = await sandbox.http
      .get('/__admin/clock')
      .set('content-type', 'application/json')
      .send('{"not json')
      .expect(200);
    await expectContract(res, 'getClock');
    assert.equal(typeof res.body.now, 'string');
    await sandbox.close();
  });
});
