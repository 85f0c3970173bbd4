#!/usr/bin/env node
// Runs every test file under test/ with node's own runner. Node 20 does not expand `**` globs,
// so the file list is built here. Extra arguments (e.g. a file path) narrow the run.
// After a full run that passed, the contract coverage gate checks what the tests validated.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(process.cwd(), path)] : [];
  });
}

const args = process.argv.slice(2);
const files = args.length ? args : testFiles('test').sort();
const env = { ...process.env, NODE_ENV: 'test' };
// Each test process leaves what it validated here; a full run starts from nothing.
if (!args.length)
  rmSync(join(import.meta.dirname, '..', 'test-output', 'contract-coverage'), {
    recursive: true,
    force: true,
  });
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env,
});
if (result.status !== 0 || args.length) process.exit(result.status ?? 1);
const gate = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'contract-coverage.ts')],
  {
    stdio: 'inherit',
    env,
  },
);
process.exit(gate.status ?? 1);
