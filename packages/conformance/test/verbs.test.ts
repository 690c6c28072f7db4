/**
 * The inbox's verbs (seen, archive, snooze, bulk, search): what any backend owes
 * a client that offers them. Each test puts back what it changed where it can.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BulkResult, Counts, Notification, NotificationPage, Problem, TrackList } from '@pd-notify/protocol';
import { assertEventSchema, assertSchema, readEvents, type EventReader } from '../src/index.js';
import { targetForFile } from './target-for-file.js';

const { target, asA: api } = targetForFile();

const HOUR = 3_600_000;

async function allNotifications(query = ''): Promise<Notification[]> {
  const items: Notification[] = [];
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await api<NotificationPage>('GET', `/v1/notifications?limit=3&${query}${suffix}`);
    assert.equal(page.status, 200, `${query}: ${JSON.stringify(page.body)}`);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);
const get = async (id: string) => (await api<Notification>('GET', `/v1/notifications/${id}`)).body;
const counts = async () => (await api<Counts>('GET', '/v1/counts')).body;

/** The user's newest notifications (the suite needs at least 3). */
async function newest(n = 3): Promise<Notification[]> {
  const items = (await api<NotificationPage>('GET', `/v1/notifications?limit=${n}`)).body.items;
  assert.ok(items.length >= n, `the suite needs a user A with at least ${n} notifications in the default list`);
  return items;
}

function assertInvalid(reply: { status: number; body: unknown }, field: string, what: string): void {
  assert.equal(reply.status, 400, `${what}: ${JSON.stringify(reply.body)}`);
  assertSchema('Problem', reply.body);
  assert.equal((reply.body as Problem).field, field, what);
}

async function openStream(): Promise<EventReader> {
  const stream = await readEvents(target().url, target().tokenA);
  await stream.next((event) => event.event === 'ready');
  return stream;
}

/** Text compared without case or accents, as the search is. */
const folded = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

describe('the verbs’ fields', () => {
  it('every notification has seenAt, archivedAt and snoozedUntil; counts have unseenNotifications', async () => {
    for (const item of await newest()) {
      for (const field of ['seenAt', 'archivedAt', 'snoozedUntil'] as const) {
        assert.ok(field in item, `${item.id} has ${field} (a time or null)`);
      }
      assert.equal(item.archivedAt, null, 'the default list holds no archived item');
      assert.equal(item.snoozedUntil, null, 'the default list holds no snoozed item');
      if (item.readAt !== null) assert.notEqual(item.seenAt, null, 'a read item is seen');
    }
    const body = await counts();
    assert.equal(typeof body.unseenNotifications, 'number');
  });

  it('counts the default list: unread and unseen match it', async () => {
    const inbox = await allNotifications();
    const body = await counts();
    assert.equal(body.unreadNotifications, inbox.filter((item) => item.readAt === null).length);
    assert.equal(body.unseenNotifications, inbox.filter((item) => item.seenAt === null).length);
  });
});

