/**
 * The client's lifecycle over real HTTP against the reference server: what a
 * page's observation costs in requests, when the network starts and stops, and
 * recovery from every fault at startup.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { startServer } from '@pd-notify/mock-server';
import type { Notification } from '@pd-notify/protocol';
import type { ReadableAtom } from 'nanostores';
import { createClient, PdError, type ClientOptions, type PdClient } from '../src/index.js';
import { canShareAcrossTabs } from '../src/realtime/link.js';
import {
  allStores,
  control,
  eventually,
  notify,
  recordingFetch,
  serverCounts,
  streamCount,
  until,
  referenceServerForFile,
} from './helpers.js';

const server = referenceServerForFile();

const clients: PdClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

/** A client recording its requests; nothing observed yet. */
function recorded(options: Partial<ClientOptions> = {}) {
  const { fetch, calls } = recordingFetch();
  const client = createClient({ baseUrl: server().url, token: 'demo-alice', fetch, ...options });
  clients.push(client);
  const paths = () => calls.map((call) => call.path);
  const count = (path: string) => paths().filter((p) => p === path).length;
  return { client, calls, paths, count };
}

const observe = (...stores: ReadableAtom<unknown>[]) => {
  const stops = stores.map((store) => store.listen(() => {}));
  return () => stops.forEach((stop) => stop());
};

async function serverItems(): Promise<Notification[]> {
  const response = await fetch(`${server().url}/v1/notifications?limit=20`, {
    headers: { Authorization: 'Bearer demo-alice' },
  });
  return ((await response.json()) as { items: Notification[] }).items;
}

describe('demand, not reads', () => {
  it('a bare get() of every store starts nothing: observing $connection afterwards opens exactly one stream', async () => {
    const { client, paths } = recorded();
    for (const store of allStores(client)) store.get();
    const stop = observe(client.$connection);
    await until(client.$connection, (state) => state.status === 'live');
    assert.deepEqual(paths(), ['/v1/events']);
    assert.equal(await streamCount(server()), 1);
    stop();
  });

  it('subscribe, unsubscribe and subscribe again within the grace period: one stream, no reload', async () => {
    const { client, paths } = recorded();
    let stop = observe(client.$unreadCount);
    await until(client.$connection, (state) => state.status === 'live');
    stop();
    stop = observe(client.$unreadCount);
    const counts = await serverCounts(server());
    await until(client.$unreadCount, (count) => count === counts.unreadNotifications);
    await notify(server(), 'still live');
    await until(client.$unreadCount, (count) => count === counts.unreadNotifications + 1);
    assert.deepEqual(paths(), ['/v1/events']);
    stop();
  });

  it('stops the stream once the last observer has been gone for the grace period', async () => {
    const { client } = recorded({ lingerMs: 20 });
    const stop = observe(client.$unreadCount);
    await until(client.$connection, (state) => state.status === 'live');
    stop();
    await eventually(async () => assert.equal(await streamCount(server()), 0));
    assert.equal(client.$connection.get().status, 'idle');
  });
});

describe('load what is observed, once', () => {
  it('a bell costs the stream alone: its ready event carries the counts', async () => {
    const { client, paths } = recorded();
    const stop = observe(client.$unreadCount, client.$pendingInviteCount);
    const counts = await serverCounts(server());
    await until(client.$unreadCount, (count) => count === counts.unreadNotifications);
    await until(client.$pendingInviteCount, (count) => count === counts.pendingInvitations);
    assert.deepEqual(paths(), ['/v1/events']);
    stop();
  });

  it('a whole page loads each area once, after the stream is ready, and never reloads it', async () => {
    const { client, count, paths } = recorded();
    const stop = observe(
      client.$notifications,
      client.$unreadCount,
      client.$invitations,
      client.$pendingInviteCount,
      client.$preferences,
      client.$syncProgress,
      client.$connection,
    );
    await until(client.$notifications, (state) => state.status === 'ready');
    await until(client.$invitations, (state) => state.status === 'ready');
    await until(client.$preferences, (state) => state.status === 'ready');
    // Whatever a second reload would do, it would do before this event's round trip ends.
    await notify(server(), 'after the load');
    await until(client.$notifications, (state) => state.items[0]?.title === 'after the load');
    assert.equal(paths()[0], '/v1/events', 'the stream first, so nothing falls between the load and the stream');
    for (const path of ['/v1/events', '/v1/notifications', '/v1/invitations', '/v1/preferences', '/v1/syncs']) {
      assert.equal(count(path), 1, path);
    }
    assert.equal(count('/v1/counts'), 0);
    assert.equal(count('/v1/me'), 0, 'Node shares no stream across tabs, so it needs no user id');
    stop();
  });

  it('$notifications is ready only with its items', async () => {
    const { client } = recorded();
    const statuses: [string, number][] = [];
    client.$notifications.listen((state) => statuses.push([state.status, state.items.length]));
    await until(client.$notifications, (state) => state.status === 'ready');
    assert.ok(!statuses.some(([status, length]) => status === 'ready' && length === 0), JSON.stringify(statuses));
  });

  it('tab sharing is only for pages: in Node it is off whatever globals exist', () => {
    assert.equal(typeof BroadcastChannel, 'function', 'Node has the global');
    assert.equal(canShareAcrossTabs(), false);
  });
});

