/**
 * The inbox's verbs in the client (issue #24), over real HTTP against the
 * reference server: seen, archive and unarchive, snooze and unsnooze, bulk
 * changes, each shown at once and as the server stores it; a refusal rolled
 * back alone; each verb queued while the server cannot be reached and replayed
 * in order, once; and the verbs other sessions make, arriving over the stream
 * (an archive, a snooze, a wake, a bulk change, a read-all); a search, from
 * the server, and from the loaded items while offline.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { matchesTerms, searchTerms, type Notification } from '@pd-notify/protocol';
import { createClient, PdError, type ClientOptions, type PdClient } from '../src/index.js';
import { areaHarness } from './area-harness.js';
import {
  control,
  cuttableNetwork,
  offlineEnvironment,
  recordingFetch,
  until,
  referenceServerForFile,
} from './helpers.js';

const server = referenceServerForFile();
const HOUR = 3_600_000;

const clients: PdClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

async function open(options: Partial<ClientOptions> = {}) {
  const client = createClient({ baseUrl: server().url, token: 'demo-alice', ...options });
  clients.push(client);
  client.$notifications.listen(() => {});
  client.$unreadCount.listen(() => {});
  client.$unseenCount.listen(() => {});
  client.$connection.listen(() => {});
  await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
  await until(client.$connection, (s) => s.status === 'live');
  return client;
}

/** What the server stores (any place: inbox, archive, snoozed). */
const stored = (id: string): Notification => server().store.getNotification('alice', id);

/** Another session of alice, over HTTP. */
async function elsewhere(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server().url}${path}`, {
    method,
    headers: { Authorization: 'Bearer demo-alice', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path}: ${response.status}`);
  return response.json();
}

const shown = (client: PdClient, id: string) => client.$notifications.get().items.find((item) => item.id === id);
const has = (client: PdClient, id: string) => shown(client, id) !== undefined;
const serverNow = () => Date.parse(server().store.clock.iso());
const unreadItems = (client: PdClient) => client.$notifications.get().items.filter((item) => item.readAt === null);

