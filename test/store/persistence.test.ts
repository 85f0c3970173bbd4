import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, startCli, stop } from '../helpers/process.js';
import { startSandbox } from '../helpers/sandbox.js';

const dataFile = () => join(mkdtempSync(join(tmpdir(), 'tsb-data-')), 'state.json');

describe('persistence with --data', () => {
  it('keeps 200 concurrent writes across a restart', async () => {
    const file = dataFile();
    const first = await startSandbox({ dataFile: file });
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        first.http.post('/__admin/tenants').send({ name: `job-${i}`, demoData: false }),
      ),
    );
    assert.ok(created.every((res) => res.status === 201));
    await first.close();

    const second = await startSandbox({ dataFile: file });
    const { tenants } = (await second.http.get('/__admin/tenants').expect(200)).body as {
      tenants: Array<{ id: string; name: string }>;
    };
    const names = new Set(tenants.map((t) => t.name));
    for (let i = 0; i < 200; i += 1) assert.ok(names.has(`job-${i}`), `job-${i} was lost`);
    const ids = created.map((res) => res.body.id as string);
    assert.deepEqual(
      ids.filter((id) => !tenants.some((t) => t.id === id)),
      [],
    );
    await second.close();
  });

  it('answers a write only once its change is on disk', async () => {
    const file = dataFile();
    const sandbox = await startSandbox({ dataFile: file });
    const res = await sandbox.http.post('/__admin/tenants').send({ name: 'durable' }).expect(201);
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(onDisk.tenants[res.body.id].name, 'durable');
    await sandbox.close();
  });

  it('restores the state exactly, clock included', async () => {
    const file = dataFile();
    const first = await startSandbox({
      dataFile: file,
      clockStart: '2026-03-01T00:00:00.000Z',
      clockFrozen: true,
    });
    await first.http.post('/__admin/clock/advance').send({ by: 'P10D' }).expect(200);
    const before = (await first.http.get('/__admin/state').expect(200)).body;
    await first.close();
    const second = await startSandbox({ dataFile: file });
    const after = (await second.http.get('/__admin/state').expect(200)).body;
    assert.deepEqual(after, before);
    assert.equal(after.clock.now, '2026-03-11T00:00:00.000Z');
    await second.close();
  });

  it('leaves a loadable file when killed with SIGKILL in the middle of a write burst', async () => {
    const file = dataFile();
    const sandbox = await startCli(['--data', file, '--log-level', 'info']);
    const burst = Array.from({ length: 300 }, (_, i) =>
      fetch(`${sandbox.url}/__admin/tenants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `burst-${i}` }),
      }).catch(() => null),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    await stop(sandbox.child, 'SIGKILL');
    await Promise.all(burst);
    const state = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(state.version, 1);
    assert.ok(state.tenants.default, 'the default tenant survived');
    const restarted = await startSandbox({ dataFile: file });
    await restarted.http.get('/__admin/health').expect(200);
    await restarted.close();
  });

  it('refuses to start from a corrupt file and leaves it unchanged', async () => {
    const file = dataFile();
    writeFileSync(file, '{"version":1,"tenants":{"default":');
    const before = readFileSync(file);
    const { code, stderr } = await runCli(['--data', file]);
    assert.equal(code, 2);
    assert.match(stderr, /is not valid JSON .*left unchanged/);
    assert.deepEqual(readFileSync(file), before);
  });

  it('refuses a JSON file that is not a sandbox state', async () => {
    const file = dataFile();
    writeFileSync(file, '{"users":[]}');
    const { code, stderr } = await runCli(['--data', file]);
    assert.equal(code, 2);
    assert.match(stderr, /is not a tink-sandbox state of version 1/);
    assert.equal(readFileSync(file, 'utf8'), '{"users":[]}');
  });
});