describe('POST /v1/notifications/seen', () => {
  it('marks these ids seen, answering and sending one notifications.bulk of what changed', async () => {
    const [item] = await newest();
    const unread = await api<Notification>('POST', `/v1/notifications/${item!.id}/unread`);
    const stream = await openStream();
    try {
      const from = stream.events.length;
      const seen = await api<BulkResult>('POST', '/v1/notifications/seen', { body: { ids: [item!.id] } });
      assert.equal(seen.status, 200);
      assertSchema('BulkResult', seen.body);
      assert.equal(seen.body.op, 'seen');
      if (unread.body.seenAt === null) {
        assert.deepEqual(seen.body.items, [{ id: item!.id, version: unread.body.version + 1 }]);
        const event = await stream.next((e) => stream.events.indexOf(e) >= from && e.event === 'notifications.bulk');
        assertEventSchema(event);
        assert.deepEqual(JSON.parse(event.data), seen.body);
      } else {
        assert.deepEqual(seen.body.items, [], 'an item already seen is not changed');
      }
    } finally {
      stream.close();
    }
    const after = await get(item!.id);
    assert.notEqual(after.seenAt, null);
    assert.equal(after.readAt, null, 'seen is not read');
    const again = await api<BulkResult>('POST', '/v1/notifications/seen', { body: { ids: [item!.id] } });
    assert.deepEqual(again.body.items, []);
  });

  it('marks every unseen item up to upToId seen; marking read marks seen', async () => {
    const [top] = await newest();
    const seen = await api<BulkResult>('POST', '/v1/notifications/seen', { body: { upToId: top!.id } });
    assert.equal(seen.status, 200);
    assertSchema('BulkResult', seen.body);
    assert.equal((await counts()).unseenNotifications, 0);
    const unread = await api<Notification>('POST', `/v1/notifications/${top!.id}/unread`);
    assert.notEqual(unread.body.seenAt, null, 'marking unread keeps it seen');
    const read = await api<Notification>('POST', `/v1/notifications/${top!.id}/read`);
    assert.notEqual(read.body.seenAt, null);
  });

  it('refuses a body without exactly one of ids and upToId, naming the field', async () => {
    const [item] = await newest();
    for (const [body, field] of [
      [{}, 'ids'],
      [{ ids: [item!.id], upToId: item!.id }, 'upToId'],
      [{ ids: [] }, 'ids'],
      [{ ids: Array.from({ length: 101 }, () => item!.id) }, 'ids'],
      [{ ids: [1] }, 'ids.0'],
    ] as const) {
      assertInvalid(await api('POST', '/v1/notifications/seen', { body }), field, JSON.stringify(body));
    }
    assert.equal((await api('POST', '/v1/notifications/seen', { body: { ids: ['no-such-id-anywhere'] } })).status, 404);
  });
});

describe('archive and unarchive', () => {
  it('archives: read, out of the default list and into ?archived=true; unarchive restores it', async () => {
    const [item] = await newest();
    await api('POST', `/v1/notifications/${item!.id}/unread`);
    const before = await get(item!.id);
    const stream = await openStream();
    let archived: Notification;
    try {
      const from = stream.events.length;
      const reply = await api<Notification>('POST', `/v1/notifications/${item!.id}/archive`);
      assert.equal(reply.status, 200);
      assertSchema('Notification', reply.body);
      archived = reply.body;
      const event = await stream.next(
        (e) =>
          stream.events.indexOf(e) >= from &&
          e.event === 'notification.updated' &&
          (JSON.parse(e.data) as Notification).id === item!.id,
      );
      assertEventSchema(event);
      assert.deepEqual(JSON.parse(event.data), archived);
    } finally {
      stream.close();
    }
    assert.notEqual(archived.archivedAt, null);
    assert.notEqual(archived.readAt, null, 'archiving marks read');
    assert.equal(archived.version, before.version + 1);
    assert.ok(!ids(await allNotifications()).includes(item!.id), 'out of the default list');
    const archivedList = await allNotifications('archived=true');
    assert.ok(ids(archivedList).includes(item!.id));
    for (const other of archivedList) assert.notEqual(other.archivedAt, null);
    for (let i = 1; i < archivedList.length; i++) {
      assert.ok(archivedList[i - 1]!.createdAt >= archivedList[i]!.createdAt, 'newest first');
    }
    const again = await api<Notification>('POST', `/v1/notifications/${item!.id}/archive`);
    assert.equal(again.body.version, archived.version, 'archiving an archived item changes nothing');
    const restored = await api<Notification>('POST', `/v1/notifications/${item!.id}/unarchive`);
    assert.equal(restored.status, 200);
    assert.equal(restored.body.archivedAt, null);
    assert.ok(ids(await allNotifications()).includes(item!.id));
  });
});

