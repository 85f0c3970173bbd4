import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OPTION_SPECS } from '../server/config.js';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('documents every option with its flag and environment variable', () => {
    for (const spec of OPTION_SPECS) {
      assert.ok(readme.includes(spec.env), `README does not mention ${spec.env}`);
      assert.ok(readme.includes(`\`${spec.flag.split(' ')[0]}`), `README does not mention ${spec.flag}`);
    }
  });

  it('names the test command that .ci/run runs', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    const command = /^(npm run check)$/m.exec(ci)?.[1];
    assert.equal(command, 'npm run check');
    assert.ok(readme.includes(`\n${command}\n`), 'README shows the same test command');
  });
});
