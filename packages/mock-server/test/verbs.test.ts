/**
 * The inbox's verbs over HTTP (issue #24): seen, archive, snooze (woken by the
 * server's clock), bulk changes and search, each per user, validated and
 * idempotent, with their stream events and counts.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BulkResult, Counts, Notification, NotificationPage } from '@pd-notify/protocol';
import { assertEventSchema, readEvents, type EventReader } from '@pd-notify/conformance';
import { addTrack, startTestServer, type TestServer } from './helpers.js';

const HOUR = 3_600_000;

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());
/** The server's clock time at the start of each test (the clock moves on across resets). */
let START: number;
beforeEach(async () => {
  await t.control('/control/reset', { seed: 'empty' });
  START = Date.parse((await t.control<{ now: string }>('/control/state', undefined, 'GET')).now);
});

const alice = <T = unknown>(method: string, path: string, body?: unknown) =>
  t.as('alice')<T>(method, path, body === undefined ? {} : { body });

/** Creates `count` notifications for alice (oldest first) and answers them newest first. */
async function notify(count: number, fields: Record<string, unknown> = {}): Promise<Notification[]> {
  await t.control('/control/act', {
    action: 'notify',
    userId: 'alice',
    type: 'comment',
    title: 'Note',
    message: '',
    count,
    ...fields,
  });
  return (await list('limit=100')).slice(0, count);
}

async function list(query = 'limit=100'): Promise<Notification[]> {
  const page = await alice<NotificationPage>('GET', `/v1/notifications?${query}`);
  assert.equal(page.status, 200, JSON.stringify(page.body));
  return page.body.items;
}

