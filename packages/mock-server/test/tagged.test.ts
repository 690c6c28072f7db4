/**
 * Tagged answers (lists and counts) are kept by user and request until the
 * user's tag changes: every change shows at once, no user gets another's
 * answer, and a kept answer is byte for byte the one the store would give.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest } from '@pd-notify/conformance';
import type { NotificationPage } from '@pd-notify/protocol';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer({ seed: 'demo' });
});
after(() => t.close());

const list = (user: 'alice' | 'ben', query = '?limit=5') =>
  rawRequest(t.url, { target: `/v1/notifications${query}`, headers: { Authorization: `Bearer demo-${user}` } });

describe('tagged answers', () => {
  it('answers the same bytes while nothing changes, and the change as soon as something does', async () => {
    const first = await list('alice');
    const again = await list('alice');
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.etag, first.headers.etag);
    const unread = (first.json as NotificationPage).items.find((item) => item.readAt === null)!;
    assert.equal((await t.as('alice')('POST', `/v1/notifications/${unread.id}/read`)).status, 200);
    const after = await list('alice');
    assert.notEqual(after.headers.etag, first.headers.etag);
    const read = (after.json as NotificationPage).items.find((item) => item.id === unread.id)!;
    assert.notEqual(read.readAt, null);
    assert.deepEqual(after.json, (await t.as('alice')<NotificationPage>('GET', '/v1/notifications?limit=5')).body);
  });

  it('keeps answers apart by user and by query', async () => {
    const alice = await list('alice', '?limit=3');
    const ben = await list('ben', '?limit=3');
    assert.notDeepEqual(ben.body, alice.body);
    assert.ok(
      (ben.json as NotificationPage).items.every(
        (item) => !(alice.json as NotificationPage).items.some((a) => a.id === item.id),
      ),
    );
    assert.equal(((await list('alice', '?limit=1')).json as NotificationPage).items.length, 1);
    assert.equal(((await list('alice', '?limit=2')).json as NotificationPage).items.length, 2);
    const counts = await rawRequest(t.url, { target: '/v1/counts', headers: { Authorization: 'Bearer demo-ben' } });
    await t.control('/control/act', { action: 'notify', userId: 'ben', type: 'comment', title: 'x', message: '' });
    const more = await rawRequest(t.url, { target: '/v1/counts', headers: { Authorization: 'Bearer demo-ben' } });
    assert.equal(
      (more.json as { unreadNotifications: number }).unreadNotifications,
      (counts.json as { unreadNotifications: number }).unreadNotifications + 1,
    );
  });
});
