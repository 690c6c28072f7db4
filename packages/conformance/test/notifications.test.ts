import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Counts, Notification, NotificationPage, ReadAllResult } from '@pd-notify/protocol';
import { assertSchema } from '../src/index.js';
import { targetForFile } from './target-for-file.js';

const { target, asA: api } = targetForFile();

async function allNotifications(query = ''): Promise<Notification[]> {
  const items: Notification[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const path: string = `/v1/notifications?limit=3${sep}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api<NotificationPage>('GET', path);
    assert.equal(page.status, 200);
    assertSchema('NotificationPage', page.body);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('GET /v1/me', () => {
  it('answers the user the token belongs to', async () => {
    const me = await api<{ email?: unknown }>('GET', '/v1/me');
    assert.equal(me.status, 200);
    assertSchema('User', me.body);
    // The troubleshooting view shows where email notifications go (NS7).
    assert.ok('email' in me.body, 'the user has `email`: the address, or null when there is none');
  });
});

describe('GET /v1/notifications', () => {
  it('lists newest first, one page at a time, every item once', async () => {
    const items = await allNotifications();
    assert.ok(items.length >= 3, 'the suite needs a user A with at least 3 notifications');
    const ids = items.map((item) => item.id);
    assert.equal(new Set(ids).size, ids.length, 'no item appears on two pages');
    for (let i = 1; i < items.length; i++) {
      assert.ok(items[i - 1]!.createdAt >= items[i]!.createdAt, 'newest first');
    }
  });

  it('honours limit and gives a cursor only when more items follow', async () => {
    const first = await api<NotificationPage>('GET', '/v1/notifications?limit=1');
    assert.equal(first.body.items.length, 1);
    assert.equal(typeof first.body.nextCursor, 'string');
    const all = await api<NotificationPage>('GET', '/v1/notifications?limit=100');
    assert.equal(all.body.nextCursor, null);
  });

  it('filters by unread, category and track', async () => {
    const all = await allNotifications();
    const unread = await allNotifications('unread=true');
    assert.deepEqual(
      unread.map((item) => item.id),
      all.filter((item) => item.readAt === null).map((item) => item.id),
    );
    const category = all[0]!.category;
    const inCategory = await allNotifications(`category=${category}`);
    assert.deepEqual(
      inCategory.map((item) => item.id),
      all.filter((item) => item.category === category).map((item) => item.id),
    );
    const withTrack = all.find((item) => item.trackId);
    if (withTrack) {
      const onTrack = await allNotifications(`trackId=${encodeURIComponent(withTrack.trackId!)}`);
      assert.deepEqual(
        onTrack.map((item) => item.id),
        all.filter((item) => item.trackId === withTrack.trackId).map((item) => item.id),
      );
    }
  });

  it('answers 304 to a matching If-None-Match, and a new ETag after a change', async () => {
    const first = await api('GET', '/v1/notifications?limit=5');
    const etag = first.headers.get('etag');
    assert.ok(etag, 'an ETag header');
    const again = await api('GET', '/v1/notifications?limit=5', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const item = (first.body as NotificationPage).items[0]!;
    await api('POST', `/v1/notifications/${item.id}/${item.readAt ? 'unread' : 'read'}`);
    const changed = await api('GET', '/v1/notifications?limit=5', { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('rejects a bad limit, category or cursor with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['category=party', 'category'],
      ['cursor=not-a-cursor', 'cursor'],
      ['unread=maybe', 'unread'],
    ] as const) {
      const reply = await api<{ field: string }>('GET', `/v1/notifications?${query}`);
      assert.equal(reply.status, 400, query);
      assert.match(reply.contentType, /^application\/problem\+json/);
      assertSchema('Problem', reply.body);
      assert.equal(reply.body.field, field, query);
    }
  });
});

describe('read, unread, read-all', () => {
  it('marks one read and unread, bumping the version, idempotently', async () => {
    const [item] = (await api<NotificationPage>('GET', '/v1/notifications?limit=1')).body.items;
    const unread = await api<Notification>('POST', `/v1/notifications/${item!.id}/unread`);
    const read = await api<Notification>('POST', `/v1/notifications/${item!.id}/read`);
    assert.equal(read.status, 200);
    assertSchema('Notification', read.body);
    assert.notEqual(read.body.readAt, null);
    assert.ok(read.body.version > unread.body.version);
    const again = await api<Notification>('POST', `/v1/notifications/${item!.id}/read`);
    assert.equal(again.body.version, read.body.version, 'marking a read item read changes nothing');
    const back = await api<Notification>('POST', `/v1/notifications/${item!.id}/unread`);
    assert.equal(back.body.readAt, null);
    const stored = await api<Notification>('GET', `/v1/notifications/${item!.id}`);
    assert.deepEqual(stored.body, back.body, 'the server stored what it answered');
  });

  it('marks all read up to a point; newer items stay unread; counts follow', async () => {
    const page = (await api<NotificationPage>('GET', '/v1/notifications?limit=3')).body.items;
    const [newest, , older] = page;
    for (const item of page) await api('POST', `/v1/notifications/${item.id}/unread`);
    const result = await api<ReadAllResult>('POST', '/v1/notifications/read-all', { body: { upToId: older!.id } });
    assert.equal(result.status, 200);
    assertSchema('ReadAllResult', result.body);
    assert.ok(result.body.items.some((ref) => ref.id === older!.id));
    assert.ok(!result.body.items.some((ref) => ref.id === newest!.id));
    const after = await api<Notification>('GET', `/v1/notifications/${newest!.id}`);
    assert.equal(after.body.readAt, null, 'the newer item stays unread');
    const counts = await api<Counts>('GET', '/v1/counts');
    assertSchema('Counts', counts.body);
    const unread = await allNotifications('unread=true');
    assert.equal(counts.body.unreadNotifications, unread.length);
  });

  it('marks everything read without upToId', async () => {
    const result = await api<ReadAllResult>('POST', '/v1/notifications/read-all');
    assert.equal(result.status, 200);
    const counts = await api<Counts>('GET', '/v1/counts');
    assert.equal(counts.body.unreadNotifications, 0);
  });

  it('answers 404 for an unknown notification and 400 for a malformed body', async () => {
    assert.equal((await api('POST', '/v1/notifications/does-not-exist/read')).status, 404);
    const bad = await api<{ field: string }>('POST', '/v1/notifications/read-all', { body: { upToId: 42 } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'upToId');
  });
});

describe('actions and dismiss', () => {
  it('runs a support-feedback action once; a second run is a conflict', async () => {
    await target().notifyA?.({
      type: 'support-feedback',
      title: 'Support replied to your ticket',
      message: 'Is it solved?',
      actions: ['feedback-resolved', 'feedback-still-open', 'feedback-not-needed'],
    });
    const items = await allNotifications();
    const ticket = items.find((item) => item.actions.includes('feedback-resolved') && !item.actionTaken);
    assert.ok(ticket, 'user A needs a support-feedback notification awaiting an answer: create one before the run');
    const done = await api<{ notification: Notification }>(
      'POST',
      `/v1/notifications/${ticket.id}/actions/feedback-resolved`,
    );
    assert.equal(done.status, 200);
    assertSchema('ActionResult', done.body);
    assert.equal(done.body.notification.actionTaken, 'feedback-resolved');
    const again = await api('POST', `/v1/notifications/${ticket.id}/actions/feedback-still-open`);
    assert.equal(again.status, 409);
    const unknown = await api<{ field: string }>('POST', `/v1/notifications/${ticket.id}/actions/launch-rockets`);
    assert.equal(unknown.status, 400);
  });

  it('dismisses a notification: 204, then gone from reads and lists', async () => {
    const items = await allNotifications();
    const victim = items[items.length - 1]!;
    const reply = await api('DELETE', `/v1/notifications/${victim.id}`);
    assert.equal(reply.status, 204);
    assert.equal((await api('GET', `/v1/notifications/${victim.id}`)).status, 404);
    assert.ok(!(await allNotifications()).some((item) => item.id === victim.id));
    assert.equal((await api('DELETE', `/v1/notifications/${victim.id}`)).status, 404);
  });
});