/** Every page of a list, following the cursors. */
async function allPages(query: string, limit = 2): Promise<Notification[]> {
  const items: Notification[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await alice<NotificationPage>('GET', `/v1/notifications?limit=${limit}&${query}${suffix}`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const counts = async () => (await alice<Counts>('GET', '/v1/counts')).body;
const get = async (id: string) => (await alice<Notification>('GET', `/v1/notifications/${id}`)).body;

/** A 400 problem naming `field`. */
function assertInvalid(reply: { status: number; body: unknown; contentType: string }, field: string, what = ''): void {
  assert.equal(reply.status, 400, `${what} ${JSON.stringify(reply.body)}`);
  assert.match(reply.contentType, /^application\/problem\+json/);
  assert.equal((reply.body as { field?: string }).field, field, what);
}

/** The first event after the `index`-th one that matches. */
const nextAfter = (stream: EventReader, index: number, predicate: (name: string, data: unknown) => boolean) =>
  stream.next((event) => stream.events.indexOf(event) >= index && predicate(event.event, JSON.parse(event.data)));

async function openStream(token = 'demo-alice'): Promise<EventReader> {
  const stream = await readEvents(t.url, token);
  await stream.next((event) => event.event === 'ready');
  return stream;
}

describe('seen', () => {
  it('new items are unseen and counted; seen by ids answers and sends one batch of what changed', async () => {
    const [c, b, a] = await notify(3);
    assert.equal(c!.seenAt, null);
    assert.deepEqual(await counts(), { unreadNotifications: 3, unseenNotifications: 3, pendingInvitations: 0 });
    const stream = await openStream();
    try {
      const from = stream.events.length;
      const seen = await alice<BulkResult>('POST', '/v1/notifications/seen', { ids: [a!.id, b!.id, b!.id] });
      assert.equal(seen.status, 200);
      assert.equal(seen.body.op, 'seen');
      assert.equal(seen.body.at, new Date(START).toISOString());
      assert.deepEqual(seen.body.items, [
        { id: a!.id, version: 2 },
        { id: b!.id, version: 2 },
      ]);
      const event = await nextAfter(stream, from, (name) => name === 'notifications.bulk');
      assertEventSchema(event);
      assert.deepEqual(JSON.parse(event.data), seen.body);
      const countsEvent = await nextAfter(stream, from, (name) => name === 'counts');
      assert.deepEqual(JSON.parse(countsEvent.data), {
        unreadNotifications: 3,
        unseenNotifications: 1,
        pendingInvitations: 0,
      });
    } finally {
      stream.close();
    }
    assert.equal((await get(a!.id)).seenAt, new Date(START).toISOString());
    assert.equal((await get(a!.id)).readAt, null, 'seen is not read');
    const again = await alice<BulkResult>('POST', '/v1/notifications/seen', { ids: [a!.id] });
    assert.deepEqual(again.body.items, [], 'already seen: nothing changes');
    assert.equal((await get(a!.id)).version, 2);
  });

  it('upToId marks that one and every older one seen; newer ones stay unseen', async () => {
    const [c, b, a] = await notify(3);
    const seen = await alice<BulkResult>('POST', '/v1/notifications/seen', { upToId: b!.id });
    assert.deepEqual(ids(seen.body.items), [a!.id, b!.id]);
    assert.equal((await get(c!.id)).seenAt, null);
    assert.equal((await counts()).unseenNotifications, 1);
  });

  it('marking read marks seen; marking unread keeps it seen', async () => {
    const [b, a] = await notify(2);
    const read = await alice<Notification>('POST', `/v1/notifications/${a!.id}/read`);
    assert.equal(read.body.seenAt, read.body.readAt);
    assert.equal(read.body.version, 2, 'one change, one version');
    const unread = await alice<Notification>('POST', `/v1/notifications/${a!.id}/unread`);
    assert.equal(unread.body.readAt, null);
    assert.equal(unread.body.seenAt, read.body.seenAt);
    await alice('POST', '/v1/notifications/read-all');
    assert.notEqual((await get(b!.id)).seenAt, null, 'read-all marks seen too');
    assert.deepEqual(await counts(), { unreadNotifications: 0, unseenNotifications: 0, pendingInvitations: 0 });
  });

  it('refuses a body without exactly one of ids and upToId, or with bad ids, naming the field', async () => {
    const [a] = await notify(1);
    const cases: [unknown, string][] = [
      [{}, 'ids'],
      [{ ids: [a!.id], upToId: a!.id }, 'upToId'],
      [{ ids: [] }, 'ids'],
      [{ ids: Array.from({ length: 101 }, (_, i) => `n${i}`) }, 'ids'],
      [{ ids: [42] }, 'ids.0'],
      [{ upToId: '' }, 'upToId'],
      [[a!.id], ''],
    ];
    for (const [body, field] of cases) {
      assertInvalid(await alice('POST', '/v1/notifications/seen', body), field, JSON.stringify(body));
    }
    assert.equal((await get(a!.id)).seenAt, null, 'nothing changed');
  });

  it('another user’s ids are 404 and nothing changes', async () => {
    const [a] = await notify(1);
    const ben = t.as('ben');
    assert.equal((await ben('POST', '/v1/notifications/seen', { body: { ids: [a!.id] } })).status, 404);
    assert.equal((await ben('POST', '/v1/notifications/seen', { body: { upToId: a!.id } })).status, 404);
    const [mine] = await notify(1);
    const mixed = await alice('POST', '/v1/notifications/seen', { ids: [mine!.id, 'n999999'] });
    assert.equal(mixed.status, 404);
    assert.equal((await get(mine!.id)).seenAt, null, 'all or nothing');
  });
});

describe('archive', () => {
  it('archives (read, out of the default list and the counts) and restores, a version each', async () => {
    const [b, a] = await notify(2);
    const stream = await openStream();
    try {
      const from = stream.events.length;
      const archived = await alice<Notification>('POST', `/v1/notifications/${a!.id}/archive`);
      assert.equal(archived.status, 200);
      assert.equal(archived.body.archivedAt, new Date(START).toISOString());
      assert.equal(archived.body.readAt, archived.body.archivedAt, 'archiving marks read');
      assert.equal(archived.body.seenAt, archived.body.archivedAt);
      assert.equal(archived.body.version, 2);
      const updated = await nextAfter(stream, from, (name) => name === 'notification.updated');
      assertEventSchema(updated);
      assert.deepEqual(JSON.parse(updated.data), archived.body);
      const countsEvent = await nextAfter(stream, from, (name) => name === 'counts');
      assert.equal((JSON.parse(countsEvent.data) as Counts).unreadNotifications, 1);
    } finally {
      stream.close();
    }
    assert.deepEqual(ids(await list()), [b!.id]);
    assert.deepEqual(ids(await list('archived=true')), [a!.id]);
    assert.deepEqual(await counts(), { unreadNotifications: 1, unseenNotifications: 1, pendingInvitations: 0 });
    const again = await alice<Notification>('POST', `/v1/notifications/${a!.id}/archive`);
    assert.equal(again.body.version, 2, 'archiving an archived item changes nothing');
    const restored = await alice<Notification>('POST', `/v1/notifications/${a!.id}/unarchive`);
    assert.equal(restored.body.archivedAt, null);
    assert.notEqual(restored.body.readAt, null, 'restored as it was: read');
    assert.equal(restored.body.version, 3);
    assert.deepEqual(ids(await list()), [b!.id, a!.id], 'back in its place');
    assert.equal((await alice<Notification>('POST', `/v1/notifications/${a!.id}/unarchive`)).body.version, 3);
  });

  it('lists only archived items with ?archived=true, newest first, page by page', async () => {
    const items = await notify(7);
    const archived = items.filter((_, i) => i % 2 === 0);
    for (const item of [...archived].reverse()) await alice('POST', `/v1/notifications/${item.id}/archive`);
    assert.deepEqual(ids(await allPages('archived=true')), ids(archived));
    assert.deepEqual(ids(await allPages('archived=false')), ids(items.filter((_, i) => i % 2 === 1)));
    const page = await alice<NotificationPage>('GET', '/v1/notifications?archived=true&limit=2');
    assert.equal(page.body.total, archived.length);
  });

  it('DELETE still removes an archived item for good', async () => {
    const [a] = await notify(1);
    await alice('POST', `/v1/notifications/${a!.id}/archive`);
    assert.equal((await alice('DELETE', `/v1/notifications/${a!.id}`)).status, 204);
    assert.equal((await alice('GET', `/v1/notifications/${a!.id}`)).status, 404);
    assert.deepEqual(await list('archived=true'), []);
  });
});

describe('one notification’s verbs: another user’s and malformed ids', () => {
  it('answers 404 for another user’s notification and 400 naming notificationId for a malformed one', async () => {
    const [a] = await notify(1);
    const ben = t.as('ben');
    const until = new Date(START + HOUR).toISOString();
    for (const verb of ['archive', 'unarchive', 'snooze', 'unsnooze']) {
      const body = verb === 'snooze' ? { body: { until } } : {};
      const reply = await ben<{ type: string }>('POST', `/v1/notifications/${a!.id}/${verb}`, body);
      assert.equal(reply.status, 404, verb);
      assert.equal(reply.body.type, 'urn:pd-notify:problem:not-found');
      assertInvalid(await alice('POST', `/v1/notifications/%C3%28/${verb}`, body.body), 'notificationId', verb);
    }
    assert.equal((await get(a!.id)).version, 1, 'nothing changed');
  });
});

describe('snooze', () => {
  it('refuses an until that is missing, not a time, past, or more than a year ahead, naming the field', async () => {
    const [a] = await notify(1);
    const snooze = (body: unknown) => alice('POST', `/v1/notifications/${a!.id}/snooze`, body);
    const yearAhead = new Date(START);
    yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
    for (const body of [
      {},
      { until: 'tomorrow' },
      { until: 42 },
      { until: new Date(START).toISOString() },
      { until: new Date(START - 1).toISOString() },
      { until: new Date(yearAhead.getTime() + 1).toISOString() },
    ]) {
      assertInvalid(await snooze(body), 'until', JSON.stringify(body));
    }
    assert.equal((await get(a!.id)).version, 1);
    const atLimit = await alice<Notification>('POST', `/v1/notifications/${a!.id}/snooze`, {
      until: yearAhead.toISOString(),
    });
    assert.equal(atLimit.status, 200, 'exactly a year ahead is allowed');
  });

  it('takes the item out of the default list and the counts; ?snoozed=true lists it; unsnooze puts it back where it was', async () => {
    const [b, a] = await notify(2);
    const until = new Date(START + HOUR).toISOString();
    const snoozed = await alice<Notification>('POST', `/v1/notifications/${a!.id}/snooze`, {
      until: '2026-11-23T11:00:00+01:00',
    });
    assert.equal(snoozed.status, 200);
    assert.equal(snoozed.body.snoozedUntil, until, 'stored as UTC');
    assert.equal(snoozed.body.readAt, null, 'snoozing does not mark read');
    assert.notEqual(snoozed.body.seenAt, null, 'snoozing is acting on it: seen');
    assert.deepEqual(ids(await list()), [b!.id]);
    assert.deepEqual(ids(await list('snoozed=true')), [a!.id]);
    assert.deepEqual(await counts(), { unreadNotifications: 1, unseenNotifications: 1, pendingInvitations: 0 });
    const same = await alice<Notification>('POST', `/v1/notifications/${a!.id}/snooze`, { until });
    assert.equal(same.body.version, snoozed.body.version, 'the same snooze again changes nothing');
    const back = await alice<Notification>('POST', `/v1/notifications/${a!.id}/unsnooze`);
    assert.equal(back.body.snoozedUntil, null);
    assert.equal(back.body.createdAt, a!.createdAt, 'an undone snooze keeps its time and place');
    assert.equal(back.body.version, snoozed.body.version + 1);
    assert.deepEqual(ids(await list()), [b!.id, a!.id]);
    await t.control('/control/clock/advance', { ms: 2 * HOUR });
    assert.equal((await get(a!.id)).version, back.body.version, 'an unsnoozed item does not wake later');
  });

  it('wakes when the server’s clock reaches until: unread on top, counted, told to every open stream, not emailed again', async () => {
    // security alerts are emailed by default
    await t.control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'security-alert',
      title: 'New sign-in',
      message: 'From Lisbon',
    });
    const [alert] = await list();
    await notify(2);
    await alice('POST', `/v1/notifications/${alert!.id}/read`);
    const until = new Date(START + HOUR).toISOString();
    const snoozed = await alice<Notification>('POST', `/v1/notifications/${alert!.id}/snooze`, { until });
    const outbox = async () =>
      (
        await t.control<{ items: { notificationId: string | null }[] }>(
          '/control/outbox?userId=alice',
          undefined,
          'GET',
        )
      ).items.filter((email) => email.notificationId === alert!.id);
    assert.equal((await outbox()).length, 1);
    assert.equal((await counts()).unreadNotifications, 2);
    const streams = [await openStream(), await openStream()];
    try {
      const from = streams.map((stream) => stream.events.length);
      await t.control('/control/clock/advance', { ms: 2 * HOUR });
      for (const [i, stream] of streams.entries()) {
        const woke = await nextAfter(
          stream,
          from[i]!,
          (name, data) => name === 'notification.updated' && (data as Notification).id === alert!.id,
        );
        assertEventSchema(woke);
        const item = JSON.parse(woke.data) as Notification;
        assert.equal(item.snoozedUntil, null);
        assert.equal(item.readAt, null, 'back unread');
        assert.equal(item.seenAt, null, 'and unseen');
        assert.equal(item.createdAt, until, 'it arrives again when it wakes');
        assert.equal(item.version, snoozed.body.version + 1);
        const countsEvent = await nextAfter(stream, stream.events.indexOf(woke), (name) => name === 'counts');
        assert.deepEqual(JSON.parse(countsEvent.data), {
          unreadNotifications: 3,
          unseenNotifications: 3,
          pendingInvitations: 0,
        });
      }
    } finally {
      for (const stream of streams) stream.close();
    }
    const [top] = await list();
    assert.equal(top!.id, alert!.id, 'on top of the feed');
    assert.deepEqual(await list('snoozed=true'), []);
    assert.equal((await outbox()).length, 1, 'not emailed again');
  });

  it('archiving a snoozed item ends the snooze; snoozing an archived item takes it out of the archive', async () => {
    const [b, a] = await notify(2);
    await alice('POST', `/v1/notifications/${a!.id}/snooze`, { until: new Date(START + HOUR).toISOString() });
    const archived = await alice<Notification>('POST', `/v1/notifications/${a!.id}/archive`);
    assert.equal(archived.body.snoozedUntil, null);
    await t.control('/control/clock/advance', { ms: 2 * HOUR });
    assert.deepEqual(await get(a!.id), archived.body, 'it did not wake');
    const until = new Date(START + 3 * HOUR).toISOString();
    const snoozed = await alice<Notification>('POST', `/v1/notifications/${b!.id}/archive`).then(() =>
      alice<Notification>('POST', `/v1/notifications/${b!.id}/snooze`, { until }),
    );
    assert.equal(snoozed.body.archivedAt, null);
    assert.deepEqual(ids(await list('snoozed=true')), [b!.id]);
    assert.deepEqual(ids(await list('archived=true')), [a!.id]);
  });

  it('a dismissed snoozed item never wakes', async () => {
    const [a] = await notify(1);
    await alice('POST', `/v1/notifications/${a!.id}/snooze`, { until: new Date(START + HOUR).toISOString() });
    await alice('DELETE', `/v1/notifications/${a!.id}`);
    await t.control('/control/clock/advance', { ms: 2 * HOUR });
    assert.deepEqual(await list(), []);
    assert.equal((await alice('GET', `/v1/notifications/${a!.id}`)).status, 404);
  });
});

describe('bulk', () => {
  it('applies an op to ids: answers and sends one batch of what changed, with the new versions', async () => {
    const [c, b, a] = await notify(3);
    await alice('POST', `/v1/notifications/${c!.id}/read`);
    const stream = await openStream();
    try {
      const from = stream.events.length;
      const read = await alice<BulkResult>('POST', '/v1/notifications/bulk', {
        op: 'read',
        ids: [a!.id, b!.id, c!.id],
      });
      assert.equal(read.status, 200);
      assert.equal(read.body.op, 'read');
      assert.deepEqual(read.body.items, [
        { id: a!.id, version: 2 },
        { id: b!.id, version: 2 },
      ]);
      const event = await nextAfter(stream, from, (name) => name === 'notifications.bulk');
      assertEventSchema(event);
      assert.deepEqual(JSON.parse(event.data), read.body);
      const countsEvent = await nextAfter(stream, from, (name) => name === 'counts');
      assert.equal((JSON.parse(countsEvent.data) as Counts).unreadNotifications, 0);
      assert.equal(
        stream.events.slice(from).filter((e) => e.event.startsWith('notification')).length,
        1,
        'one event for the batch',
      );
    } finally {
      stream.close();
    }
    const archive = await alice<BulkResult>('POST', '/v1/notifications/bulk', { op: 'archive', ids: [a!.id, b!.id] });
    assert.deepEqual(archive.body.items, [
      { id: a!.id, version: 3 },
      { id: b!.id, version: 3 },
    ]);
    assert.deepEqual(ids(await list()), [c!.id]);
    const unread = await alice<BulkResult>('POST', '/v1/notifications/bulk', { op: 'unread', ids: [a!.id, c!.id] });
    assert.equal(unread.body.items.length, 2);
    assert.equal((await counts()).unreadNotifications, 1, 'an unread archived item is not counted');
    const restore = await alice<BulkResult>('POST', '/v1/notifications/bulk', { op: 'unarchive', ids: [a!.id, b!.id] });
    assert.equal(restore.body.items.length, 2);
    assert.deepEqual(ids(await list()), [c!.id, b!.id, a!.id]);
    assert.equal((await counts()).unreadNotifications, 2);
    assert.equal((await get(a!.id)).version, 5);
  });

  it('applies an op to every item that matches a filter, up to upToId when given', async () => {
    await notify(3, { type: 'security-alert', title: 'Alert' });
    const comments = await notify(4, { type: 'comment', title: 'Comment' });
    await alice('POST', `/v1/notifications/${comments[1]!.id}/read`);
    const unreadWorkflow = await alice<BulkResult>('POST', '/v1/notifications/bulk', {
      op: 'archive',
      filter: { category: 'workflow', unread: true },
      upToId: comments[2]!.id,
    });
    assert.deepEqual(ids(unreadWorkflow.body.items).sort(), [comments[2]!.id, comments[3]!.id].sort());
    assert.deepEqual(
      ids(await list('category=workflow')),
      [comments[0]!.id, comments[1]!.id],
      'the newer one (arrived after upToId) and the read one stay',
    );
    const restoreAll = await alice<BulkResult>('POST', '/v1/notifications/bulk', {
      op: 'unarchive',
      filter: { archived: true },
    });
    assert.equal(restoreAll.body.items.length, 2);
    const seenAll = await alice<BulkResult>('POST', '/v1/notifications/bulk', { op: 'seen', filter: {} });
    // the alerts and the newest comment: the others were read (by hand, or by archiving)
    assert.equal(seenAll.body.items.length, 4, 'every unseen item of the inbox');
    assert.equal((await counts()).unseenNotifications, 0);
    const searched = await alice<BulkResult>('POST', '/v1/notifications/bulk', {
      op: 'read',
      filter: { q: 'ALERT' },
    });
    assert.equal(searched.body.items.length, 3);
  });

  it('refuses a malformed body naming the field', async () => {
    const [a] = await notify(1);
    const cases: [unknown, string][] = [
      [{ ids: [a!.id] }, 'op'],
      [{ op: 'delete', ids: [a!.id] }, 'op'],
      [{ op: 'snooze', ids: [a!.id] }, 'op'],
      [{ op: 'read' }, 'ids'],
      [{ op: 'read', ids: [a!.id], filter: {} }, 'filter'],
      [{ op: 'read', ids: [] }, 'ids'],
      [{ op: 'read', ids: Array.from({ length: 501 }, (_, i) => `n${i}`) }, 'ids'],
      [{ op: 'read', ids: [a!.id], upToId: a!.id }, 'upToId'],
      [{ op: 'read', filter: { nope: true } }, 'filter.nope'],
      [{ op: 'read', filter: { unread: 'true' } }, 'filter.unread'],
      [{ op: 'read', filter: { category: 'party' } }, 'filter.category'],
      [{ op: 'read', filter: { q: 'a' } }, 'filter.q'],
      [{ op: 'read', filter: [] }, 'filter'],
    ];
    for (const [body, field] of cases) {
      assertInvalid(await alice('POST', '/v1/notifications/bulk', body), field, JSON.stringify(body));
    }
    assert.equal((await get(a!.id)).version, 1, 'nothing changed');
  });

  it('another user’s ids are 404 and nothing changes', async () => {
    const [a] = await notify(1);
    const ben = t.as('ben');
    const reply = await ben('POST', '/v1/notifications/bulk', { body: { op: 'archive', ids: [a!.id] } });
    assert.equal(reply.status, 404);
    const [mine] = await t
      .control('/control/act', {
        action: 'notify',
        userId: 'ben',
        type: 'comment',
        title: 'Ben’s',
        message: '',
      })
      .then(() => ben<NotificationPage>('GET', '/v1/notifications').then((page) => page.body.items));
    const mixed = await ben('POST', '/v1/notifications/bulk', { body: { op: 'archive', ids: [mine!.id, a!.id] } });
    assert.equal(mixed.status, 404);
    assert.equal((await ben<Notification>('GET', `/v1/notifications/${mine!.id}`)).body.archivedAt, null);
    const byFilter = await ben<BulkResult>('POST', '/v1/notifications/bulk', { body: { op: 'archive', filter: {} } });
    assert.deepEqual(ids(byFilter.body.items), [mine!.id], 'a filter reaches only the user’s own');
    assert.equal((await get(a!.id)).archivedAt, null);
  });

  it('honours Idempotency-Key: the same request again gets the first answer and is not applied twice', async () => {
    const [b, a] = await notify(2);
    const send = (key: string, body: unknown) =>
      t.as('alice')<BulkResult>('POST', '/v1/notifications/bulk', { body, headers: { 'Idempotency-Key': key } });
    const key = `bulk-${crypto.randomUUID()}`;
    const first = await send(key, { op: 'read', ids: [a!.id, b!.id] });
    assert.equal(first.status, 200);
    await alice('POST', `/v1/notifications/${a!.id}/unread`);
    const replay = await send(key, { op: 'read', ids: [a!.id, b!.id] });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    assert.equal((await get(a!.id)).readAt, null, 'the replay did not mark it read again');
    const reused = await send(key, { op: 'unread', ids: [a!.id] });
    assert.equal(reused.status, 422);
    for (const [path, body] of [
      [`/v1/notifications/${b!.id}/archive`, undefined],
      [`/v1/notifications/${b!.id}/snooze`, { until: new Date(START + HOUR).toISOString() }],
      ['/v1/notifications/seen', { ids: [a!.id] }],
    ] as const) {
      const k = `verb-${crypto.randomUUID()}`;
      const once = await t.as('alice')('POST', path, { headers: { 'Idempotency-Key': k }, ...(body ? { body } : {}) });
      const twice = await t.as('alice')('POST', path, { headers: { 'Idempotency-Key': k }, ...(body ? { body } : {}) });
      assert.equal(twice.headers.get('idempotent-replayed'), 'true', path);
      assert.deepEqual(twice.body, once.body, path);
    }
  });

  it('a replayed answer carries the CORS headers of its own request, not the first one’s', async () => {
    const [a] = await notify(1);
    const key = `cors-${crypto.randomUUID()}`;
    const send = (origin?: string) =>
      t.as('alice')('POST', `/v1/notifications/${a!.id}/archive`, {
        headers: { 'Idempotency-Key': key, ...(origin ? { Origin: origin } : {}) },
      });
    const first = await send('http://localhost:1111');
    assert.equal(first.headers.get('access-control-allow-origin'), 'http://localhost:1111');
    const replay = await send();
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.headers.get('access-control-allow-origin'), null);
  });
});

