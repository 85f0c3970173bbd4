import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { parseReportArgs } from '../server/cli/report.js';
import { serveSandbox, type TestSandbox } from './helpers/sandbox.js';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const version = (JSON.parse(read('package.json')) as { version: string }).version;
/** The image's start command, e.g. `node dist/server/main.js`. */
const imageCmd = JSON.parse(/^CMD (\[.*\])$/m.exec(read('Dockerfile'))![1]!) as string[];

/** Runs a health command as the container would (asynchronously: the sandbox runs in this process). */
async function healthy(command: string[], port: string): Promise<boolean> {
  const [program, ...args] = command.map((part) => part.replaceAll(':8080', `:${port}`));
  return promisify(execFile)(program!, args, { timeout: 5000 }).then(
    () => true,
    () => false,
  );
}

/** The report command's arguments after the image's start command. */
function reportArgs(argv: string[]): string[] {
  assert.deepEqual(argv.slice(0, imageCmd.length), imageCmd, 'runs the image’s own entry point');
  assert.equal(argv[imageCmd.length], 'report');
  return argv.slice(imageCmd.length + 1);
}

describe('examples', () => {
  let sandbox: TestSandbox;
  let listening: { url: string };
  before(async () => {
    sandbox = listening = await serveSandbox();
  });
  after(() => sandbox.close());
  const port = () => new URL(listening.url).port;

  it('runs the Node example against the built package', { timeout: 60_000 }, () => {
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT; // report as a run of its own, not as part of ours
    const output = execFileSync(
      process.execPath,
      ['--test', join(root, 'examples', 'node-test', 'sandbox.test.mjs')],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    assert.match(output, /# pass 1\n/);
    assert.match(output, /# fail 0\n/);
  });

  it('GitHub Actions: uses the container as a service, waits for health, gates with the report command', async () => {
    const workflow = parse(read('examples/github-actions.yml'));
    const job = workflow.jobs['contract-tests'];
    const service = job.services['tink-sandbox'];
    assert.match(service.image, new RegExp(`/tink-sandbox:${version.replaceAll('.', '\\.')}$`));
    assert.deepEqual(service.ports, ['8080:8080']);
    const health = /--health-cmd "((?:[^"\\]|\\.)*)"/.exec(service.options)![1]!.replaceAll('\\"', '"');
    assert.ok(await healthy(['sh', '-c', health], port()), `health command works: ${health}`);
    const runs = job.steps
      .map((step: { run?: string }) => step.run ?? '')
      .filter((run: string) => /\breport\b/.test(run));
    assert.equal(runs.length, 2);
    for (const run of runs) {
      const argv = run
        .replace(/^docker exec \$\{\{ job\.services\.tink-sandbox\.id \}\}\s+/, '')
        .replace(/\s*>\s*\S+$/, '')
        .replaceAll("'*'", '*')
        .split(/\s+/);
      const command = parseReportArgs(reportArgs(argv));
      assert.ok(!('help' in command));
      assert.equal(command.url, 'http://127.0.0.1:8080');
    }
    assert.match(runs[1]!, /--fail-on violations,unmatched$/);
  });

  it('docker-compose: the sandbox is healthy before the client and the report run against it', async () => {
    const compose = parse(read('examples/docker-compose.ci.yml'));
    const {
      'tink-sandbox': sandboxService,
      'client-tests': client,
      'contract-report': report,
    } = compose.services;
    assert.equal(sandboxService.image, `tink-sandbox:${version}`);
    assert.equal(sandboxService.build, '..');
    assert.ok(await healthy(sandboxService.healthcheck.test.slice(1), port()), 'health check command works');
    for (const service of [client, report])
      assert.deepEqual(service.depends_on, { 'tink-sandbox': { condition: 'service_healthy' } });
    assert.equal(client.environment.TINK_BASE_URL, 'http://tink-sandbox:8080');
    assert.equal(report.image, sandboxService.image);
    const command = parseReportArgs(reportArgs(report.command));
    assert.ok(!('help' in command));
    assert.equal(command.url, 'http://tink-sandbox:8080');
    assert.deepEqual(command.failOn, ['violations', 'unmatched']);
  });

  it('docs/ci.md shows each example and the report’s exit statuses', () => {
    const guide = read('docs/ci.md');
    for (const path of [
      'examples/github-actions.yml',
      'examples/docker-compose.ci.yml',
      'examples/node-test/sandbox.test.mjs',
    ])
      assert.ok(guide.includes(path), path);
    for (const status of ['`0`', '`1`', '`2`', '`3`']) assert.ok(guide.includes(status), status);
  });
});