describe('recovery from every fault at startup', () => {
  /** The client's backoff while the server fails, shortened so that four failures pass quickly. */
  const failureBackoff = { baseMs: 20, capMs: 200 };

  it('the first page failing past its retries: an error shown, then the server’s items, with no reload of the page', async () => {
    const errors: PdError[] = [];
    await control(server(), '/control/faults', { error: { status: 500, times: 4, pathPrefix: '/v1/notifications' } });
    const { client } = recorded({ onError: (error) => errors.push(error), failureBackoff });
    const stop = observe(client.$notifications);
    const failed = await until(client.$notifications, (state) => state.status === 'error');
    assert.equal(failed.error?.kind, 'server');
    const ready = await until(client.$notifications, (state) => state.status === 'ready');
    assert.deepEqual(
      ready.items.map((item) => item.id),
      (await serverItems()).map((item) => item.id),
    );
    assert.ok(errors.some((error) => error.status === 500));
    stop();
  });

  it('invitations failing at start: retried until they load', async () => {
    await control(server(), '/control/faults', { error: { status: 503, times: 8, pathPrefix: '/v1/invitations' } });
    const { client } = recorded({ failureBackoff });
    const stop = observe(client.$invitations);
    await until(client.$invitations, (state) => state.status === 'error');
    const counts = await serverCounts(server());
    await until(
      client.$invitations,
      (state) => state.status === 'ready' && state.items.length === counts.pendingInvitations,
    );
    stop();
  });

  it('the stream refused with 503 and a long Retry-After: nothing more is sent meanwhile, $connection says when, refresh() asks at once and everything loads', async () => {
    await control(server(), '/control/faults', {
      error: { status: 503, retryAfter: '120', times: 1, pathPrefix: '/v1/events' },
    });
    const errors: PdError[] = [];
    const { client, paths } = recorded({ onError: (error) => errors.push(error) });
    const stop = observe(client.$notifications, client.$connection);
    const waiting = await until(client.$connection, (state) => state.retryAt !== null);
    assert.equal(waiting.status, 'connecting');
    assert.equal(waiting.error?.status, 503);
    assert.ok(waiting.retryAt! > Date.now() + 60_000, 'the server asked for two minutes');
    // The stream's failure lets the feed try to load: it is not sent, and waits with the stream.
    await until(client.$notifications, (state) => state.status === 'error');
    assert.deepEqual(paths(), ['/v1/events'], 'one request until the server’s time');
    assert.deepEqual(
      errors.map((error) => error.status),
      [503],
      'reported once (the requests not sent are that failure)',
    );
    await client.refresh();
    await until(client.$connection, (state) => state.status === 'live');
    await until(client.$notifications, (state) => state.status === 'ready');
    await notify(server(), 'live after the refusal');
    await until(client.$notifications, (state) => state.items[0]?.title === 'live after the refusal');
    stop();
  });

  it('the stream refused with 401 at start: a fresh token, then live', async () => {
    await control(server(), '/control/faults', { error: { status: 401, times: 1, pathPrefix: '/v1/events' } });
    const asked: boolean[] = [];
    const { client } = recorded({
      token: undefined,
      getToken: ({ refresh }) => {
        asked.push(refresh);
        return 'demo-alice';
      },
    });
    const stop = observe(client.$unreadCount);
    await until(client.$connection, (state) => state.status === 'live');
    assert.deepEqual(asked, [false, true]);
    stop();
  });

  it('no stream endpoint (404): polling loads what is observed', async () => {
    await control(server(), '/control/faults', { error: { status: 404, times: 1, pathPrefix: '/v1/events' } });
    const { client, count } = recorded();
    const stop = observe(client.$notifications, client.$unreadCount);
    await until(client.$connection, (state) => state.status === 'polling');
    await until(client.$notifications, (state) => state.status === 'ready');
    const counts = await serverCounts(server());
    await until(client.$unreadCount, (value) => value === counts.unreadNotifications);
    assert.equal(count('/v1/notifications'), 1);
    stop();
  });

  it('the server unreachable when the page opens: offline meanwhile, then exactly the server’s state', async () => {
    const port = await freePort();
    const { client } = recorded({ baseUrl: `http://127.0.0.1:${port}` });
    const stop = observe(client.$notifications, client.$unreadCount, client.$connection);
    const down = await until(client.$connection, (state) => state.error !== null);
    assert.equal(down.error?.kind, 'network');
    assert.notEqual(down.retryAt, null);
    const late = await startServer({
      port,
      seed: 'demo',
      control: true,
      heartbeatMs: 200,
      retryMs: 50,
      rateLimit: false,
    });
    try {
      await client.refresh();
      await until(client.$connection, (state) => state.status === 'live');
      const items = await until(client.$notifications, (state) => state.status === 'ready');
      const fromServer = await fetch(`${late.url}/v1/notifications?limit=20`, {
        headers: { Authorization: 'Bearer demo-alice' },
      }).then((response) => response.json() as Promise<{ items: Notification[] }>);
      assert.deepEqual(
        items.items.map((item) => item.id),
        fromServer.items.map((item) => item.id),
      );
    } finally {
      stop();
      client.close();
      await late.close();
    }
  });
});

