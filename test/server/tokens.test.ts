import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createApp } from '../../src/server/app.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

/** Bound beyond loopback, every API request needs the token (checked in-process: no port is opened). */
describe('convoy serve: the token for reads', () => {
  const store = openSqliteStore(':memory:');
  after(() => store.close());
  const app = createApp({ store, stack: 'shop', now: Date.now, token: 's3cret', tokenForReads: true });

  it('refuses the API without the token, and answers with it (header, or ?token= for EventSource)', async () => {
    const tries: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: 's3cret' },
    ];
    for (const headers of tries) {
      const r = await app.request('/api/stacks', { headers });
      assert.equal(r.status, 401);
      assert.match(((await r.json()) as { error: string }).error, /token/);
    }
    assert.equal(
      (await app.request('/api/stacks', { headers: { Authorization: 'Bearer s3cret' } })).status,
      200,
    );
    assert.equal((await app.request('/api/stacks/shop/queue?token=s3cret')).status, 200);
    assert.equal((await app.request('/api/stacks/shop/queue?token=s3cre')).status, 401);
  });

  it('serves the page itself (it holds no data) and refuses actions that are off', async () => {
    assert.equal((await app.request('/')).status, 200);
    const r = await app.request('/api/stacks/shop/rollback', {
      method: 'POST',
      headers: { Authorization: 'Bearer s3cret' },
    });
    assert.equal(r.status, 403);
  });
});