describe('each verb, shown at once and stored by the server', () => {
  it('archive leaves the inbox at once, read; unarchive brings it back where its time places it', async () => {
    const client = await open();
    const target = unreadItems(client)[1]!;
    const unread = client.$unreadCount.get();
    const archiving = client.archive(target.id);
    await until(client.$notifications, (s) => !s.items.some((item) => item.id === target.id));
    assert.equal(client.$unreadCount.get(), unread - 1, 'the badge drops at once');
    const answer = await archiving;
    assert.notEqual(answer.archivedAt, null);
    assert.notEqual(stored(target.id).archivedAt, null);
    assert.notEqual(stored(target.id).readAt, null, 'archiving marks read');
    assert.notEqual(stored(target.id).seenAt, null, 'and seen');
    assert.equal(has(client, target.id), false);

    const restored = await client.unarchive(target.id);
    assert.equal(restored.archivedAt, null);
    assert.equal(stored(target.id).archivedAt, null);
    const back = await until(client.$notifications, (s) => s.items.some((item) => item.id === target.id));
    const ids = back.items.map((item) => item.id);
    const times = back.items.map((item) => item.createdAt);
    assert.deepEqual(times, [...times].sort().reverse(), 'in its place, newest first');
    assert.ok(ids.indexOf(target.id) >= 0);
  });

  it('snooze leaves the inbox at once, seen; unsnooze brings it back as it was', async () => {
    const client = await open();
    const target = unreadItems(client)[0]!;
    const until1 = new Date(serverNow() + HOUR);
    const snoozing = client.snooze(target.id, until1);
    await until(client.$notifications, (s) => !s.items.some((item) => item.id === target.id));
    const answer = await snoozing;
    assert.equal(answer.snoozedUntil, until1.toISOString());
    assert.equal(stored(target.id).snoozedUntil, until1.toISOString());
    assert.notEqual(stored(target.id).seenAt, null, 'snoozing marks seen');
    assert.equal(stored(target.id).readAt, null, 'and leaves it unread');

    await client.unsnooze(target.id);
    assert.equal(stored(target.id).snoozedUntil, null);
    const back = await until(client.$notifications, (s) => s.items.some((item) => item.id === target.id));
    assert.equal(back.items.find((item) => item.id === target.id)?.createdAt, target.createdAt, 'where it was');
  });

  it('an invalid time is refused before anything is shown', async () => {
    const client = await open();
    const target = client.$notifications.get().items[0]!;
    await assert.rejects(client.snooze(target.id, 'not a time'), (error: unknown) => {
      return error instanceof PdError && error.kind === 'bad-request';
    });
    assert.equal(has(client, target.id), true);
  });

  it('markSeen by ids and up to an id: seen at once, the unseen count follows', async () => {
    const client = await open();
    const unseen = await until(client.$unseenCount, (count) => count !== undefined && count > 2);
    const items = client.$notifications.get().items.filter((item) => !item.seenAt);
    const [first, second] = items;
    assert.ok(first && second);
    const seeing = client.markSeen([first.id]);
    await until(client.$notifications, (s) => Boolean(s.items.find((item) => item.id === first.id)?.seenAt));
    assert.equal(client.$unseenCount.get(), unseen! - 1, 'the unseen count drops at once');
    const result = await seeing;
    assert.equal(result.op, 'seen');
    assert.deepEqual(
      result.items.map((ref) => ref.id),
      [first.id],
    );
    assert.notEqual(stored(first.id).seenAt, null);
    assert.equal(stored(first.id).readAt, null, 'seen is not read');

    const oldest = items.at(-1)!;
    await client.markSeen({ upToId: second.id });
    assert.notEqual(stored(second.id).seenAt, null);
    assert.notEqual(stored(oldest.id).seenAt, null, 'every older one too');
    await until(client.$unseenCount, (count) => count === 0 || count === unseen! - items.length);
    assert.ok(client.$notifications.get().items.every((item) => item.createdAt > second.createdAt || item.seenAt));
  });

  it('marking read marks seen too, shown at once', async () => {
    const client = await open();
    const target = client.$notifications.get().items.find((item) => item.readAt === null && !item.seenAt)!;
    const reading = client.markRead(target.id);
    await until(client.$notifications, (s) => Boolean(s.items.find((item) => item.id === target.id)?.seenAt));
    await reading;
    assert.notEqual(stored(target.id).seenAt, null);
  });

  it('bulk by ids, and by filter up to the top of the list', async () => {
    const client = await open();
    const [a, b] = unreadItems(client);
    assert.ok(a && b);
    const reading = client.bulk('read', [a.id, b.id]);
    await until(client.$notifications, (s) =>
      s.items.filter((item) => item.id === a.id || item.id === b.id).every((item) => item.readAt !== null),
    );
    const result = await reading;
    assert.deepEqual(result.items.map((ref) => ref.id).sort(), [a.id, b.id].sort());
    assert.notEqual(stored(a.id).readAt, null);
    assert.notEqual(stored(b.id).readAt, null);

    const top = client.$notifications.get().items[0]!;
    const archiving = client.bulk('archive', { filter: {}, upToId: top.id });
    await until(client.$notifications, (s) => s.items.length === 0 || !s.items.some((item) => item.id === top.id));
    const archived = await archiving;
    assert.ok(archived.items.length > 0);
    assert.ok(archived.items.every((ref) => stored(ref.id).archivedAt !== null));
    await until(client.$notifications, (s) => s.items.length === 0);
    await until(client.$unreadCount, (count) => count === 0);

    await client.bulk('unarchive', { filter: { archived: true } });
    await until(client.$notifications, (s) => s.items.length > 0, 10_000);
  });
});

