import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, PdError, type Notification } from '../src/index.js';
import { clientFor, control, notify, recordingFetch, serverCounts, until, referenceServerForFile } from './helpers.js';

const server = referenceServerForFile();

describe('createClient', () => {
  it('refuses a base URL that is not http(s), with a clear TypeError', () => {
    assert.throws(() => createClient({ baseUrl: 'notify.example.com', token: 't' }), /absolute http\(s\) URL/);
    assert.throws(() => createClient({ baseUrl: 'javascript:alert(1)', token: 't' }), TypeError);
  });
});

describe('stores over real HTTP and SSE', () => {
  it('loads notifications newest first, pages with loadMore until hasMore is false, and the counts', async () => {
    const client = clientFor(server(), { pageSize: 4 });
    try {
      const first = await until(client.$notifications, (state) => state.status === 'ready' && state.items.length > 0);
      assert.equal(first.items.length, 4);
      assert.equal(first.hasMore, true);
      while (client.$notifications.get().hasMore) await client.loadMore();
      const all = client.$notifications.get().items;
      const fromServer = await fetch(`${server().url}/v1/notifications?limit=100`, {
        headers: { Authorization: 'Bearer demo-alice' },
      });
      const expected = ((await fromServer.json()) as { items: Notification[] }).items;
      assert.deepEqual(
        all.map((item) => item.id),
        expected.map((item) => item.id),
      );
      const counts = await serverCounts(server());
      await until(client.$unreadCount, (count) => count === counts.unreadNotifications);
      await until(client.$pendingInviteCount, (count) => count === counts.pendingInvitations);
      const invitations = await until(client.$invitations, (state) => state.status === 'ready');
      assert.equal(invitations.items.length, counts.pendingInvitations);
      assert.ok(invitations.items[0]!.sentAt >= invitations.items[1]!.sentAt, 'most recent first');
    } finally {
      client.stop();
    }
  });

  it('shows a notification created on the server live, at the top, and the count follows (AF12)', async () => {
    const client = clientFor(server());
    try {
      await until(client.$connection, (state) => state.status === 'live');
      const before = await until(client.$unreadCount, (count) => count > 0);
      await notify(server(), '<img src=x onerror=alert(1)>');
      const state = await until(client.$notifications, (s) => s.items[0]?.title === '<img src=x onerror=alert(1)>');
      assert.equal(state.items[0]!.readAt, null);
      await until(client.$unreadCount, (count) => count === before + 1);
    } finally {
      client.stop();
    }
  });

  it('filters by category, track and unread', async () => {
    const client = clientFor(server());
    try {
      await until(client.$notifications, (state) => state.status === 'ready');
      await client.setFilter({ category: 'system' });
      const system = client.$notifications.get().items;
      assert.ok(system.length > 0, 'the demo has system notifications');
      assert.ok(system.every((item) => item.category === 'system'));
      await client.setFilter({ unread: true });
      const unread = client.$notifications.get().items;
      assert.ok(unread.length > 0, 'the demo has unread notifications');
      assert.ok(unread.every((item) => item.readAt === null));
      await notify(server(), 'live system item');
      await until(client.$notifications, (state) => state.items[0]?.title === 'live system item');
      await client.setFilter({ trackId: 'neon-rain' });
      const onTrack = client.$notifications.get().items;
      assert.ok(onTrack.length > 0, 'the demo has notifications on neon-rain');
      assert.ok(onTrack.every((item) => item.trackId === 'neon-rain'));
      await notify(server(), 'not on the track');
      await client.markAllRead();
      assert.ok(!client.$notifications.get().items.some((item) => item.title === 'not on the track'));
      client.setInvitationTrack('low-tide');
      await until(client.$invitations, (state) => state.items.length === 1 && state.items[0]!.track.id === 'low-tide');
    } finally {
      client.stop();
    }
  });
});

