import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOpenApi } from '../../server/http/openapi.js';
import { routerFor } from '../../server/http/router.js';

describe('router', () => {
  it('matches every contract operation the way openapi-backend does, params decoded', async () => {
    for (const name of ['tink', 'xs2a', 'admin'] as const) {
      const api = await createOpenApi(name);
      const router = routerFor(api);
      for (const operation of api.getOperations()) {
        const path = operation.path.replace(/\{[^}]+\}/g, 'id%20x');
        const ours = router.match(operation.method, path);
        const theirs = api.matchOperation({ method: operation.method, path, headers: {}, query: {} });
        assert.equal(ours?.operation.operationId, theirs?.operationId, `${name} ${operation.method} ${path}`);
        for (const value of Object.values(ours?.params ?? {})) assert.equal(value, 'id x');
      }
    }
  });

  it('prefers a static path over a templated one, and ignores a trailing slash', async () => {
    const router = routerFor(await createOpenApi('tink'));
    assert.equal(
      router.match('POST', '/data/v2/connector/accounts:delete')?.operation.operationId,
      'deleteAccountsV2',
    );
    assert.equal(
      router.match('post', '/data/v2/connector/accounts/')?.operation.operationId,
      'upsertAccountsV2',
    );
    assert.equal(router.match('GET', '/data/v2/connector/operations/op-1')?.params.operationId, 'op-1');
  });

  it('names the methods a path accepts, for 405 answers', async () => {
    const router = routerFor(await createOpenApi('xs2a'));
    assert.deepEqual(router.methodsAt('/v1/api/users').sort(), ['GET', 'PUT']);
    assert.deepEqual(router.methodsAt('/v1/nowhere'), []);
    assert.equal(router.match('PATCH', '/v1/api/users'), undefined);
  });
});