describe('how many match', () => {
  it('the list state carries the server’s total for its filter (for “select all N matching”), one per view', async () => {
    const client = await open({ pageSize: 3 });
    const inbox = server().store.listNotifications('alice', { limit: 100 }).items.length;
    assert.ok(inbox > 3);
    assert.equal(client.$notifications.get().total, inbox);
    assert.equal(client.$notifications.get().hasMore, true);
    await client.archive(client.$notifications.get().items[0]!.id);
    // Kept with what came and went since it was counted: one archived, one arriving.
    await until(client.$notifications, (s) => s.total === inbox - 1);
    server().store.deliver('alice', { type: 'service-announcement', title: 'Counted', message: '' });
    await until(client.$notifications, (s) => s.total === inbox && s.items[0]?.title === 'Counted');
    await client.setFilter({ archived: true });
    const archived = await until(client.$notifications, (s) => s.status === 'ready' && s.filter.archived === true);
    assert.equal(archived.total, 1);
    assert.equal(archived.items.length, 1);
  });
});

describe('the archive and the snoozed, stores of their own', () => {
  /** A fetch that records the list requests' queries (`?archived=true&limit=20`). */
  function listQueries() {
    const lists: string[] = [];
    const fetcher: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/notifications') lists.push(url.search);
      return fetch(input, init);
    };
    return { lists, fetch: fetcher };
  }
  const ids = (state: { items: readonly Notification[] }) => state.items.map((item) => item.id);
  /** A fetch whose answers to changes wait, between `hold()` and `release()` (the server has applied them). */
  function answersOnHold() {
    let gate: Promise<void> | null = null;
    let open = () => {};
    const fetcher: typeof fetch = async (input, init) => {
      const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
      const response = await fetch(input, init);
      if (method !== 'GET') await gate;
      return response;
    };
    return {
      fetch: fetcher,
      hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
      release: () => {
        open();
        gate = null;
      },
    };
  }

  it('another user: nothing the previous one changed enters their views, and an answer to the previous user’s change is not taken', async () => {
    const answers = answersOnHold();
    const client = await open({ fetch: answers.fetch, persist: false, shareAcrossTabs: false });
    client.$archived.listen(() => {});
    await until(client.$archived, (state) => state.status === 'ready');
    const alices = ids(client.$notifications.get()).slice(0, 4);
    for (const id of alices.slice(0, 3)) await client.markRead(id);
    // One more change, applied by the server, whose answer comes after the switch.
    answers.hold();
    const late = client.markUnread(alices[0]!);
    while (stored(alices[0]!).readAt !== null) await new Promise((resolve) => setImmediate(resolve));
    client.setToken('demo-ben');
    answers.release();
    await late;
    const bens = await until(client.$notifications, (state) => state.status === 'ready' && state.items.length > 0);
    await until(client.$archived, (state) => state.status === 'ready');
    const foreign = (state: { items: readonly Notification[] }) => ids(state).filter((id) => alices.includes(id));
    assert.deepEqual(foreign(bens), []);
    // Ben archives his whole inbox: his items enter his archive at once, none of Alice's.
    answers.hold();
    const archiving = client.bulk('archive', { filter: {} });
    const archive = await until(client.$archived, (state) => state.items.length >= bens.items.length);
    assert.deepEqual(foreign(archive), []);
    assert.deepEqual(foreign(client.$notifications.get()), []);
    answers.release();
    await archiving;
    assert.deepEqual(foreign(client.$archived.get()), []);
    // A change asked for as the user changes is not sent with the next user's token (it would be a 404 then).
    const bensItem = bens.items[0]!.id;
    const readAt = server().store.getNotification('ben', bensItem).readAt;
    const unsent = client.markUnread(bensItem);
    client.setToken('demo-alice');
    await assert.rejects(unsent, (error: PdError) => error.kind === 'auth');
    assert.equal(server().store.getNotification('ben', bensItem).readAt, readAt);
  });

  it('each loads only when observed, once, and leaves the inbox as it is', async () => {
    const { lists, fetch: recording } = listQueries();
    const client = await open({ fetch: recording });
    const [a, b] = client.$notifications.get().items;
    assert.ok(a && b);
    await client.archive(a.id);
    await client.snooze(b.id, new Date(serverNow() + HOUR));
    assert.deepEqual(
      lists.filter((query) => query.includes('archived') || query.includes('snoozed')),
      [],
      'nothing asked for the views before they are observed',
    );
    assert.equal(client.$archived.get().status, 'idle');
    const inboxLists = lists.length;
    const inbox = client.$notifications.get();

    client.$archived.listen(() => {});
    client.$snoozed.listen(() => {});
    const archived = await until(client.$archived, (s) => s.status === 'ready');
    const snoozedView = await until(client.$snoozed, (s) => s.status === 'ready');
    assert.deepEqual(ids(archived), [a.id]);
    assert.deepEqual(ids(snoozedView), [b.id]);
    assert.equal(archived.filter.archived, true);
    assert.equal(snoozedView.filter.snoozed, true);
    assert.deepEqual(lists.slice(inboxLists).sort(), ['?archived=true&limit=20', '?snoozed=true&limit=20']);
    assert.deepEqual(client.$notifications.get(), inbox, 'the inbox neither reloaded nor changed');
  });

  it('a verb moves an item from one view to another at once, and back with its undo', async () => {
    const network = answersOnHold();
    const client = await open({ fetch: network.fetch });
    client.$archived.listen(() => {});
    client.$snoozed.listen(() => {});
    await until(client.$archived, (s) => s.status === 'ready');
    await until(client.$snoozed, (s) => s.status === 'ready');
    const target = unreadItems(client)[0]!;
    const inArchive = () => client.$archived.get().items.find((item) => item.id === target.id);

    // Before the server answers: out of the inbox, in the archive, read.
    network.hold();
    const archiving = client.archive(target.id);
    await until(client.$archived, (s) => s.items.some((item) => item.id === target.id));
    assert.equal(has(client, target.id), false);
    assert.ok(inArchive()?.archivedAt && inArchive()?.readAt, 'in the archive, read');
    network.release();
    await archiving;
    assert.deepEqual(ids(client.$archived.get()), [target.id], 'the server’s version took its place');
    assert.equal(inArchive()!.version, stored(target.id).version);

    network.hold();
    const restoring = client.unarchive(target.id);
    await until(client.$notifications, (s) => s.items.some((item) => item.id === target.id));
    assert.deepEqual(ids(client.$archived.get()), [], 'out of the archive');
    network.release();
    await restoring;
    assert.ok(has(client, target.id));

    network.hold();
    const snoozing = client.snooze(target.id, new Date(serverNow() + HOUR));
    await until(client.$snoozed, (s) => s.items.some((item) => item.id === target.id));
    assert.equal(has(client, target.id), false);
    network.release();
    await snoozing;
    await control(server(), '/control/clock/advance', { ms: HOUR + 1000 });
    // It wakes: out of the snoozed, on top of the inbox, unread.
    await until(client.$snoozed, (s) => s.items.length === 0);
    const woken = await until(client.$notifications, (s) => s.items[0]?.id === target.id);
    assert.equal(woken.items[0]!.readAt, null);
  });

  it('offline, a change shows in both views, marked pending; a refusal takes it back from both', async () => {
    const { env, set } = offlineEnvironment();
    const { state, fetch } = cuttableNetwork();
    const client = await open({ environment: env, fetch });
    client.$archived.listen(() => {});
    await until(client.$archived, (s) => s.status === 'ready');
    const [a, b] = client.$notifications.get().items;
    assert.ok(a && b);
    set(false);
    state.down = true;
    const archiving = client.archive(a.id);
    await until(client.$archived, (s) => s.pending.includes(a.id));
    assert.deepEqual(ids(client.$archived.get()), [a.id], 'shown in the archive, waiting');
    assert.equal(has(client, a.id), false);
    // Undone while still waiting: it is back in the inbox and gone from the archive, whatever the order of their sending.
    const undoing = client.unarchive(a.id);
    await until(client.$notifications, (s) => s.items.some((item) => item.id === a.id));
    assert.deepEqual(ids(client.$archived.get()), []);
    set(true);
    state.down = false;
    await client.refresh();
    await Promise.all([archiving, undoing]);
    assert.equal(stored(a.id).archivedAt, null);

    // More than a year ahead: refused, so it comes back to the inbox and never stays in the snoozed.
    client.$snoozed.listen(() => {});
    await until(client.$snoozed, (s) => s.status === 'ready');
    await assert.rejects(client.snooze(b.id, new Date(serverNow() + 400 * 24 * HOUR)));
    assert.ok(has(client, b.id));
    assert.deepEqual(ids(client.$snoozed.get()), []);
  });

  it('Undo brings an item back at once even where no view holds it any more (offline, marked pending)', async () => {
    const { env, set } = offlineEnvironment();
    const { state, fetch } = cuttableNetwork();
    const client = await open({ environment: env, fetch });
    const target = client.$notifications.get().items[0]!;
    await client.archive(target.id);
    assert.equal(has(client, target.id), false, 'the inbox dropped it; no archive view is loaded');
    set(false);
    state.down = true;
    const undoing = client.unarchive(target.id);
    await until(client.$notifications, (s) => s.items.some((item) => item.id === target.id));
    await until(client.$notifications, (s) => s.pending.includes(target.id)); // waiting, and said so
    set(true);
    state.down = false;
    await client.refresh();
    await undoing;
    assert.equal(stored(target.id).archivedAt, null);
  });

  it('“Mark all as read” leaves what is snoozed as it is, as the server does', async () => {
    const network = answersOnHold();
    const client = await open({ fetch: network.fetch });
    client.$snoozed.listen(() => {});
    await until(client.$snoozed, (s) => s.status === 'ready');
    const target = unreadItems(client)[0]!;
    await client.snooze(target.id, new Date(serverNow() + HOUR));
    await until(client.$snoozed, (s) => s.items.some((item) => item.id === target.id && item.readAt === null));
    network.hold();
    const marking = client.markAllRead();
    await until(client.$notifications, (s) => s.items.every((item) => item.readAt !== null));
    assert.equal(client.$snoozed.get().items.find((item) => item.id === target.id)?.readAt, null, 'not shown read');
    network.release();
    await marking;
    assert.equal(stored(target.id).readAt, null);
    assert.equal(client.$snoozed.get().items.find((item) => item.id === target.id)?.readAt, null);
  });

  it('each view takes changes made elsewhere, and narrows and pages on its own', async () => {
    const client = await open();
    client.$archived.listen(() => {});
    await until(client.$archived, (s) => s.status === 'ready');
    const items = client.$notifications.get().items.slice(0, 5);
    const inboxTotal = client.$notifications.get().total!;
    await elsewhere('POST', '/v1/notifications/bulk', { op: 'archive', ids: items.map((item) => item.id) });
    await until(client.$archived, (s) => s.items.length === 5);
    assert.equal(client.$archived.get().total, 5, 'what entered the view is counted');
    assert.equal(client.$notifications.get().total, inboxTotal - 5, 'and what left the inbox');
    const comments = items.filter((item) => item.category === items[0]!.category);
    await client.setFilter({ category: items[0]!.category }, 'archived');
    const narrowed = client.$archived.get();
    assert.deepEqual(narrowed.filter, { category: items[0]!.category, archived: true, snoozed: null });
    assert.deepEqual(ids(narrowed), ids({ items: comments }));
    assert.equal(client.$notifications.get().filter.category, undefined, 'the inbox keeps its own filter');

    await client.setFilter({}, 'archived');
    const paged = createClient({ baseUrl: server().url, token: 'demo-alice', pageSize: 2 });
    clients.push(paged);
    paged.$archived.listen(() => {});
    await until(paged.$archived, (s) => s.status === 'ready' && s.items.length === 2 && s.hasMore);
    await paged.loadMore('archived');
    await paged.loadMore('archived');
    const all = await until(paged.$archived, (s) => !s.hasMore);
    assert.deepEqual(ids(all), ids(client.$archived.get()), 'paged to the same five');
    assert.equal(all.total, 5);
  });
});

