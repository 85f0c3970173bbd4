import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { expectContract, operationIds } from '../helpers/contract.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';

const root = join(import.meta.dirname, '..', '..');
const shipped = (name: string) => readFileSync(join(root, 'contracts', `${name}.yaml`), 'utf8');

describe('published contracts', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('lists every contract with its operation count and where to read it', async () => {
    const res = await sandbox.http.get('/__admin/contracts').expect(200);
    await expectContract(res, 'listContracts');
    assert.deepEqual(
      res.body.contracts.map((c: { name: string }) => c.name),
      ['tink', 'xs2a', 'admin'],
    );
    const admin = res.body.contracts[2];
    assert.equal(admin.operations, (await operationIds('admin')).length);
    assert.equal(admin.url, '/__admin/contracts/admin');
    assert.equal(admin.docs, '/__admin/docs/admin');
  });

  it('serves each contract as shipped in YAML by default', async () => {
    for (const name of ['tink', 'xs2a', 'admin']) {
      const res = await sandbox.http.get(`/__admin/contracts/${name}`).expect(200);
      await expectContract(res, 'getContract');
      assert.match(res.headers['content-type'] ?? '', /^application\/yaml/);
      assert.equal(res.text, shipped(name));
    }
  });

  it('serves JSON for Accept: application/json or format=json', async () => {
    const byAccept = await sandbox.http.get('/__admin/contracts/admin').set('accept', 'application/json');
    await expectContract(byAccept, 'getContract');
    assert.deepEqual(byAccept.body, parse(shipped('admin')));
    const byQuery = await sandbox.http.get('/__admin/contracts/tink?format=json').expect(200);
    assert.deepEqual(byQuery.body, parse(shipped('tink')));
  });

  it('answers 404 problem+json naming the known contracts for an unknown name, 400 for a bad format', async () => {
    const res = await sandbox.http.get('/__admin/contracts/stripe').expect(404);
    await expectContract(res, 'getContract');
    assert.equal(res.body.detail, "no contract 'stripe'; known: tink, xs2a, admin");
    const bad = await sandbox.http.get('/__admin/contracts/tink?format=xml').expect(400);
    await expectContract(bad, 'getContract');
    assert.equal(bad.body.errors[0].field, 'format');
  });

  it('ships the contracts in the npm package', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(pkg.files.includes('contracts'));
    assert.match(readFileSync(join(root, 'Dockerfile'), 'utf8'), /^COPY contracts \.\/contracts$/m);
  });
});

describe('API reference page', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('lists the contracts with links to their pages and documents', async () => {
    const res = await sandbox.http.get('/__admin/docs').expect(200);
    assert.match(res.headers['content-type'] ?? '', /^text\/html/);
    for (const name of ['tink', 'xs2a', 'admin']) {
      assert.ok(res.text.includes(`href="/__admin/docs/${name}"`), name);
      assert.ok(res.text.includes(`href="/__admin/contracts/${name}"`), name);
    }
  });

  it('renders every operation of a contract grouped by tag, with parameters and schemas', async () => {
    const res = await sandbox.http.get('/__admin/docs/admin').expect(200);
    for (const operationId of await operationIds('admin')) {
      assert.ok(res.text.includes(`id="${operationId}"`), `${operationId} has a section`);
    }
    for (const tag of ['health', 'tenants', 'clock', 'violations', 'contracts']) {
      assert.ok(res.text.includes(`<h2 id="tag-${tag}">${tag}</h2>`), tag);
    }
    const advance = res.text.slice(res.text.indexOf('id="advanceClock"'), res.text.indexOf('id="getState"'));
    assert.match(advance, /<td><code>by<\/code><\/td><td>string<\/td>/, 'request body fields as a table');
    assert.match(advance, /<td><code>tenant<\/code><\/td><td>query<\/td>/, 'parameters with where they go');
    assert.match(advance, /<details><summary>schema as JSON<\/summary>/);
    assert.ok(!advance.includes('$ref'), 'references are resolved');
  });

  it('needs no network: no scripts, stylesheets or images from elsewhere', async () => {
    for (const path of ['/__admin/docs', '/__admin/docs/admin', '/__admin/docs/tink']) {
      const { text } = await sandbox.http.get(path).expect(200);
      assert.doesNotMatch(text, /<(script|link|img)\b/);
      assert.doesNotMatch(text, /(src|href)="(https?:)?\/\//);
    }
  });

  it('says so when a contract has no operations yet, and 404s an unknown one', async () => {
    const stub = await sandbox.http.get('/__admin/docs/xs2a').expect(200);
    if ((await operationIds('xs2a')).length === 0) assert.match(stub.text, /no operations yet/);
    const res = await sandbox.http.get('/__admin/docs/stripe').expect(404);
    assert.equal(res.body.type, 'urn:tink-sandbox:problem:not-found');
  });
});
