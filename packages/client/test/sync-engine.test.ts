import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Notification } from '@pd-notify/protocol';
import { PdError } from '../src/index.js';
import { Rest } from '../src/rest.js';
import { SyncEngine } from '../src/sync/engine.js';
import { rebaseDraft } from '../src/sync/preferences-editor.js';
import { NotificationList } from '../src/sync/notification-list.js';
import { control, eventually, recordingFetch, referenceServer } from './helpers.js';

let server: RunningServer;
before(async () => {
  server = await referenceServer({ seed: 'empty' });
});
after(() => server.close());

const item = (id: string, version: number, extra: Partial<Notification> = {}): Notification => ({
  id,
  version,
  type: 'comment',
  category: 'workflow',
  title: `${id} v${version}`,
  message: '',
  createdAt: '2026-11-23T09:00:00.000Z',
  readAt: null,
  priority: 'normal',
  actions: [],
  ...extra,
});

async function engine() {
  const errors: PdError[] = [];
  const { fetch, calls } = recordingFetch();
  const sync = new SyncEngine({
    rest: new Rest({ baseUrl: server.url, getToken: () => 'demo-alice', fetch }),
    pageSize: 20,
    onError: (error) => errors.push(error),
    share: () => {},
  });
  await sync.resync();
  let seq = 0;
  const send = (event: string, data: unknown, id = `aaaa-${++seq}`) =>
    sync.applyWireEvent({ id, event, data: typeof data === 'string' ? data : JSON.stringify(data) });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const titles = () => sync.$notifications.get().items.map((n) => n.title);
  return { sync, send, settle, titles, errors, calls, setSeq: (n: number) => (seq = n) };
}

describe('the sync engine applies events idempotently and in version order', () => {
  it('drops a duplicate (same id, or same version) and never lets an older version win', async () => {
    const { send, settle, titles } = await engine();
    send('notification.created', item('n1', 1));
    send('notification.created', item('n1', 1), 'aaaa-1'); // the same event again
    send('notification.updated', item('n1', 3, { readAt: '2026-11-23T09:05:00.000Z' }));
    send('notification.updated', item('n1', 2)); // late and older
    await settle();
    assert.deepEqual(titles(), ['n1 v3']);
  });

  it('remembers a removal that arrives before its creation', async () => {
    const { send, settle, titles } = await engine();
    send('notification.removed', { id: 'n2', version: 2 });
    send('notification.created', item('n2', 1));
    send('notification.created', item('n3', 1));
    await settle();
    assert.deepEqual(titles(), ['n3 v1']);
  });

  it('orders by creation time, newest first, whatever the arrival order', async () => {
    const { send, settle, titles } = await engine();
    send('notification.created', item('old', 1, { createdAt: '2026-11-23T08:00:00.000Z' }));
    send('notification.created', item('new', 1, { createdAt: '2026-11-23T10:00:00.000Z' }));
    send('notification.created', item('mid', 1, { createdAt: '2026-11-23T09:00:00.000Z' }));
    await settle();
    assert.deepEqual(titles(), ['new v1', 'mid v1', 'old v1']);
  });

  it('reports and drops an event that is not JSON or not the protocol, and goes on', async () => {
    const { send, settle, titles, errors } = await engine();
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

  it('resyncs from the server on a gap in the event ids, and on a reset', async () => {
    const { send, calls, setSeq } = await engine();
    const loads = () => calls.filter((call) => call.path === '/v1/notifications').length;
    const before = loads();
    send('counts', { unreadNotifications: 0, pendingInvitations: 0 });
    setSeq(5); // the next id skips 2..5
    send('counts', { unreadNotifications: 0, pendingInvitations: 0 });
    await eventually(() => assert.equal(loads(), before + 1));
    send('reset', { reason: 'unknown-id' });
    await eventually(() => assert.equal(loads(), before + 2));
  });

  it('keeps counts and invitations that the stream delivered while a resync’s older answers were in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held: typeof fetch = async (input, init) => {
      const response = await fetch(input, init); // answered now, from the server's current (older) state
      await gate;
      return response;
    };
    const sync = new SyncEngine({
      rest: new Rest({ baseUrl: server.url, getToken: () => 'demo-alice', fetch: held }),
      pageSize: 20,
      onError: () => {},
      share: () => {},
    });
    const loading = sync.resync();
    await eventually(() => assert.equal(sync.$notifications.get().status, 'loading'));
    const invitation = {
      id: 'inv-during-load',
      version: 1,
      track: { id: 't1', name: 'Late Track', artworkUrl: null },
      sender: { id: 'ben', name: 'Ben' },
      permission: 'edit',
      status: 'pending',
      sentAt: '2026-11-23T09:00:00.000Z',
      respondedAt: null,
    };
    sync.applyWireEvent({ id: 'bbbb-1', event: 'invitation.created', data: JSON.stringify(invitation) });
    sync.applyWireEvent({
      id: 'bbbb-2',
      event: 'counts',
      data: JSON.stringify({ unreadNotifications: 4, pendingInvitations: 1 }),
    });
    release();
    await loading;
    assert.equal(sync.$unreadCount.get(), 4);
    assert.equal(sync.$pendingInviteCount.get(), 1);
    assert.deepEqual(
      sync.$invitations.get().items.map((inv) => inv.track.name),
      ['Late Track'],
    );
  });
});