describe('a refusal', () => {
  it('rolls back that change alone while another one stands', async () => {
    const client = await open();
    const [a, b] = client.$notifications.get().items;
    assert.ok(a && b);
    // More than a year ahead: the server refuses it (400, field "until").
    const snoozing = client.snooze(a.id, new Date(serverNow() + 400 * 24 * HOUR));
    const archiving = client.archive(b.id);
    const refused = await snoozing.then(
      () => null,
      (error: unknown) => error,
    );
    assert.ok(refused instanceof PdError && refused.kind === 'bad-request', String(refused));
    await archiving;
    const after = await until(client.$notifications, (s) => s.items.some((item) => item.id === a.id));
    assert.equal(after.items.find((item) => item.id === a.id)?.snoozedUntil ?? null, null, 'shown as it was');
    assert.equal(has(client, b.id), false, 'the archive stands');
    assert.equal(stored(a.id).snoozedUntil, null);
    assert.notEqual(stored(b.id).archivedAt, null);
  });
});

describe('verbs made while the server cannot be reached', () => {
  it('stay shown and pending, then are replayed in order, each once', async () => {
    const { state, fetch } = cuttableNetwork();
    const client = await open({ fetch });
    const [a, b, c, d] = unreadItems(client);
    assert.ok(a && b && c && d, 'the demo has four unread notifications');
    const snoozeUntil = new Date(serverNow() + 2 * HOUR).toISOString();
    state.down = true;
    const done = Promise.all([
      client.archive(a.id).then(() => client.unarchive(a.id)),
      client.snooze(b.id, snoozeUntil).then(() => client.unsnooze(b.id)),
      client.markSeen([c.id]),
      client.bulk('archive', [d.id]),
    ]);
    await until(client.$connection, (s) => s.pending === 4);
    assert.equal(has(client, a.id), false, 'archived at once');
    assert.equal(has(client, b.id), false, 'snoozed at once');
    assert.ok(shown(client, c.id)?.seenAt, 'seen at once');
    // Seen waits too, but no row shows it ("will sync" is for what the user did to a row).
    assert.deepEqual(
      client.$notifications.get().pending.filter((id) => id === c.id),
      [],
      'a seen mark does not show pending',
    );
    assert.equal(has(client, d.id), false, 'bulk-archived at once');
    assert.equal(stored(a.id).archivedAt, null, 'not on the server yet');
    // The first answer after the connection is back is lost: sent again with its key, applied once.
    state.lose = 1;
    state.down = false;
    await client.refresh();
    await done;
    assert.equal(stored(a.id).archivedAt, null, 'archived then restored, in that order');
    assert.notEqual(stored(a.id).readAt, null, 'read by the archive');
    assert.equal(stored(b.id).snoozedUntil, null, 'snoozed then unsnoozed');
    assert.notEqual(stored(c.id).seenAt, null);
    assert.notEqual(stored(d.id).archivedAt, null);
    const posts = state.sent.filter((call) => call.startsWith('POST'));
    const archiveA = posts.lastIndexOf(`POST /v1/notifications/${a.id}/archive`);
    const unarchiveA = posts.indexOf(`POST /v1/notifications/${a.id}/unarchive`);
    assert.ok(archiveA >= 0 && archiveA < unarchiveA, 'in order');
    assert.equal(posts.filter((call) => call === `POST /v1/notifications/${a.id}/archive`).length, 2, 'sent twice');
    await until(client.$connection, (s) => s.pending === 0);
    assert.deepEqual(client.$notifications.get().pending, []);
    await until(client.$notifications, (s) => s.items.some((item) => item.id === a.id));
  });
});