describe('optimistic mutations', () => {
  it('mark read shows at once, then the server stores it', async () => {
    const client = clientFor(server());
    try {
      const { items } = await until(client.$notifications, (state) => state.items.some((item) => item.readAt === null));
      const target = items.find((item) => item.readAt === null)!;
      const unread = client.$unreadCount.get();
      await control(server(), '/control/faults', { latencyMs: 400 });
      const done = client.markRead(target.id);
      await until(client.$notifications, (state) => state.items.find((item) => item.id === target.id)?.readAt !== null);
      assert.equal(client.$unreadCount.get(), unread - 1, 'the badge follows at once');
      const stored = await done;
      assert.notEqual(stored.readAt, null);
      await control(server(), '/control/faults', undefined, 'DELETE');
      assert.equal((await serverCounts(server())).unreadNotifications, unread - 1);
    } finally {
      client.stop();
    }
  });

  it('rolls back with a typed error when the server refuses, never retries it, and a change made while the server fails waits for it', async () => {
    const { fetch, calls } = recordingFetch();
    const client = clientFor(server(), { fetch });
    try {
      const { items } = await until(client.$notifications, (state) => state.items.some((item) => item.readAt === null));
      const target = items.find((item) => item.readAt === null)!;
      await control(server(), '/control/faults', {
        error: { status: 503, retryAfter: '1', times: 5, pathPrefix: '/v1/notifications/' },
      });
      const error = await client.markRead(target.id).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(error instanceof PdError);
      assert.equal(error.kind, 'server');
      assert.equal(error.status, 503);
      assert.equal(error.problem?.type, 'urn:pd-notify:problem:unavailable');
      assert.equal(
        client.$notifications.get().items.find((item) => item.id === target.id)?.readAt,
        null,
        'rolled back',
      );
      assert.equal(calls.filter((call) => call.path.endsWith('/read')).length, 1, 'exactly one attempt');
      await control(server(), '/control/faults', undefined, 'DELETE');
      // Within the second the server asked for, nothing is sent: the change waits, then goes once.
      const sentBefore = calls.length;
      const refusal = client.markRead('no-such-id').catch((e: unknown) => e);
      await until(client.$connection, (state) => state.pending === 1);
      assert.equal(calls.length, sentBefore, 'not sent while the server asked to wait');
      const notFound = await refusal;
      assert.ok(notFound instanceof PdError && notFound.kind === 'not-found');
      assert.deepEqual(
        calls.slice(sentBefore).map((call) => `${call.path} ${call.status}`),
        ['/v1/notifications/no-such-id/read 404'],
      );
    } finally {
      client.stop();
    }
  });

  it('mark all read while a new notification arrives leaves exactly that one unread', async () => {
    const client = clientFor(server());
    try {
      await until(client.$connection, (state) => state.status === 'live');
      await until(client.$notifications, (state) => state.items.length > 0);
      await control(server(), '/control/faults', { latencyMs: 500 });
      const done = client.markAllRead();
      await until(client.$unreadCount, (count) => count === 0);
      await fetch(`${server().url}/control/act`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          action: 'notify',
          userId: 'alice',
          type: 'comment',
          title: 'arrived meanwhile',
          message: '',
        }),
      });
      await done;
      await control(server(), '/control/faults', undefined, 'DELETE');
      const state = await until(client.$notifications, (s) => s.items[0]?.title === 'arrived meanwhile');
      assert.deepEqual(
        state.items.filter((item) => item.readAt === null).map((item) => item.title),
        ['arrived meanwhile'],
      );
      await until(client.$unreadCount, (count) => count === 1);
      assert.equal((await serverCounts(server())).unreadNotifications, 1);
    } finally {
      client.stop();
    }
  });

  it('dismiss, mark unread and a support quick action reach the server', async () => {
    const client = clientFor(server());
    try {
      const { items } = await until(client.$notifications, (state) => state.items.length > 3);
      const ticket = items.find((item) => item.actions.includes('feedback-resolved'))!;
      const result = await client.runAction(ticket.id, 'feedback-still-open');
      assert.equal(result, null);
      assert.equal(
        client.$notifications.get().items.find((item) => item.id === ticket.id)?.actionTaken,
        'feedback-still-open',
      );
      const victim = items[items.length - 1]!;
      await client.dismiss(victim.id);
      assert.ok(!client.$notifications.get().items.some((item) => item.id === victim.id));
      const gone = await fetch(`${server().url}/v1/notifications/${victim.id}`, {
        headers: { Authorization: 'Bearer demo-alice' },
      });
      assert.equal(gone.status, 404);
      const read = items.find((item) => item.readAt !== null)!;
      const unread = await client.markUnread(read.id);
      assert.equal(unread.readAt, null);
    } finally {
      client.stop();
    }
  });

  it('accepting an invitation: the count drops at once, the track comes back, the sync progresses to done', async () => {
    const client = clientFor(server());
    try {
      const { items } = await until(client.$invitations, (state) => state.items.length > 0);
      const pending = client.$pendingInviteCount.get();
      const target = items[0]!;
      const accepting = client.acceptInvitation(target.id);
      await until(client.$pendingInviteCount, (count) => count === pending - 1);
      assert.ok(!client.$invitations.get().items.some((inv) => inv.id === target.id));
      const acceptance = await accepting;
      assert.equal(acceptance.track.id, target.track.id);
      assert.equal(acceptance.permission, target.permission);
      await until(client.$syncProgress, (syncs) => syncs[target.track.id]?.done === false);
      await control(server(), '/control/clock/advance', { ms: 60_000 });
      await until(client.$syncProgress, (syncs) => syncs[target.track.id]?.done === true);
      const declined = await client.declineInvitation(client.$invitations.get().items[0]!.id);
      assert.equal(declined.status, 'declined');
      await until(client.$pendingInviteCount, (count) => count === pending - 2);
      assert.equal((await serverCounts(server())).pendingInvitations, pending - 2);
    } finally {
      client.stop();
    }
  });
});

