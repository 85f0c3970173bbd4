import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { builtinScenariosDir } from '../../server/paths.js';
import { parseScenario, parseScenarioFile } from '../../server/scenarios/load.js';
import { expectContract } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';

const valid = (name: string, status = 418) => `name: ${name}
description: answers ${status}
rules:
  - name: teapot
    respond: { status: ${status} }
`;

const broken = `name: broken-one
description: three mistakes
rules:
  - name: a
    delay: { fixed: -5 }
  - name: a
    fualt: connection-reset
    fault: connection-reset
`;

describe('loading scenario files', () => {
  let sandbox: TestSandbox;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsb-scenarios-'));
    writeFileSync(join(dir, 'mine.yaml'), valid('mine'));
    writeFileSync(join(dir, 'bad.yaml'), broken);
    sandbox = await startSandbox({ scenariosDir: dir });
  });
  after(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts every built-in scenario file', () => {
    const files = readdirSync(builtinScenariosDir).filter((f) => f.endsWith('.yaml'));
    assert.equal(files.length, 13);
    for (const file of files) {
      const outcome = parseScenarioFile(join(builtinScenariosDir, file));
      assert.ok(outcome.ok, `${file}: ${JSON.stringify(!outcome.ok && outcome.errors)}`);
      assert.equal(`${outcome.definition.name}.yaml`, file);
    }
  });

  it('reports every error of a malformed file with the file, the JSON pointer and the line', () => {
    const outcome = parseScenario(broken, 'bad.yaml');
    assert.equal(outcome.ok, false);
    const errors = !outcome.ok ? outcome.errors : [];
    assert.deepEqual(
      errors.map((e) => [e.file, e.path, e.line]),
      [
        ['bad.yaml', '/rules/0/delay/fixed', 5],
        ['bad.yaml', '/rules/1/fualt', 7],
      ],
    );
    assert.match(errors[0]!.message, />= 0/);
    assert.match(errors[1]!.message, /not a known field/);
  });

  it('checks what the schema cannot: repeated rule names and rules that answer twice', () => {
    const outcome = parseScenario(
      'name: x\ndescription: d\nrules:\n  - {name: a, fault: empty-response}\n  - {name: a, fault: empty-response, respond: {status: 200}}\n',
      'x.yaml',
    );
    assert.ok(!outcome.ok);
    assert.deepEqual(
      outcome.errors.map((e) => e.path),
      ['/rules/1/name', '/rules/1'],
    );
  });

  it('names the line of a YAML syntax error', () => {
    const outcome = parseScenario('name: x\ndescription: [unclosed\n', 'syntax.yaml');
    assert.ok(!outcome.ok);
    assert.equal(outcome.errors[0]!.file, 'syntax.yaml');
    assert.match(outcome.errors[0]!.message, /not valid YAML/);
  });

  it('lists built-in and directory scenarios with their source; the invalid file is left out', async () => {
    const res = await sandbox.http.get('/__admin/scenarios').expect(200);
    await expectContract(res, 'listScenarios');
    const byName = new Map(res.body.scenarios.map((s: { name: string }) => [s.name, s]));
    assert.equal(byName.size, 14);
    assert.deepEqual(byName.get('mine'), {
      name: 'mine',
      description: 'answers 418',
      source: 'directory',
      file: join(dir, 'mine.yaml'),
      rules: ['teapot'],
      states: ['Started'],
    });
    assert.equal((byName.get('rate-limited') as { source: string }).source, 'built-in');
    assert.ok(!byName.has('broken-one'));
  });

  it('loads a YAML body, and refuses an invalid one with 400 naming each error and its path', async () => {
    const created = await sandbox.http
      .post('/__admin/scenarios')
      .set('content-type', 'application/yaml')
      .send(valid('posted'))
      .expect(201);
    await expectContract(created, 'loadScenario');
    assert.equal(created.body.source, 'api');

    const res = await sandbox.http
      .post('/__admin/scenarios')
      .set('content-type', 'application/yaml')
      .send(broken)
      .expect(400);
    await expectContract(res, 'loadScenario');
    assert.equal(res.body.type, 'urn:tink-sandbox:problem:invalid-scenario');
    assert.deepEqual(
      res.body.errors.map((e: { file: string; path: string }) => [e.file, e.path]),
      [
        ['(request body)', '/rules/0/delay/fixed'],
        ['(request body)', '/rules/1/fualt'],
      ],
    );
    assert.match(res.body.detail, /\(request body\):5 \/rules\/0\/delay\/fixed must be >= 0/);
    const names = (await sandbox.http.get('/__admin/scenarios')).body.scenarios.map(
      (s: { name: string }) => s.name,
    );
    assert.ok(names.includes('posted') && !names.includes('broken-one'));
  });

  it('loads a JSON body too', async () => {
    const res = await sandbox.http
      .post('/__admin/scenarios')
      .send({ name: 'as-json', description: 'd', rules: [{ name: 'r', fault: 'empty-response' }] })
      .expect(201);
    assert.deepEqual(res.body.rules, ['r']);
  });

  it('re-reads the directory when a file changes; a broken edit keeps the previous version', async () => {
    const registry = sandbox.deps.scenarios.registry!;
    const reloaded = () => new Promise<unknown[]>((resolve) => (registry.onReload = resolve));
    let next = reloaded();
    writeFileSync(join(dir, 'mine.yaml'), valid('mine', 299));
    assert.deepEqual(await next, [
      { file: join(dir, 'bad.yaml'), path: '/rules/0/delay/fixed', line: 5, message: 'must be >= 0' },
      {
        file: join(dir, 'bad.yaml'),
        path: '/rules/1/fualt',
        line: 7,
        message: 'is not a known field (check the spelling against scenarios/scenario.schema.json)',
      },
    ]);
    assert.equal(registry.get('mine')?.definition.description, 'answers 299');

    next = reloaded();
    writeFileSync(join(dir, 'mine.yaml'), 'name: mine\ndescription: oops\nrules: nope\n');
    const errors = (await next) as Array<{ file: string; path: string }>;
    assert.ok(errors.some((e) => e.file.endsWith('mine.yaml') && e.path === '/rules'));
    assert.equal(registry.get('mine')?.definition.description, 'answers 299');

    next = reloaded();
    rmSync(join(dir, 'mine.yaml'));
    await next;
    assert.equal(registry.get('mine'), undefined);
  });

  it('fails fast on an unknown --scenario, listing the known ones', async () => {
    await assert.rejects(
      startSandbox({ scenario: 'consent-expirey' }),
      /unknown scenario 'consent-expirey'; known: bank-maintenance, .*consent-expiry/,
    );
  });
});
