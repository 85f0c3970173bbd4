import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, startCli, stop } from './helpers/process.js';

describe('command line', () => {
  it('exits 2 with a one-line message naming an unknown option', async () => {
    const { code, stderr } = await runCli(['--colour', 'blue']);
    assert.equal(code, 2);
    assert.match(stderr, /^tink-sandbox: unknown option '--colour'/);
    assert.equal(stderr.trim().split('\n').length, 1);
  });

  it('exits 2 naming the option and the accepted values for a bad value', async () => {
    const port = await runCli(['--port', 'eighty']);
    assert.equal(port.code, 2);
    assert.match(port.stderr, /--port: expected an integer from 0 to 65535, got "eighty"/);
    const level = await runCli([], { TINK_SANDBOX_LOG_LEVEL: 'loud' });
    assert.equal(level.code, 2);
    assert.match(
      level.stderr,
      /TINK_SANDBOX_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"/,
    );
  });

  it('exits 2 when the config file cannot be read or has unknown options', async () => {
    const missing = await runCli(['--config', '/nonexistent/sandbox.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--config: cannot read \/nonexistent\/sandbox.yaml: ENOENT/);
    const file = join(tmpdir(), `tsb-config-${process.pid}.yaml`);
    writeFileSync(file, 'prot: 8080\n');
    const unknown = await runCli(['--config', file]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option "prot"/);
  });

  it('prints help and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--scenarios-dir <dir>/);
    assert.match(stdout, /TINK_SANDBOX_PORT/);
  });

  it('answers health soon after start and exits 0 on SIGTERM', async () => {
    const sandbox = await startCli([]);
    const res = await fetch(`${sandbox.url}/__admin/health`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { status: string }).status, 'ok');
    assert.equal(await stop(sandbox.child, 'SIGTERM'), 0);
  });

  it('exits 0 on SIGINT', async () => {
    const sandbox = await startCli([]);
    assert.equal(await stop(sandbox.child, 'SIGINT'), 0);
  });

  it('takes options from a config file, overridden by the environment and flags', async () => {
    const file = join(tmpdir(), `tsb-config-ok-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ seed: 7, credentials: { xs2aApiKey: 'from-file' } }));
    const sandbox = await startCli(['--config', file, '--seed', '9'], {
      TINK_SANDBOX_XS2A_API_KEY: 'from-env',
    });
    const tenant = (await (await fetch(`${sandbox.url}/__admin/tenants/default`)).json()) as {
      seed: number;
      xs2a: { apiKey: string };
    };
    assert.equal(tenant.seed, 9);
    assert.equal(tenant.xs2a.apiKey, 'from-env');
    await stop(sandbox.child);
  });
});