describe('rebaseDraft', () => {
  it('keeps what the user changed and takes everything else from the newer version', () => {
    const base = server.store.getPreferences('alice');
    const draft = structuredClone({ categories: base.categories, reminderLeadDays: base.reminderLeadDays });
    draft.categories.projects.enabled = false;
    draft.reminderLeadDays = 1;
    const theirs = structuredClone({ ...base, version: 2 });
    theirs.categories.collaborators.channels.email = true;
    theirs.reminderLeadDays = 7;
    theirs.categories.projects.options['track-added'] = false;
    const rebased = rebaseDraft(base, draft, theirs);
    assert.equal(rebased.categories.projects.enabled, false, 'mine');
    assert.equal(rebased.reminderLeadDays, 1, 'mine');
    assert.equal(rebased.categories.collaborators.channels.email, true, 'theirs');
    assert.equal(rebased.categories.projects.options['track-added'], false, 'theirs');
  });
});

describe('NotificationList.replaceHead', () => {
  it('keeps loaded items created at the same instant as the fresh page’s last one (they may come after it)', () => {
    const list = new NotificationList();
    const loaded = ['a', 'b', 'c', 'd'].map((id) => item(id, 1));
    for (const notification of loaded) list.upsert(notification, true);
    // A resync's first page of two: a and b; c and d share their creation time and stay.
    list.replaceHead(loaded.slice(0, 2), false, () => false, true);
    assert.deepEqual(
      list.view().map((n) => n.id),
      ['a', 'b', 'c', 'd'],
    );
    // A complete page is the whole truth: what it lacks is gone.
    list.replaceHead(loaded.slice(0, 2), true, () => false, true);
    assert.deepEqual(
      list.view().map((n) => n.id),
      ['a', 'b'],
    );
  });
});

describe('the memory bound (maxItems)', () => {
  it('keeps the newest items as the stream brings more, and loads the dropped ones again on scroll, in order', async () => {
    await control(server, '/control/reset', { seed: 'empty' });
    const sync = new SyncEngine({
      rest: new Rest({ baseUrl: server.url, getToken: () => 'demo-alice' }),
      pageSize: 5,
      maxItems: 10,
      onError: () => {},
      share: () => {},
    });
    await sync.resync();
    for (let i = 1; i <= 30; i++) {
      const { notification } = (await control(server, '/control/act', {
        action: 'notify',
        userId: 'alice',
        type: 'comment',
        title: `n${i}`,
        message: '',
      })) as { notification: Notification };
      sync.applyWireEvent({ id: `bound-${i}`, event: 'notification.created', data: JSON.stringify(notification) });
    }
    const titles = () => sync.$notifications.get().items.map((n) => n.title);
    const newest = (count: number) => Array.from({ length: count }, (_, i) => `n${30 - i}`);
    // Past twice the bound (21 items) the oldest were dropped down to 10; nine more came since.
    await eventually(() => assert.deepEqual(titles(), newest(19)));
    assert.equal(sync.$notifications.get().hasMore, true);
    await sync.loadMore();
    assert.deepEqual(titles(), newest(20), 'the next older item, no duplicates');
    while (sync.$notifications.get().hasMore) await sync.loadMore();
    assert.deepEqual(
      titles(),
      Array.from({ length: 30 }, (_, i) => `n${30 - i}`),
    );
    // What the user loaded is never trimmed by new arrivals.
    const { notification } = (await control(server, '/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: 'n31',
      message: '',
    })) as { notification: Notification };
    sync.applyWireEvent({ id: 'bound-31', event: 'notification.created', data: JSON.stringify(notification) });
    await eventually(() => assert.equal(sync.$notifications.get().items.length, 31));
  });
});
