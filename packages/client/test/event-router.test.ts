import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaHarness, notificationItem as item } from './area-harness.js';

// No request is made here: the router only routes what the stream gives.
const harness = () => areaHarness({ baseUrl: 'http://127.0.0.1:9' });

describe('the event router', () => {
  it('reports and drops an event that is not JSON or not the protocol, and goes on', async () => {
    const { send, notifications, settle, titles, errors } = harness();
    notifications.restore({ items: [], cursor: null, hasMore: false, filter: {} });
    send('notification.created', '{"id": "broken", ');
    send('notification.created', { id: 'n9', title: 'missing fields' });
    send('notification.created', item('n4', 1, { title: '<script>alert(1)</script>' }));
    await settle();
    assert.deepEqual(titles(), ['<script>alert(1)</script>'], 'markup stays plain data');
    assert.deepEqual(
      errors.map((error) => error.kind),
      ['invalid-response', 'invalid-response'],
    );
  });

  it('asks for a resync on a gap in the event ids, on a new id space, and on a reset', () => {
    const { send, skipIds, missed } = harness();
    send('counts', { unreadNotifications: 0, pendingInvitations: 0 });
    send('counts', { unreadNotifications: 0, pendingInvitations: 0 });
    assert.deepEqual(missed, []);
    skipIds(5); // the next id skips 3..5
    send('counts', { unreadNotifications: 0, pendingInvitations: 0 });
    assert.deepEqual(missed, [false]);
    send('counts', { unreadNotifications: 0, pendingInvitations: 0 }, 'bbbb-1');
    assert.deepEqual(missed, [false, false]);
    send('reset', { reason: 'unknown-id' }, 'cccc-1');
    assert.deepEqual(missed, [false, false, true]);
  });

  it('announces a created notification once, even before the feed is loaded, and not its duplicate', () => {
    const { send, announced } = harness();
    send('notification.created', item('n1', 1));
    send('notification.created', item('n1', 1), 'aaaa-1');
    assert.deepEqual(
      announced.map((n) => n.id),
      ['n1'],
    );
  });

  it('forgets nothing of an unknown event: it is skipped, for forward compatibility', () => {
    const { send, errors, router } = harness();
    send('track.renamed', { id: 't1' });
    assert.deepEqual(errors, []);
    assert.equal(router.lastEventId, '');
  });
});
