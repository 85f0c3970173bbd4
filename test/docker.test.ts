import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startCli, stop } from './helpers/process.js';

/**
 * No Docker engine runs on our machines, so this runs what the Dockerfile runs, each stage with only
 * the files that stage copies: the build stage's `npm run build`, the runtime stage's
 * production-only install, its COPY layout, its CMD and its HEALTHCHECK command.
 */
const root = join(import.meta.dirname, '..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const [buildStage = '', runtimeStage = ''] = dockerfile.split(/^FROM /m).slice(1);

/** The sources of a stage's plain `COPY src dest` lines (not `--from`). */
function copiedPaths(stage: string): string[] {
  return [...stage.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(' '));
}

function execForm(instruction: string): string[] {
  const match = new RegExp(
    `^${instruction}\\s+(?:--\\S+\\s+|\\\\\\n\\s*)*(?:CMD\\s+)?(\\[.*\\])\\s*$`,
    'ms',
  ).exec(dockerfile.split(/\n(?=[A-Z]+ )/).find((line) => line.startsWith(instruction)) ?? '');
  assert.ok(match, `Dockerfile has an exec-form ${instruction}`);
  return JSON.parse(match[1]!.replace(/\\\n\s*/g, ''));
}

describe('container image commands', () => {
  it('uses a multi-stage build, a non-root user and a health check on /__admin/health', () => {
    assert.equal(dockerfile.match(/^FROM /gm)?.length, 2);
    assert.match(dockerfile, /^USER node$/m);
    assert.match(dockerfile, /HEALTHCHECK[\s\S]*\/__admin\/health/);
    assert.match(dockerfile, /npm ci --omit=dev --ignore-scripts/);
    assert.match(dockerfile, /^RUN npm run build$/m);
  });

  it('builds, installs production dependencies only, starts with CMD and passes HEALTHCHECK', {
    timeout: 180_000,
  }, async () => {
    // Build stage: only what it copies, with the dependencies its `npm ci` would install.
    const build = mkdtempSync(join(tmpdir(), 'tsb-build-'));
    for (const path of copiedPaths(buildStage))
      cpSync(join(root, path), join(build, path), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(build, 'node_modules'));
    execFileSync('npm', ['run', 'build'], { cwd: build, stdio: 'pipe' });

    // Runtime stage: what it copies, plus the build stage's dist.
    const image = mkdtempSync(join(tmpdir(), 'tsb-image-'));
    for (const path of copiedPaths(runtimeStage))
      cpSync(join(root, path), join(image, path), { recursive: true });
    cpSync(join(build, 'dist'), join(image, 'dist'), { recursive: true });
    execFileSync(
      'npm',
      ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
      {
        cwd: image,
        stdio: 'pipe',
      },
    );
    assert.throws(
      () => readFileSync(join(image, 'node_modules', 'typescript', 'package.json')),
      'no dev dependencies',
    );

    const cmd = execForm('CMD');
    assert.deepEqual(cmd.slice(0, 1), ['node']);
    // The image listens on 0.0.0.0; tests listen on loopback only.
    const sandbox = await startCli(
      [],
      { NODE_ENV: 'production', TINK_SANDBOX_HOST: '127.0.0.1' },
      join(image, cmd[1]!),
    );
    const port = new URL(sandbox.url).port;
    const health = execForm('HEALTHCHECK');
    execFileSync(health[0]!, health.slice(1), {
      env: { ...process.env, TINK_SANDBOX_PORT: port },
      timeout: 5000,
    });
    const res = await fetch(`${sandbox.url}/__admin/health`);
    assert.equal(((await res.json()) as { status: string }).status, 'ok');
    const ui = await fetch(`${sandbox.url}/__admin/ui`);
    assert.equal(ui.status, 200, 'the image serves the dashboard from its ui/ folder');
    assert.equal(await stop(sandbox.child), 0);
  });
});
