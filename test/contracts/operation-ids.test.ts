import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { operationIds } from '../helpers/contract.js';

describe('operationIds', () => {
  it('are unique across the Tink, XS2A and admin contracts', async () => {
    // The journal, the report, scenario rules and the contract checks all name operations by id alone.
    const all = [
      ...(await operationIds('tink')),
      ...(await operationIds('xs2a')),
      ...(await operationIds('admin')),
    ];
    const repeated = all.filter((id, i) => all.indexOf(id) !== i);
    assert.deepEqual(repeated, []);
    assert.ok(all.length > 60, `${all.length} operations`);
  });
});
