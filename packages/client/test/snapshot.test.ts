/**
 * Server rendering's snapshot (issue #26), over real HTTP and SSE against the
 * reference server: `loadSnapshot` loads the counts (and the first page) and where
 * the stream stands, holding no token; a client started from it shows it at once,
 * asks nothing for what it holds (no `/v1/me` either), resumes the stream from the
 * snapshot's position and so gets what happened after the render.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { createClient, isClientSnapshot, loadSnapshot, PdError, type PdClient } from '../src/index.js';
import { referenceServerForFile, until } from './helpers.js';

const server = referenceServerForFile();
const clients: PdClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

/** Requests a client sends: path and `Last-Event-ID`. */
function recording() {
  const sent: { path: string; lastEventId: string | null }[] = [];
  const fetchRecorded: typeof fetch = (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    sent.push({ path: new URL(request.url).pathname, lastEventId: request.headers.get('last-event-id') });
    return fetch(request);
  };
  return { sent, fetch: fetchRecorded };
}

/** The inbox's first page as the server gives it to the token's user. */
async function firstPage(token = 'demo-alice'): Promise<{ id: string }[]> {
  const answer = await fetch(`${server().url}/v1/notifications?limit=20`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await answer.json()) as { items: { id: string }[] }).items;
}

describe('loadSnapshot (the host’s server, in Node)', () => {
  it('gives the user’s counts, where the stream stands and the user, as plain JSON without the token', async () => {
    const snapshot = await loadSnapshot({ baseUrl: server().url, token: 'demo-alice' });
    assert.deepEqual(snapshot.areas, { counts: server().store.counts('alice') });
    assert.equal(snapshot.userId, 'alice');
    assert.equal(snapshot.locale, 'en');
    assert.match(snapshot.lastEventId, /^[a-z0-9]+-\d+$/);
    assert.equal(snapshot.baseUrl, server().url);
    const json = JSON.stringify(snapshot);
    assert.doesNotMatch(json, /demo-alice/);
    assert.ok(isClientSnapshot(JSON.parse(json)));
  });

  it('with `feed`: the inbox’s first page too, in the reader’s language', async () => {
    const snapshot = await loadSnapshot({ baseUrl: server().url, token: 'demo-alice', feed: true, locale: 'fr' });
    const items = snapshot.areas.notifications?.items ?? [];
    assert.deepEqual(
      items.map((item) => item.id),
      (await firstPage()).map((item) => item.id),
    );
    assert.ok(items.some((item) => item.title === 'Maintenance prévue dimanche'));
    assert.equal(snapshot.locale, 'fr');
  });

  it('a refused token rejects with an `auth` PdError', async () => {
    const refused = await loadSnapshot({ baseUrl: server().url, token: 'not-a-token' }).catch((error) => error);
    assert.ok(refused instanceof PdError);
    assert.equal(refused.kind, 'auth');
  });

  it('an unreachable server rejects with a `network` PdError', async () => {
    const refused = await loadSnapshot({ baseUrl: 'http://127.0.0.1:9', token: 'demo-alice' }).catch((e) => e);
    assert.ok(refused instanceof PdError);
    assert.equal(refused.kind, 'network');
  });
});

describe('a client started from a snapshot (the browser)', () => {
  it('shows it at once, asks nothing it holds, and resumes the stream from its position', async () => {
    const snapshot = await loadSnapshot({ baseUrl: server().url, token: 'demo-alice', feed: true });
    // After the render: a notification the snapshot does not have.
    server().store.deliver('alice', { type: 'service-announcement', title: 'After the render', message: '' });
    const { sent, fetch } = recording();
    const client = createClient({ baseUrl: server().url, token: 'demo-alice', snapshot, fetch, persist: false });
    clients.push(client);
    assert.equal(client.$unreadCount.get(), snapshot.areas.counts!.unreadNotifications, 'before any request');
    assert.equal(client.$notifications.get().status, 'ready');
    assert.equal(client.$notifications.get().items.length, snapshot.areas.notifications!.items.length);
    client.$notifications.listen(() => {});
    client.$unreadCount.listen(() => {});
    await until(client.$notifications, (state) => state.items[0]?.title === 'After the render');
    assert.equal(client.$unreadCount.get(), server().store.counts('alice').unreadNotifications);
    assert.deepEqual(sent, [{ path: '/v1/events', lastEventId: snapshot.lastEventId }]);
  });

  it('waits for the token before anything; another user’s token (the user changed since the render) starts afresh', async () => {
    const snapshot = await loadSnapshot({ baseUrl: server().url, token: 'demo-alice', feed: true });
    assert.match(snapshot.tokenHash ?? '', /^[0-9a-f]{64}$/);
    assert.doesNotMatch(JSON.stringify(snapshot), /demo-alice/);
    const { sent, fetch } = recording();
    let give: (token: string) => void = () => {};
    const token = new Promise<string>((resolve) => (give = resolve));
    const client = createClient({ baseUrl: server().url, getToken: () => token, snapshot, fetch, persist: false });
    clients.push(client);
    client.$notifications.listen(() => {});
    client.$unreadCount.listen(() => {});
    assert.equal(client.$unreadCount.get(), snapshot.areas.counts!.unreadNotifications);
    give('demo-ben');
    // Ben's inbox, loaded afresh: none of Alice's notifications is left.
    const ben = server().store.counts('ben').unreadNotifications;
    await until(client.$notifications, (state) => state.status === 'ready' && client.$unreadCount.get() === ben);
    const alices = new Set(snapshot.areas.notifications!.items.map((item) => item.id));
    const bens = new Set((await firstPage('demo-ben')).map((item) => item.id));
    assert.ok(client.$notifications.get().items.every((item) => !alices.has(item.id) || bens.has(item.id)));
    assert.ok(
      !sent.some((request) => request.lastEventId === snapshot.lastEventId),
      'not resumed from Alice’s position',
    );
  });

  it('a snapshot of another server is ignored with a warning', async () => {
    const snapshot = await loadSnapshot({ baseUrl: server().url, token: 'demo-alice' });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const client = createClient({ baseUrl: 'https://elsewhere.example', token: 'demo-alice', snapshot });
      clients.push(client);
      assert.equal(client.$unreadCount.get(), 0);
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(warnings, [
      `pd-notify: snapshot of ${server().url} ignored by a client of https://elsewhere.example`,
    ]);
  });

  it('isClientSnapshot refuses what is not one', () => {
    for (const value of [null, 1, {}, { version: 2 }, { version: 1, baseUrl: 'x', userId: 'a', locale: 'en' }]) {
      assert.equal(isClientSnapshot(value), false, JSON.stringify(value));
    }
  });
});