describe('search', () => {
  beforeEach(() => {
    addTrack(t, 'song', 'alice', [['chloe', 'edit']]);
    t.server.store.updateMetadata('alice', 'song', { name: 'Paper Planes' });
    const store = t.server.store;
    store.deliver('alice', { type: 'comment', title: 'Résumé of the session', message: 'Printed the stems.' });
    store.deliver('alice', { type: 'comment', title: 'A note', message: 'NAÏVE question about the mix' });
    store.deliver('alice', { type: 'comment', title: 'Another note', message: '', actorId: 'chloe' });
    store.deliver('alice', { type: 'stage-changed', title: 'Stage', message: '', trackId: 'song' });
    store.deliver('alice', { type: 'security-alert', title: 'New sign-in', message: 'resume from Lisbon' });
  });

  const titles = async (query: string) => (await allPages(query, 1)).map((item) => item.title);

  it('matches title, message, actor’s name and track’s name, without case or accents', async () => {
    assert.deepEqual(await titles('q=resume'), ['New sign-in', 'Résumé of the session']);
    assert.deepEqual(await titles('q=R%C3%89SUM%C3%89'), ['New sign-in', 'Résumé of the session']);
    assert.deepEqual(await titles('q=naive'), ['A note']);
    assert.deepEqual(await titles('q=chloe'), ['Another note'], 'the actor’s name');
    assert.deepEqual(await titles('q=Laurent'), ['Another note']);
    assert.deepEqual(await titles('q=paper%20planes'), ['Stage'], 'the track’s name');
    assert.deepEqual(await titles('q=planes%20stage'), ['Stage'], 'every word, each in any field');
    assert.deepEqual(await titles('q=planes%20resume'), []);
    assert.deepEqual(await titles('q=zz'), []);
  });

  it('combines with the other filters and with cursors', async () => {
    assert.deepEqual(await titles('q=resume&category=workflow'), ['Résumé of the session']);
    const [session] = await list('q=session');
    await alice('POST', `/v1/notifications/${session!.id}/read`);
    assert.deepEqual(await titles('q=resume&unread=true'), ['New sign-in']);
    await alice('POST', `/v1/notifications/${session!.id}/archive`);
    assert.deepEqual(await titles('q=resume'), ['New sign-in'], 'the default list leaves archived items out');
    assert.deepEqual(await titles('q=resume&archived=true'), ['Résumé of the session']);
    const first = await alice<NotificationPage>('GET', '/v1/notifications?q=note&limit=1');
    assert.equal(first.body.total, 2);
    const second = await alice<NotificationPage>(
      'GET',
      `/v1/notifications?q=note&limit=1&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
    );
    assert.deepEqual(
      [...first.body.items, ...second.body.items].map((item) => item.title),
      ['Another note', 'A note'],
    );
    assert.equal(second.body.nextCursor, null);
  });

  it('follows a track’s new name at once, conditional requests included', async () => {
    const path = '/v1/notifications?q=glider';
    const before = await alice<NotificationPage>('GET', path);
    assert.deepEqual(before.body.items, []);
    const etag = before.headers.get('etag')!;
    // the rename notifies the other members (chloe), not alice: nothing new on alice's log
    await t.control('/control/act', { action: 'metadata', as: 'alice', trackId: 'song', name: 'Paper Glider' });
    const after = await t.as('alice')<NotificationPage>('GET', path, { headers: { 'If-None-Match': etag } });
    assert.equal(after.status, 200);
    assert.deepEqual(
      after.body.items.map((item) => item.title),
      ['Stage'],
    );
  });

  it('refuses a q under 2 or over 100 characters, or blank, naming q', async () => {
    for (const q of ['a', '%20a%20', '%20%20%20', 'x'.repeat(101), '']) {
      assertInvalid(await alice('GET', `/v1/notifications?q=${q}`), 'q', q);
    }
    assert.equal((await alice('GET', `/v1/notifications?q=${'x'.repeat(100)}`)).status, 200);
  });
});

describe('counts', () => {
  it('count the inbox: unread and unseen match the default list', async () => {
    const items = await notify(6);
    await alice('POST', `/v1/notifications/${items[0]!.id}/archive`);
    await alice('POST', `/v1/notifications/${items[1]!.id}/snooze`, { until: new Date(START + HOUR).toISOString() });
    await alice('POST', '/v1/notifications/seen', { ids: [items[2]!.id] });
    await alice('POST', `/v1/notifications/${items[3]!.id}/read`);
    await alice('POST', '/v1/notifications/bulk', { op: 'unread', ids: [items[0]!.id] });
    const inbox = await list();
    assert.deepEqual(await counts(), {
      unreadNotifications: inbox.filter((item) => item.readAt === null).length,
      unseenNotifications: inbox.filter((item) => item.seenAt === null).length,
      pendingInvitations: 0,
    });
    assert.deepEqual(await counts(), { unreadNotifications: 3, unseenNotifications: 2, pendingInvitations: 0 });
    assert.equal((await alice<NotificationPage>('GET', '/v1/notifications?unread=true&limit=1')).body.total, 3);
  });
});
