/**
 * The store's notifications: delivery as preferences allow (and the outbox),
 * lists in creation order with cursor pages and filters, read state with its
 * versions and counts, dismissal and actions; another user's id is not found.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Notification } from '@pd-notify/protocol';
import { emptyStore, START } from './helpers.js';

const comment = (title: string, extra: object = {}) => ({ type: 'comment' as const, title, message: 'm', ...extra });

describe('NotificationsArea (through the Store)', () => {
  it('delivers in-app and publishes it with the counts; a category or option turned off delivers nothing', () => {
    const { store, events } = emptyStore();
    const created = store.deliver('ben', comment('one', { actorId: 'alice', trackId: 't1' }))!;
    assert.equal(created.id.startsWith('n'), true);
    assert.deepEqual(created.actor, { id: 'alice', name: 'Alice Moreno', avatarUrl: null });
    assert.equal(created.category, 'workflow');
    assert.deepEqual(events('ben', 'notification.created'), [created]);
    assert.deepEqual(events('ben', 'counts'), [
      { unreadNotifications: 1, unseenNotifications: 1, pendingInvitations: 0 },
    ]);

    const preferences = store.getPreferences('ben');
    preferences.categories.trackActivity.options.comment = false;
    store.savePreferences('ben', { ...preferences, reminderLeadDays: 3 });
    assert.equal(store.deliver('ben', comment('two')), null);
    assert.equal(store.deliver('ben', { type: 'published', title: 'p', message: 'm' })?.type, 'published');
    const off = store.getPreferences('ben');
    off.categories.trackActivity.enabled = false;
    store.savePreferences('ben', { ...off, reminderLeadDays: 3 });
    assert.equal(store.deliver('ben', { type: 'published', title: 'p', message: 'm' }), null);
    assert.equal(store.counts('ben').unreadNotifications, 2);
  });

  it('mails what an email channel asks for, with or without the in-app row, newest first', () => {
    const { store, clock } = emptyStore();
    const preferences = store.getPreferences('dev');
    preferences.categories.trackActivity.channels = { inApp: false, email: true, browser: false };
    store.savePreferences('dev', { ...preferences, reminderLeadDays: 3 });
    assert.equal(store.deliver('dev', comment('quiet')), null);
    clock.advance(1000);
    const alert = store.deliver('dev', { type: 'security-alert', title: 'alert', message: 'm' })!;
    assert.deepEqual(store.outbox('dev'), [
      {
        to: 'dev@patel.audio',
        category: 'system',
        subject: 'alert',
        notificationId: alert.id,
        sentAt: new Date(START + 1000).toISOString(),
      },
      {
        to: 'dev@patel.audio',
        category: 'trackActivity',
        subject: 'quiet',
        notificationId: null,
        sentAt: new Date(START).toISOString(),
      },
    ]);
    assert.equal(store.outbox().length, 2);
    store.clearOutbox();
    assert.deepEqual(store.outbox(), []);
  });

  it('lists newest first in pages by cursor, filtered; live times increase strictly in a burst', () => {
    const { store } = emptyStore();
    const made = Array.from({ length: 5 }, (_, i) =>
      store.deliver('chloe', comment(`c${i}`, { trackId: i % 2 ? 'odd' : 'even' })),
    ) as Notification[];
    store.deliver('chloe', { type: 'security-alert', title: 'old', message: 'm', createdAt: START - 60_000 });
    const times = made.map((n) => Date.parse(n.createdAt));
    assert.deepEqual(
      times,
      [0, 1, 2, 3, 4].map((i) => START + i),
    );
    const first = store.listNotifications('chloe', { limit: 4 });
    assert.deepEqual(
      first.items.map((n) => n.title),
      ['c4', 'c3', 'c2', 'c1'],
    );
    const rest = store.listNotifications('chloe', { limit: 4, cursor: first.nextCursor! });
    assert.deepEqual(
      rest.items.map((n) => n.title),
      ['c0', 'old'],
    );
    assert.equal(rest.nextCursor, null);
    assert.deepEqual(
      store.listNotifications('chloe', { limit: 10, trackId: 'odd' }).items.map((n) => n.title),
      ['c3', 'c1'],
    );
    assert.deepEqual(
      store.listNotifications('chloe', { limit: 10, category: 'system' }).items.map((n) => n.title),
      ['old'],
    );
    assert.throws(() => store.listNotifications('chloe', { limit: 1, cursor: 'not-ours' }), {
      status: 400,
      kind: 'validation',
    });
  });

  it('marks read and unread with a new version each time, reads all up to an id, and keeps the unread count', () => {
    const { store, events } = emptyStore();
    const [a, b, c] = ['a', 'b', 'c'].map((title) => store.deliver('alice', comment(title))!) as Notification[];
    assert.equal(store.markRead('alice', a!.id).version, 2);
    assert.equal(store.markRead('alice', a!.id).version, 2, 'already read: no change');
    assert.equal(store.markUnread('alice', a!.id).version, 3);
    assert.equal(store.counts('alice').unreadNotifications, 3);
    const result = store.readAll('alice', b!.id);
    assert.deepEqual(result.items, [
      { id: a!.id, version: 4 },
      { id: b!.id, version: 2 },
    ]);
    assert.equal(store.getNotification('alice', c!.id).readAt, null);
    assert.equal(store.counts('alice').unreadNotifications, 1);
    assert.deepEqual(events('alice', 'notifications.read'), [result]);
    assert.deepEqual(store.readAll('alice').items, [{ id: c!.id, version: 2 }]);
    assert.deepEqual(store.readAll('alice').items, []);
    assert.equal(events('alice', 'notifications.read').length, 2, 'nothing to read: nothing published');
  });

  it('dismisses, runs an action once, and treats another user’s notification as not found', () => {
    const { store, events } = emptyStore();
    const feedback = store.deliver('alice', {
      type: 'support-feedback',
      title: 'f',
      message: 'm',
      actions: ['feedback-resolved', 'feedback-still-open'],
    })!;
    const other = store.deliver('alice', comment('x'))!;
    assert.throws(() => store.runAction('alice', feedback.id, 'accept-invite'), { status: 409 });
    const ran = store.runAction('alice', feedback.id, 'feedback-resolved');
    assert.equal(ran.notification.actionTaken, 'feedback-resolved');
    assert.notEqual(ran.notification.readAt, null);
    assert.throws(() => store.runAction('alice', feedback.id, 'feedback-still-open'), { status: 409 });
    store.dismiss('alice', other.id);
    assert.deepEqual(events('alice', 'notification.removed'), [{ id: other.id, version: 2 }]);
    assert.throws(() => store.getNotification('alice', other.id), { status: 404 });
    for (const call of [
      () => store.getNotification('ben', feedback.id),
      () => store.markRead('ben', feedback.id),
      () => store.dismiss('ben', feedback.id),
      () => store.readAll('ben', feedback.id),
    ]) {
      assert.throws(call, { status: 404, kind: 'notFound' });
    }
  });
});
