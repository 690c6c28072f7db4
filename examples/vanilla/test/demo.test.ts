import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startDemo } from '../serve.js';

describe('npm start (examples/vanilla)', () => {
  it('serves the host page, the elements bundle and the live API on one origin', async () => {
    const server = await startDemo(0);
    try {
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<pd-activity-feed id="feed" token="demo-alice">/);
      const bundle = await fetch(`${server.url}/pd-notify.js`);
      assert.equal(bundle.status, 200);
      assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
      assert.match(await bundle.text(), /pd-activity-feed/);
      const counts = await fetch(`${server.url}/v1/counts`, { headers: { Authorization: 'Bearer demo-alice' } });
      assert.deepEqual(await counts.json(), { unreadNotifications: 8, pendingInvitations: 3 });
    } finally {
      await server.close();
    }
  });
});
