import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startDemo } from '../serve.js';

describe('npm start (examples/vanilla)', () => {
  it('serves the host page, the elements bundle and the live API on one origin', async () => {
    const server = await startDemo(0);
    try {
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      const html = await page.text();
      for (const tag of [
        'pd-provider',
        'pd-activity-feed',
        'pd-bell-badge',
        'pd-invitations',
        'pd-toaster',
        'pd-preferences-form',
      ]) {
        assert.match(html, new RegExp(`<${tag}[ >]`), tag);
      }
      const bundle = await fetch(`${server.url}/pd-notify.js`);
      assert.equal(bundle.status, 200);
      assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
      const code = await bundle.text();
      for (const tag of ['pd-activity-feed', 'pd-invitations', 'pd-preferences-form', 'pd-sync-status']) {
        assert.match(code, new RegExp(tag), tag);
      }
      const counts = await fetch(`${server.url}/v1/counts`, { headers: { Authorization: 'Bearer demo-alice' } });
      assert.deepEqual(await counts.json(), { unreadNotifications: 8, pendingInvitations: 3 });
    } finally {
      await server.close();
    }
  });
});