describe('snooze and unsnooze', () => {
  it('refuses an until that is not a time, is past, or is more than a year ahead', async () => {
    const [item] = await newest();
    for (const until of [
      'soon',
      new Date(Date.now() - HOUR).toISOString(),
      new Date(Date.now() + 400 * 24 * HOUR).toISOString(),
    ]) {
      const reply = await api('POST', `/v1/notifications/${item!.id}/snooze`, { body: { until } });
      assertInvalid(reply, 'until', until);
    }
    assertInvalid(await api('POST', `/v1/notifications/${item!.id}/snooze`, { body: {} }), 'until', '{}');
  });

  it('snoozes out of the default list into ?snoozed=true; unsnooze puts it back where it was', async () => {
    const [item] = await newest();
    const until = new Date(Date.now() + 24 * HOUR).toISOString();
    const snoozed = await api<Notification>('POST', `/v1/notifications/${item!.id}/snooze`, { body: { until } });
    assert.equal(snoozed.status, 200);
    assertSchema('Notification', snoozed.body);
    assert.equal(Date.parse(snoozed.body.snoozedUntil!), Date.parse(until));
    assert.ok(!ids(await allNotifications()).includes(item!.id));
    assert.ok(ids(await allNotifications('snoozed=true')).includes(item!.id));
    const back = await api<Notification>('POST', `/v1/notifications/${item!.id}/unsnooze`);
    assert.equal(back.status, 200);
    assert.equal(back.body.snoozedUntil, null);
    assert.equal(back.body.createdAt, item!.createdAt);
    assert.equal(ids(await newest())[0], item!.id);
  });

  it('wakes when the server’s clock reaches until: unread, on top, told on the stream', async (t) => {
    const advance = target().advanceClock;
    if (!advance) return t.skip('needs control of the server’s clock (the reference server started by the suite)');
    const [, second] = await newest();
    await api('POST', `/v1/notifications/${second!.id}/read`);
    const until = new Date(Date.now() + HOUR).toISOString();
    const snoozed = await api<Notification>('POST', `/v1/notifications/${second!.id}/snooze`, { body: { until } });
    assert.equal(snoozed.status, 200);
    const stream = await openStream();
    try {
      const from = stream.events.length;
      await advance(2 * HOUR);
      const event = await stream.next(
        (e) =>
          stream.events.indexOf(e) >= from &&
          e.event === 'notification.updated' &&
          (JSON.parse(e.data) as Notification).id === second!.id,
      );
      assertEventSchema(event);
      const woke = JSON.parse(event.data) as Notification;
      assert.equal(woke.snoozedUntil, null);
      assert.equal(woke.readAt, null, 'back unread');
      assert.ok(woke.version > snoozed.body.version);
      await stream.next((e) => stream.events.indexOf(e) > stream.events.indexOf(event) && e.event === 'counts');
    } finally {
      stream.close();
    }
    assert.equal(ids(await newest())[0], second!.id, 'on top of the default list');
  });
});

describe('POST /v1/notifications/bulk', () => {
  it('applies an op to ids, answering and sending one notifications.bulk of what changed', async () => {
    const [a, b] = await newest();
    await api('POST', `/v1/notifications/${a!.id}/read`);
    const before = await get(b!.id);
    await api('POST', `/v1/notifications/${b!.id}/unread`);
    const unreadB = await get(b!.id);
    const stream = await openStream();
    try {
      const from = stream.events.length;
      const reply = await api<BulkResult>('POST', '/v1/notifications/bulk', {
        body: { op: 'read', ids: [a!.id, b!.id] },
      });
      assert.equal(reply.status, 200);
      assertSchema('BulkResult', reply.body);
      assert.equal(reply.body.op, 'read');
      assert.deepEqual(reply.body.items, [{ id: b!.id, version: unreadB.version + 1 }], 'only what changed');
      const event = await stream.next((e) => stream.events.indexOf(e) >= from && e.event === 'notifications.bulk');
      assertEventSchema(event);
      assert.deepEqual(JSON.parse(event.data), reply.body);
    } finally {
      stream.close();
    }
    const after = await get(b!.id);
    assert.notEqual(after.readAt, null);
    assert.notEqual(after.seenAt, null, 'read is seen');
    if (before.readAt === null) await api('POST', `/v1/notifications/${b!.id}/unread`);
  });

  it('applies an op to every item matching a filter, not newer than upToId', async () => {
    const [top, second] = await newest();
    await api('POST', '/v1/notifications/bulk', { body: { op: 'unread', ids: [top!.id, second!.id] } });
    const reply = await api<BulkResult>('POST', '/v1/notifications/bulk', {
      body: { op: 'archive', filter: { unread: true }, upToId: second!.id },
    });
    assert.equal(reply.status, 200);
    assertSchema('BulkResult', reply.body);
    const archived = ids(reply.body.items);
    assert.ok(archived.includes(second!.id));
    assert.ok(!archived.includes(top!.id), 'newer than upToId: left alone');
    assert.equal((await get(top!.id)).archivedAt, null);
    const restore = await api<BulkResult>('POST', '/v1/notifications/bulk', {
      body: { op: 'unarchive', ids: archived },
    });
    assert.deepEqual(ids(restore.body.items).sort(), [...archived].sort());
    assert.equal((await counts()).unreadNotifications, (await allNotifications('unread=true')).length, 'counts follow');
  });

  it('refuses a malformed body naming the field', async () => {
    const [item] = await newest();
    for (const [body, field] of [
      [{ ids: [item!.id] }, 'op'],
      [{ op: 'explode', ids: [item!.id] }, 'op'],
      [{ op: 'read' }, 'ids'],
      [{ op: 'read', ids: [item!.id], filter: {} }, 'filter'],
      [{ op: 'read', ids: Array.from({ length: 501 }, () => item!.id) }, 'ids'],
      [{ op: 'read', filter: { unknownFilter: true } }, 'filter.unknownFilter'],
      [{ op: 'read', filter: { q: 'x' } }, 'filter.q'],
    ] as const) {
      assertInvalid(await api('POST', '/v1/notifications/bulk', { body }), field, JSON.stringify(body));
    }
  });

  it('honours Idempotency-Key', async () => {
    const [item] = await newest();
    const key = `conformance-${crypto.randomUUID()}`;
    const send = () =>
      api<BulkResult>('POST', '/v1/notifications/bulk', {
        body: { op: 'unread', ids: [item!.id] },
        headers: { 'Idempotency-Key': key },
      });
    await api('POST', `/v1/notifications/${item!.id}/read`);
    const first = await send();
    assert.equal(first.status, 200);
    await api('POST', `/v1/notifications/${item!.id}/read`);
    const again = await send();
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    assert.notEqual((await get(item!.id)).readAt, null, 'not applied twice');
  });
});

