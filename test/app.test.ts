import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSandbox } from '../server/index.js';

describe('createSandbox', () => {
  it('builds an app without listening, then listens on a free loopback port and closes', async () => {
    const sandbox = await createSandbox({ seed: 3, logLevel: 'silent' });
    const { url, close } = await sandbox.listen(0, '127.0.0.1');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${url}/__admin/tenants/default`);
    const tenant = (await res.json()) as { seed: number; tink: { clientId: string } };
    assert.equal(tenant.seed, 3);
    assert.equal(tenant.tink.clientId, 'sandbox-client-id');
    await close();
    await assert.rejects(fetch(`${url}/__admin/health`));
    await sandbox.close();
  });

  it('answers paths outside every API with a problem naming the APIs it serves', async () => {
    const sandbox = await createSandbox({ logLevel: 'silent' });
    const { url } = await sandbox.listen(0, '127.0.0.1');
    const res = await fetch(`${url}/favicon.ico`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const body = (await res.json()) as { detail: string };
    assert.match(body.detail, /serves the admin, tink, xs2a APIs/);
    await sandbox.close();
  });

  it('refuses an invalid clock option with a ConfigError', async () => {
    await assert.rejects(
      createSandbox({ clockStart: 'yesterday', logLevel: 'silent' }),
      /clockStart: expected an ISO-8601 date-time/,
    );
  });
});
