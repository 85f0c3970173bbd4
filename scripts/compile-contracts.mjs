#!/usr/bin/env node
// Build step. The contracts are YAML, written and reviewed by people; parsing them with `yaml` costs
// about 200 ms at every start, JSON.parse well under 1 ms. So the build writes a JSON copy of each to
// dist/contracts/, which the server reads when it is at least as new as its YAML (server/http/openapi.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'contracts');
mkdirSync(out, { recursive: true });
for (const file of readdirSync(join(root, 'contracts')).filter((name) => name.endsWith('.yaml'))) {
  const document = parse(readFileSync(join(root, 'contracts', file), 'utf8'));
  writeFileSync(join(out, file.replace(/\.yaml$/, '.json')), JSON.stringify(document));
}