describe('verbs from elsewhere, over the stream', () => {
  it('a page with a bell only: a batch change updates its counts and loads no list', async () => {
    const { fetch: recording, calls } = recordingFetch();
    const client = createClient({ baseUrl: server().url, token: 'demo-alice', fetch: recording });
    clients.push(client);
    client.$unreadCount.listen(() => {});
    client.$unseenCount.listen(() => {});
    await until(client.$unreadCount, (count) => count !== undefined && count > 0);
    const unread = client.$unreadCount.get()!;
    const page = server().store.listNotifications('alice', { limit: 20, unread: true });
    await elsewhere('POST', '/v1/notifications/bulk', { op: 'read', ids: [page.items[0]!.id] });
    await until(client.$unreadCount, (count) => count === unread - 1);
    // Whatever that event started has gone out by the time a later event is shown.
    await control(server(), '/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: 'Later',
      message: '',
    });
    await until(client.$unreadCount, (count) => count === unread);
    assert.deepEqual(
      calls.filter((call) => call.path === '/v1/notifications').map((call) => call.method),
      [],
      'no list asked for',
    );
  });

  it('an archive removes the row, a restore brings it back', async () => {
    const client = await open();
    const target = client.$notifications.get().items[1]!;
    await elsewhere('POST', `/v1/notifications/${target.id}/archive`);
    await until(client.$notifications, (s) => !s.items.some((item) => item.id === target.id));
    await elsewhere('POST', `/v1/notifications/${target.id}/unarchive`);
    await until(client.$notifications, (s) => s.items.some((item) => item.id === target.id));
  });

  it('a snoozed item leaves, and when it wakes it comes back on top, unread, even though it was not held', async () => {
    const client = await open();
    const target = client.$notifications.get().items.at(-1)!;
    await elsewhere('POST', `/v1/notifications/${target.id}/read`);
    await elsewhere('POST', `/v1/notifications/${target.id}/snooze`, {
      until: new Date(serverNow() + HOUR).toISOString(),
    });
    await until(client.$notifications, (s) => !s.items.some((item) => item.id === target.id));
    await control(server(), '/control/clock/advance', { ms: HOUR + 1000 });
    const woken = await until(client.$notifications, (s) => s.items[0]?.id === target.id);
    const item = woken.items[0]!;
    assert.equal(item.readAt, null);
    assert.equal(item.seenAt, null);
    assert.equal(item.snoozedUntil, null);
    assert.ok(item.createdAt > target.createdAt);
  });

  it('a bulk change is applied to the items held; a read-all sets seen', async () => {
    const client = await open();
    const [a, b] = unreadItems(client);
    assert.ok(a && b);
    await elsewhere('POST', '/v1/notifications/bulk', { op: 'seen', ids: [a.id] });
    await until(client.$notifications, (s) => Boolean(s.items.find((item) => item.id === a.id)?.seenAt));
    await elsewhere('POST', '/v1/notifications/bulk', { op: 'archive', ids: [b.id] });
    await until(client.$notifications, (s) => !s.items.some((item) => item.id === b.id));
    await elsewhere('POST', '/v1/notifications/bulk', { op: 'unarchive', ids: [b.id] });
    await until(client.$notifications, (s) => s.items.some((item) => item.id === b.id && item.readAt !== null));
    await elsewhere('POST', '/v1/notifications/read-all', {});
    await until(client.$notifications, (s) => s.items.every((item) => item.readAt !== null && item.seenAt));
    await until(client.$unseenCount, (count) => count === 0);
  });
});