describe('preferences', () => {
  it('edits a draft, saves it, and a 409 reloads the server version and says so', async () => {
    const a = clientFor(server());
    const b = clientFor(server());
    try {
      await until(a.$preferences, (state) => state.status === 'ready');
      await until(b.$preferences, (state) => state.status === 'ready');
      await a.editPreferences((draft) => {
        draft.categories.trackActivity.options.comment = false;
      });
      assert.equal(a.$preferences.get().dirty, true);
      await a.editPreferences((draft) => {
        draft.categories.trackActivity.options.comment = true;
      });
      assert.equal(a.$preferences.get().dirty, false, 'back to the server state: not dirty');
      await a.editPreferences((draft) => ({ ...draft, reminderLeadDays: 7 }));
      await b.editPreferences((draft) => ({ ...draft, reminderLeadDays: 1 }));
      const saved = await a.savePreferences();
      assert.equal(saved.reminderLeadDays, 7);
      assert.equal(a.$preferences.get().status, 'saved');
      // b has an unsaved draft: a's save arrives as "incoming", not over b's edit
      const incoming = await until(b.$preferences, (state) => state.incoming !== null);
      assert.equal(incoming.draft?.reminderLeadDays, 1);
      await assert.rejects(b.savePreferences(), (error: PdError) => error.kind === 'conflict');
      const conflict = b.$preferences.get();
      assert.equal(conflict.status, 'conflict');
      assert.equal(conflict.server?.version, saved.version, 'the server version was reloaded');
      assert.equal(conflict.draft?.reminderLeadDays, 1, 'the edit is not lost');
      const resaved = await b.savePreferences();
      assert.equal(resaved.reminderLeadDays, 1);
      await until(a.$preferences, (state) => state.server?.reminderLeadDays === 1);
    } finally {
      a.stop();
      b.stop();
    }
  });
});