describe('GET /v1/notifications?q=', () => {
  it('finds a word of a title whatever its case and accents; every result matches', async () => {
    await target().notifyA?.({ type: 'comment', title: 'Crème brûlée session', message: 'Bring the stems' });
    const all = await allNotifications();
    const tracks = new Map(
      (await api<TrackList>('GET', '/v1/tracks')).body.items.map((track) => [track.id, track.name]),
    );
    const withWord = all.find((item) => /\p{L}{3,}/u.test(item.title));
    assert.ok(withWord, 'the suite needs a notification whose title has a word of 3 letters or more');
    const word = /\p{L}{3,}/u.exec(withWord.title)![0];
    const q = folded(word).toUpperCase();
    const found = await allNotifications(`q=${encodeURIComponent(q)}`);
    assert.ok(ids(found).includes(withWord.id), `"${q}" finds "${withWord.title}"`);
    for (const item of found) {
      const text = folded(
        [item.title, item.message, item.actor?.name ?? '', item.trackId ? (tracks.get(item.trackId) ?? '') : ''].join(
          ' ',
        ),
      );
      assert.ok(text.includes(folded(q)), `${item.title} matches "${q}"`);
    }
    if (target().notifyA) {
      assert.equal((await allNotifications('q=CREME%20BRULEE'))[0]?.title, 'Crème brûlée session');
      assert.equal((await allNotifications('q=cr%C3%A8me'))[0]?.title, 'Crème brûlée session');
    }
  });

  it('combines with the other filters and with cursors', async () => {
    const all = await allNotifications();
    const word = /\p{L}{3,}/u.exec(all[0]!.title)![0];
    const q = encodeURIComponent(folded(word));
    const found = await allNotifications(`q=${q}`);
    const unread = await allNotifications(`q=${q}&unread=true`);
    assert.deepEqual(ids(unread), ids(found.filter((item) => item.readAt === null)));
    const category = all[0]!.category;
    assert.deepEqual(
      ids(await allNotifications(`q=${q}&category=${category}`)),
      ids(found.filter((item) => item.category === category)),
    );
    const single = await api<NotificationPage>('GET', `/v1/notifications?q=${q}&limit=100`);
    assert.deepEqual(ids(single.body.items), ids(found), 'pages together are the one list');
  });

  it('refuses a q under 2 or over 100 characters', async () => {
    for (const q of ['x', 'x'.repeat(101)]) {
      assertInvalid(await api('GET', `/v1/notifications?q=${q}`), 'q', q);
    }
  });
});
