import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Notification } from '@pd-notify/protocol';
import type { NotificationsState } from '../src/index.js';
import { NotificationList } from '../src/sync/notification-list.js';
import { areaHarness, notificationItem as item } from './area-harness.js';
import { control, eventually, referenceServerForFile, heldFetch } from './helpers.js';

const server = referenceServerForFile({ seed: 'empty' });

async function loaded(options: { pageSize?: number; maxItems?: number } = {}) {
  const harness = areaHarness({ baseUrl: server().url, ...options });
  assert.equal(await harness.notifications.load(), true);
  return harness;
}

const notify = async (title: string): Promise<Notification> =>
  (
    (await control(server(), '/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title,
      message: '',
    })) as {
      notification: Notification;
    }
  ).notification;

describe('the notifications area applies events idempotently and in version order', () => {
  it('drops a duplicate (same id, or same version) and never lets an older version win', async () => {
    const { send, settle, titles } = await loaded();
    send('notification.created', item('n1', 1));
    send('notification.created', item('n1', 1), 'aaaa-1'); // the same event again
    send('notification.updated', item('n1', 3, { readAt: '2026-11-23T09:05:00.000Z' }));
    send('notification.updated', item('n1', 2)); // late and older
    await settle();
    assert.deepEqual(titles(), ['n1 v3']);
  });

  it('remembers a removal that arrives before its creation', async () => {
    const { send, settle, titles } = await loaded();
    send('notification.removed', { id: 'n2', version: 2 });
    send('notification.created', item('n2', 1));
    send('notification.created', item('n3', 1));
    await settle();
    assert.deepEqual(titles(), ['n3 v1']);
  });

  it('orders by creation time, newest first, whatever the arrival order', async () => {
    const { send, settle, titles } = await loaded();
    send('notification.created', item('old', 1, { createdAt: '2026-11-23T08:00:00.000Z' }));
    send('notification.created', item('new', 1, { createdAt: '2026-11-23T10:00:00.000Z' }));
    send('notification.created', item('mid', 1, { createdAt: '2026-11-23T09:00:00.000Z' }));
    await settle();
    assert.deepEqual(titles(), ['new v1', 'mid v1', 'old v1']);
  });

  it('holds nothing from the stream before its first load (a bell-only page keeps no rows)', async () => {
    const { send, settle, notifications } = areaHarness({ baseUrl: server().url });
    send('notification.created', item('early', 1));
    await settle();
    assert.deepEqual(notifications.$notifications.get().items, []);
    assert.equal(notifications.$notifications.get().status, 'idle');
  });
});

describe('loading', () => {
  it('is ready only together with its items: no subscriber ever sees ready and an empty list that is not empty', async () => {
    await notify('first');
    await notify('second');
    const { notifications } = areaHarness({ baseUrl: server().url });
    const seen: NotificationsState[] = [];
    const stop = notifications.$notifications.listen((state) => seen.push(state));
    await notifications.load();
    await eventually(() => assert.ok(seen.some((state) => state.status === 'ready')));
    stop();
    const statuses = seen.map((state) => state.status);
    assert.deepEqual(statuses, ['loading', 'ready']);
    assert.deepEqual(
      seen.find((state) => state.status === 'ready')?.items.map((n) => n.title),
      ['second', 'first'],
    );
  });

  it('keeps what the stream changed while its answer was in flight', async () => {
    const first = await notify('will be read');
    const { fetch: held, release } = heldFetch();
    const { notifications, send, settle } = areaHarness({ baseUrl: server().url, fetch: held });
    const loading = notifications.load();
    await eventually(() => assert.equal(notifications.$notifications.get().status, 'loading'));
    send('notification.updated', { ...first, version: first.version + 1, readAt: '2026-11-23T10:00:00.000Z' });
    release();
    await loading;
    await settle();
    assert.notEqual(notifications.$notifications.get().items[0]!.readAt, null);
  });

  it('replacing what is held (another id space): takes what the stream brought during the load over the page, by the new versions', async () => {
    const kept = await notify('on the server');
    const gone = await notify('removed during the load');
    const { fetch: held, release } = heldFetch();
    const { notifications, send, settle, titles } = areaHarness({ baseUrl: server().url, fetch: held });
    // An earlier visit's state from another id space: the same ids name other notifications, at higher versions.
    const old = { createdAt: '2026-01-01T09:00:00.000Z' };
    notifications.restore(
      {
        items: [item('reused', 7, { ...old, title: 'the old id space’s' }), { ...gone, ...old, version: 9 }],
        cursor: null,
        hasMore: false,
        filter: {},
      },
      'cached',
    );
    notifications.replaceNext();
    const loading = notifications.load();
    // While the page is on its way (it was computed before these): one created, one removed.
    const later = new Date(Date.parse(kept.createdAt) + 60_000).toISOString();
    send('notification.created', item('reused', 1, { createdAt: later, title: 'created during the load' }));
    send('notification.removed', { id: gone.id, version: gone.version + 1 });
    release();
    assert.equal(await loading, true);
    await settle();
    assert.deepEqual(titles(), ['created during the load', 'on the server']);
  });

  it('announces what a reload brings that is newer than what was shown, and nothing of the first load', async () => {
    await notify('old');
    const { notifications, announced } = await loaded();
    assert.equal(announced.length, 0);
    await notify('arrived while the stream was down');
    await notifications.load();
    assert.deepEqual(
      announced.map((n) => n.title),
      ['arrived while the stream was down'],
    );
  });
});

describe('NotificationList.replaceHead', () => {
  it('keeps loaded items created at the same instant as the fresh page’s last one (they may come after it)', () => {
    const list = new NotificationList();
    const held = ['a', 'b', 'c', 'd'].map((id) => item(id, 1));
    for (const notification of held) list.upsert(notification, true);
    // A resync's first page of two: a and b; c and d share their creation time and stay.
    list.replaceHead(held.slice(0, 2), false, () => false, true);
    assert.deepEqual(
      list.view().map((n) => n.id),
      ['a', 'b', 'c', 'd'],
    );
    // A complete page is the whole truth: what it lacks is gone.
    list.replaceHead(held.slice(0, 2), true, () => false, true);
    assert.deepEqual(
      list.view().map((n) => n.id),
      ['a', 'b'],
    );
  });
});

describe('the memory bound (maxItems)', () => {
  it('keeps the newest items as the stream brings more, and loads the dropped ones again on scroll, in order', async () => {
    const { notifications, send, titles } = await loaded({ pageSize: 5, maxItems: 10 });
    for (let i = 1; i <= 30; i++) send('notification.created', await notify(`n${i}`));
    const newest = (count: number) => Array.from({ length: count }, (_, i) => `n${30 - i}`);
    // Past twice the bound (21 items) the oldest were dropped down to 10; nine more came since.
    await eventually(() => assert.deepEqual(titles(), newest(19)));
    assert.equal(notifications.$notifications.get().hasMore, true);
    await notifications.loadMore();
    await eventually(() => assert.deepEqual(titles(), newest(20), 'the next older item, no duplicates'));
    while (notifications.$notifications.get().hasMore) {
      await notifications.loadMore();
      await eventually(() => assert.equal(notifications.$notifications.get().loadingMore, false));
    }
    assert.deepEqual(titles(), newest(30));
    // What the user loaded is never trimmed by new arrivals.
    send('notification.created', await notify('n31'));
    await eventually(() => assert.equal(notifications.$notifications.get().items.length, 31));
  });
});
