import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gateFailures } from '../server/cli/gate.js';
import { formatJunit } from '../server/cli/junit.js';
import { parseReportArgs } from '../server/cli/report.js';
import type { Report } from '../server/report/types.js';
import { runCli } from './helpers/process.js';
import { createTenant, serveSandbox, type TestSandbox } from './helpers/sandbox.js';
import { findAll, parseXml } from './helpers/xml.js';

describe('tink-sandbox report', () => {
  let sandbox: TestSandbox;
  let listening: { url: string };
  before(async () => {
    sandbox = listening = await serveSandbox();
  });
  after(() => sandbox.close());

  async function offContractTenant() {
    const tenant = await createTenant(sandbox);
    const res = await fetch(`${listening.url}/api/v1/oauth/tokens`, {
      method: 'POST',
      headers: { 'x-sandbox-tenant': tenant.id },
    });
    assert.equal(res.status, 404);
    return tenant;
  }

  it('exits 0 and prints PASSED for a clean client', async () => {
    const tenant = await createTenant(sandbox);
    const { code, stdout, stderr } = await runCli(['report', '--url', listening.url, '--tenant', tenant.id]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, new RegExp(`tink-sandbox report for tenant ${tenant.id}: 0 request`));
    assert.match(stdout, /Violations: 0 request\(s\)/);
    assert.match(stdout, /Result: PASSED\n$/);
  });

  it('exits 1 and names the off-contract request when violations are gated', async () => {
    const tenant = await offContractTenant();
    const { code, stdout } = await runCli(['report', '--url', `${listening.url}/`, '--tenant', tenant.id]);
    assert.equal(code, 1);
    assert.match(stdout, /POST\s+\/api\/v1\/oauth\/tokens\s+unknown-path\s+1/);
    assert.match(
      stdout,
      /req-\S+ POST \/api\/v1\/oauth\/tokens 404 unknown-path at \/api\/v1\/oauth\/tokens/,
    );
    assert.match(
      stdout,
      /Result: FAILED: 1 request\(s\) broke a contract; 1 request\(s\) matched no operation\n$/,
    );
  });

  it('exits 0 with --fail-on none, and only on the chosen conditions', async () => {
    const tenant = await offContractTenant();
    const none = await runCli(['report', '--url', listening.url, '--tenant', tenant.id, '--fail-on', 'none']);
    assert.equal(none.code, 0);
    assert.match(none.stdout, /Result: PASSED/);
    const rules = await runCli([
      'report',
      '--url',
      listening.url,
      '--tenant',
      tenant.id,
      '--fail-on',
      'unused-rules',
    ]);
    assert.equal(rules.code, 0);
  });

  it('prints the report as JSON, with the verdict on standard error', async () => {
    const tenant = await offContractTenant();
    const { code, stdout, stderr } = await runCli([
      'report',
      '--url',
      listening.url,
      '--tenant',
      tenant.id,
      '--format',
      'json',
    ]);
    assert.equal(code, 1);
    const report = JSON.parse(stdout) as Report;
    assert.equal(report.tenant, tenant.id);
    assert.equal(report.clean, false);
    assert.deepEqual(report.violations.byRule, { 'unknown-path': 1 });
    assert.match(stderr, /^tink-sandbox report: FAILED/);
  });

  it('writes well-formed JUnit XML to a file, one failing testcase per violation', async () => {
    const tenant = await offContractTenant();
    const file = join(tmpdir(), `tsb-report-${process.pid}.xml`);
    const { code, stdout } = await runCli([
      'report',
      '--url',
      listening.url,
      '--tenant',
      tenant.id,
      '--format',
      'junit',
      '--output',
      file,
    ]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const root = parseXml(readFileSync(file, 'utf8'));
    assert.equal(root.name, 'testsuites');
    const suites = findAll(root, 'testsuite');
    const violations = suites.find((s) => s.attributes.name === 'tink-sandbox.violations')!;
    assert.equal(violations.attributes.failures, '1');
    const [testcase] = findAll(violations, 'testcase');
    assert.equal(testcase!.attributes.classname, 'tink-sandbox.tink.unmatched');
    assert.match(testcase!.attributes.name ?? '', /^unknown-path POST \/api\/v1\/oauth\/tokens at /);
    assert.equal(
      findAll(testcase!, 'failure')[0]!.attributes.message,
      'no operation at POST /api/v1/oauth/tokens',
    );
  });

  it('exits 2 on usage errors and 3 when the sandbox cannot be reached', async () => {
    const missing = await runCli(['report']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /required option '--url <url>' not specified/);
    const format = await runCli(['report', '--url', listening.url, '--format', 'html']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format: expected one of table, json, junit, got "html"/);
    const tenant = await runCli(['report', '--url', listening.url, '--tenant', 'nobody']);
    assert.equal(tenant.code, 3);
    assert.match(tenant.stderr, /answered 404: unknown tenant 'nobody'/);
    const closed = await runCli(['report', '--url', 'http://127.0.0.1:9']);
    assert.equal(closed.code, 3);
    assert.match(closed.stderr, /cannot get the report/);
  });
});

describe('report gate and formats', () => {
  const report: Report = {
    tenant: 'default',
    generatedAt: '2026-01-01T00:00:00.000Z',
    requests: 1,
    journalCapacity: 1000,
    clean: true,
    operations: [
      {
        api: 'tink',
        operationId: 'createUser',
        method: 'POST',
        path: '/api/v1/user/create',
        requests: 1,
        statuses: { '200': 1 },
        violations: 0,
      },
      {
        api: 'xs2a',
        operationId: 'listAccounts',
        method: 'GET',
        path: '/v1/accounts',
        requests: 0,
        statuses: {},
        violations: 0,
      },
    ],
    unmatched: [],
    violations: { requests: 0, byRule: {}, items: [] },
    scenarioRules: {
      fired: [{ scenario: 'a&b', rule: '<first>', requests: 1 }],
      unused: [{ scenario: 'a&b', rule: 'never "fired"' }],
    },
  };

  it('fails on unused rules only when asked to', () => {
    assert.deepEqual(gateFailures(report, ['violations', 'unmatched']), []);
    assert.deepEqual(gateFailures(report, ['unused-rules']), ['1 scenario rule(s) never fired']);
  });

  it('escapes names in JUnit XML, skips uncalled operations and ungated rules', () => {
    const root = parseXml(formatJunit(report, ['violations']));
    const cases = findAll(root, 'testcase');
    assert.deepEqual(
      cases.map((c) => c.attributes.name),
      [
        'createUser (POST /api/v1/user/create)',
        'listAccounts (GET /v1/accounts)',
        'no contract violations',
        '<first>',
        'never "fired"',
      ],
    );
    assert.equal(findAll(cases[1]!, 'skipped')[0]!.attributes.message, 'never called');
    assert.equal(cases[3]!.attributes.classname, 'tink-sandbox.scenario.a&b');
    assert.equal(findAll(cases[4]!, 'skipped').length, 1);
    const gated = parseXml(formatJunit(report, ['unused-rules']));
    assert.equal(findAll(gated, 'failure').length, 1);
  });

  it('parses the documented command lines', () => {
    assert.deepEqual(
      parseReportArgs([
        '--url',
        'http://sandbox:8080/',
        '--tenant',
        '*',
        '--fail-on',
        'violations,unmatched,unused-rules',
        '--format',
        'junit',
        '--output',
        'r.xml',
      ]),
      {
        url: 'http://sandbox:8080',
        tenant: '*',
        failOn: ['violations', 'unmatched', 'unused-rules'],
        format: 'junit',
        output: 'r.xml',
      },
    );
    assert.throws(() => parseReportArgs(['--url', 'ftp://x']), /--url: expected an http\(s\) URL/);
    assert.throws(
      () => parseReportArgs(['--url', 'http://x', '--fail-on', 'drift']),
      /unknown condition "drift"/,
    );
  });
});