describe('the notifications.bulk event, applied per the table', () => {
  it('sets each listed item’s fields at the version just before, and fetches an item held at an older version', async () => {
    const harness = areaHarness({ baseUrl: server().url });
    assert.equal(await harness.notifications.load(), true);
    const [a, b] = harness.notifications.$notifications.get().items.filter((item) => item.readAt === null);
    assert.ok(a && b);
    const at = '2030-01-01T00:00:00.000Z';
    harness.send('notifications.bulk', { op: 'read', at, items: [{ id: a.id, version: a.version + 1 }] });
    await harness.settle();
    const read = harness.notifications.$notifications.get().items.find((item) => item.id === a.id)!;
    assert.equal(read.readAt, at);
    assert.equal(read.seenAt, at, 'read sets seen');
    assert.equal(read.version, a.version + 1);
    // b changes twice on the server; the client hears only of the second (a bulk archive): it fetches b.
    await elsewhere('POST', `/v1/notifications/${b.id}/read`);
    const result = (await elsewhere('POST', '/v1/notifications/bulk', { op: 'archive', ids: [b.id] })) as {
      items: { id: string; version: number }[];
    };
    assert.equal(result.items[0]!.version, b.version + 2);
    const calls: string[] = [];
    const original = harness.rest.getNotification;
    harness.rest.getNotification = (id) => (calls.push(id), original(id));
    harness.send('notifications.bulk', { op: 'archive', at, ...result });
    await until(harness.notifications.$notifications, (s) => !s.items.some((item) => item.id === b.id));
    assert.deepEqual(calls, [b.id]);
  });
});

