import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UI_CSP, uiDir } from '../../server/ui/pages.js';
import { startSandbox, type TestSandbox } from '../helpers/sandbox.js';

const root = join(import.meta.dirname, '..', '..');
const files = readdirSync(uiDir);

/** Every `http://` or `https://` in a file, except an XML namespace name (an identifier, never fetched). */
function absoluteUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'`)<>]*/g)]
    .map((match) => match[0])
    .filter((url) => url !== 'http://www.w3.org/2000/svg');
}

describe('dashboard pages', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('serves the dashboard at /__admin/ui as HTML with a same-origin-only Content-Security-Policy', async () => {
    for (const path of ['/__admin/ui', '/__admin/ui/']) {
      const res = await sandbox.http.get(path).expect(200);
      assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
      assert.equal(res.headers['content-security-policy'], UI_CSP);
      assert.match(res.headers['content-security-policy'] ?? '', /default-src 'self'/);
      assert.match(res.headers['content-security-policy'] ?? '', /connect-src 'self'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.match(res.text, /<title>tink-sandbox · QA dashboard<\/title>/);
    }
  });

  it('serves every script, stylesheet and icon the page loads, each with its content type', async () => {
    const html = readFileSync(join(uiDir, 'index.html'), 'utf8');
    const referenced = [...html.matchAll(/(?:src|href)="(\/__admin\/ui\/[^"]+)"/g)].map((m) => m[1]!);
    const modules = files
      .filter((name) => name.endsWith('.js'))
      .flatMap((name) =>
        [...readFileSync(join(uiDir, name), 'utf8').matchAll(/from '\.\/([\w-]+\.js)'/g)].map((m) => m[1]!),
      );
    assert.ok(modules.includes('api.js'), 'app.js imports its modules relatively');
    const expected: Record<string, RegExp> = {
      js: /^text\/javascript; charset=utf-8$/,
      css: /^text\/css; charset=utf-8$/,
      svg: /^image\/svg\+xml$/,
    };
    for (const path of new Set([...referenced, ...modules.map((name) => `/__admin/ui/${name}`)])) {
      const res = await sandbox.http.get(path).responseType('blob').expect(200);
      const ext = path.split('.').pop()!;
      assert.match(res.headers['content-type'] ?? '', expected[ext]!, path);
      assert.equal(res.headers['content-security-policy'], UI_CSP, path);
      const file = readFileSync(join(uiDir, path.slice('/__admin/ui/'.length)));
      assert.ok(file.equals(res.body as Buffer), `${path} is the file in ui/`);
    }
  });

  it('references no other host: no absolute URL, no protocol-relative URL, no inline script or style', () => {
    for (const name of files) {
      const text = readFileSync(join(uiDir, name), 'utf8');
      assert.deepEqual(absoluteUrls(text), [], `${name} names an external host`);
      assert.doesNotMatch(text, /(?:src|href|action)\s*=\s*["']\/\//, `${name} has a protocol-relative URL`);
      assert.doesNotMatch(
        text,
        /@import|url\(\s*["']?(?:https?:)?\/\//,
        `${name} pulls in a remote stylesheet`,
      );
    }
    const html = readFileSync(join(uiDir, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script is a file the CSP allows');
    assert.doesNotMatch(html, /\sstyle=|<style/, 'styles live in style.css');
    assert.doesNotMatch(html, /\son[a-z]+=/, 'no inline event handlers');
  });

  it('serves only the files in ui/: anything else under /__admin/ui is an admin 404', async () => {
    for (const path of ['/__admin/ui/nope.js', '/__admin/ui/%2e%2e/package.json', '/__admin/ui/index.html']) {
      const res = await sandbox.http.get(path).expect(404);
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/, path);
    }
    const res = await sandbox.http.post('/__admin/ui').expect(404);
    assert.equal(res.body.type, 'urn:tink-sandbox:problem:not-found');
  });

  it('does not journal the dashboard itself', async () => {
    await sandbox.http.get('/__admin/ui').expect(200);
    await sandbox.http.get('/__admin/ui/app.js').expect(200);
    const res = await sandbox.http.post('/__admin/requests/count?tenant=*').send({}).expect(200);
    assert.deepEqual(res.body, { count: 0 });
  });

  it('ships ui/ in the npm package and the container image', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    assert.ok(pkg.files.includes('ui'));
    assert.match(readFileSync(join(root, 'Dockerfile'), 'utf8'), /^COPY ui \.\/ui$/m);
  });
});