describe('truthful errors and events', () => {
  it('an onNotification handler that throws shows as its own error; the stream stays up and no network error is made of it', async () => {
    const surfaced: unknown[] = [];
    const original = globalThis.reportError;
    globalThis.reportError = (error: unknown) => void surfaced.push(error);
    const errors: PdError[] = [];
    const heard: string[] = [];
    const { client, count } = recorded({ onError: (error) => errors.push(error) });
    try {
      client.onNotification(() => {
        throw new TypeError('the host’s bug');
      });
      client.onNotification((notification) => void heard.push(notification.title));
      const stop = observe(client.$notifications, client.$connection);
      await until(client.$connection, (state) => state.status === 'live');
      await until(client.$notifications, (state) => state.status === 'ready');
      await notify(server(), 'heard despite the bug');
      await until(client.$notifications, (state) => state.items[0]?.title === 'heard despite the bug');
      assert.deepEqual(heard, ['heard despite the bug'], 'the other handler still hears');
      assert.ok(surfaced.length === 1 && surfaced[0] instanceof TypeError, 'the bug shows as what it is');
      assert.deepEqual(errors, [], 'not reported as a network failure');
      assert.equal(client.$connection.get().status, 'live');
      assert.equal(count('/v1/events'), 1, 'the stream was not cut');
      stop();
    } finally {
      globalThis.reportError = original;
    }
  });

  it('onError hears every stream failure once, with its real kind', async () => {
    await control(server(), '/control/faults', { error: { status: 500, times: 3, pathPrefix: '/v1/events' } });
    const errors: PdError[] = [];
    const { client } = recorded({ onError: (error) => errors.push(error) });
    const stop = observe(client.$connection);
    await until(client.$connection, (state) => state.status === 'live', 15_000);
    assert.deepEqual(
      errors.map((error) => [error.kind, error.status]),
      [
        ['server', 500],
        ['server', 500],
        ['server', 500],
      ],
    );
    stop();
  });

  it('onNotification: once per new notification, never for the pages loaded, primary in a client of its own', async () => {
    const { client } = recorded();
    const heard: [string, boolean][] = [];
    const off = client.onNotification((notification, { primary }) => heard.push([notification.title, primary]));
    const stop = observe(client.$notifications);
    await until(client.$notifications, (state) => state.status === 'ready');
    await notify(server(), 'one');
    await until(client.$notifications, (state) => state.items[0]?.title === 'one');
    await control(server(), '/control/streams/drop');
    await notify(server(), 'two, replayed after the reconnect');
    await until(client.$notifications, (state) => state.items[0]?.title === 'two, replayed after the reconnect');
    off();
    await notify(server(), 'after unsubscribing');
    await until(client.$notifications, (state) => state.items[0]?.title === 'after unsubscribing');
    assert.deepEqual(heard, [
      ['one', true],
      ['two, replayed after the reconnect', true],
    ]);
    stop();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