describe('a search', () => {
  it('answers with the server’s results, accents and case ignored, every word matching', async () => {
    const client = await open();
    const withActor = client.$notifications
      .get()
      .items.find((item) => item.actor && item.actor.name.normalize('NFKD') !== item.actor.name);
    assert.ok(withActor?.actor, 'the demo has an actor whose name has an accent');
    const plain = withActor.actor.name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toUpperCase();
    const $results = await client.search(plain);
    const results = await until($results, (s) => s.status === 'ready');
    assert.equal(results.source, 'server');
    assert.ok(results.items.some((item) => item.id === withActor.id));
    const none = await until(await client.search(`${plain} zzzqqq`), (s) => s.status === 'ready');
    assert.deepEqual(none.items, [], 'every word must match');
  });

  it('brings the next pages on demand, each result once, until the server has no more', async () => {
    const client = await open();
    for (let i = 1; i <= 45; i++) {
      server().store.deliver('alice', { type: 'service-announcement', title: `Pager take ${i}`, message: '' });
    }
    const $results = await client.search('pager take');
    const first = await until($results, (s) => s.status === 'ready');
    assert.equal(first.items.length, 20, 'the server’s default page');
    assert.equal(first.total, 45);
    assert.equal(first.hasMore, true);
    // Two calls at once load one page.
    await Promise.all([$results.loadMore(), $results.loadMore()]);
    assert.equal($results.get().items.length, 40);
    await $results.loadMore();
    const all = $results.get();
    assert.equal(all.hasMore, false);
    assert.deepEqual(
      all.items.map((item) => item.title),
      Array.from({ length: 45 }, (_, i) => `Pager take ${45 - i}`),
    );
    await $results.loadMore();
    assert.equal($results.get().items.length, 45, 'nothing more to load');
  });

  it('refuses a query the protocol refuses', async () => {
    const client = await open();
    for (const q of ['a', ' a ', 'x'.repeat(101)]) {
      await assert.rejects(
        client.search(q),
        (error: unknown) => error instanceof PdError && error.kind === 'bad-request',
      );
    }
  });

  it('searches the archive when asked', async () => {
    const client = await open();
    const target = client.$notifications.get().items[0]!;
    await client.archive(target.id);
    const word = target.title.split(/\s+/).find((part) => part.length >= 3)!;
    const inbox = await until(await client.search(word), (s) => s.status === 'ready');
    assert.equal(
      inbox.items.some((item) => item.id === target.id),
      false,
    );
    const archive = await until(await client.search(word, { archived: true }), (s) => s.status === 'ready');
    assert.ok(archive.items.some((item) => item.id === target.id));
  });

  it('while offline, matches the loaded items, marked local', async () => {
    const { env, set } = offlineEnvironment();
    const { state, fetch } = cuttableNetwork();
    const client = await open({ environment: env, fetch });
    const target = client.$notifications.get().items.find((item) => item.actor)!;
    const name = target
      .actor!.name.normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase();
    set(false);
    state.down = true;
    const local = await until(await client.search(name), (s) => s.status === 'ready');
    assert.equal(local.source, 'local');
    assert.ok(local.items.some((item) => item.id === target.id));
    const terms = searchTerms(name);
    const loaded = client.$notifications.get().items;
    assert.deepEqual(
      local.items.map((item) => item.id),
      loaded.filter((item) => matchesTerms(terms, [item.title, item.message, item.actor?.name])).map((item) => item.id),
      'exactly the loaded items that match',
    );
    // Online, but no answer: the same fallback, with the failure.
    set(true);
    const unanswered = await until(await client.search(name), (s) => s.status === 'ready');
    assert.equal(unanswered.source, 'local');
    assert.equal(unanswered.error?.kind, 'network');
  });
});
