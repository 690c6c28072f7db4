/**
 * A failing server gets one probe at a time, over real HTTP against the
 * reference server: a client observing every store, on a first visit or after
 * a healthy start, sends no more requests in a window of failure than the
 * backoff schedule allows, whatever the failure (503, 500, no answer within the
 * timeout, connection refused); once the server answers again, the first
 * request succeeds and the client converges to exactly the server's state.
 * The schedule is the documented one, scaled down (1 s doubling to 30 s, a 30 s
 * window, all divided by 20) so that the file runs in seconds.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import type { Notification } from '@pd-notify/protocol';
import { probesWithin } from '../src/health.js';
import { createClient, type Environment, type PdClient } from '../src/index.js';
import { allStores, control, eventually, referenceServer, until } from './helpers.js';

const SCALE = 20;
const failureBackoff = { baseMs: 1000 / SCALE, capMs: 30_000 / SCALE };
const WINDOW_MS = 30_000 / SCALE;

interface Sent {
  path: string;
  at: number;
  ok: boolean | null;
}

/** A client observing every store, recording when each request was sent and whether the server answered it. */
function page(url: string) {
  const sent: Sent[] = [];
  const recording: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const entry: Sent = { path: new URL(request.url).pathname, at: Date.now(), ok: null };
    sent.push(entry);
    try {
      const response = await fetch(request);
      entry.ok = response.status < 500;
      return response;
    } catch (error) {
      entry.ok = false;
      throw error;
    }
  };
  const client = createClient({
    baseUrl: url,
    token: 'demo-alice',
    fetch: recording,
    failureBackoff,
    requestTimeoutMs: 100,
  });
  const stops = allStores(client).map((store) => store.listen(() => {}));
  return {
    client,
    sent,
    close() {
      for (const stop of stops) stop();
      return client.close();
    },
  };
}

/**
 * Waits until the client's next probe is due past the window that began at
 * `start` (no more request can fall inside it), then asserts how many were sent
 * in it.
 */
async function assertBounded(client: PdClient, sent: Sent[], start: number, sentBefore: number): Promise<void> {
  await until(client.$connection, (state) => state.retryAt !== null && state.retryAt > start + WINDOW_MS, 10_000);
  const inWindow = sent.slice(sentBefore).filter((entry) => entry.at <= start + WINDOW_MS);
  const allowed = 1 + probesWithin(WINDOW_MS, failureBackoff);
  assert.ok(
    inWindow.length <= allowed,
    `${inWindow.length} requests in the window, the schedule allows ${allowed}: ${inWindow.map((e) => e.path).join(', ')}`,
  );
  assert.ok(inWindow.length >= 2, 'it does probe');
}

/** Asserts that the client shows exactly the server's state. */
async function converged(client: PdClient, server: RunningServer): Promise<void> {
  const get = async <T>(path: string): Promise<T> =>
    (await fetch(`${server.url}${path}`, { headers: { Authorization: 'Bearer demo-alice' } })).json() as Promise<T>;
  const [page, counts, invitations, preferences] = await Promise.all([
    get<{ items: Notification[] }>('/v1/notifications?limit=20'),
    get<{ unreadNotifications: number; pendingInvitations: number }>('/v1/counts'),
    get<{ items: { id: string }[] }>('/v1/invitations'),
    get<{ version: number }>('/v1/preferences'),
  ]);
  await until(client.$connection, (state) => state.status === 'live', 10_000);
  await until(client.$notifications, (state) => state.status === 'ready');
  assert.deepEqual(
    client.$notifications.get().items.map((item) => item.id),
    page.items.map((item) => item.id),
  );
  await until(client.$unreadCount, (count) => count === counts.unreadNotifications);
  await until(client.$pendingInviteCount, (count) => count === counts.pendingInvitations);
  const held = await until(client.$invitations, (state) => state.status === 'ready');
  assert.deepEqual(
    held.items.map((item) => item.id),
    invitations.items.map((item) => item.id),
  );
  const prefs = await until(client.$preferences, (state) => state.status === 'ready');
  assert.equal(prefs.server?.version, preferences.version);
}

/** After the server recovered at `at`: every request sent since was answered. */
function answeredSince(sent: Sent[], at: number): void {
  const since = sent.filter((entry) => entry.at >= at);
  assert.ok(since.length > 0);
  assert.deepEqual(
    since.filter((entry) => entry.ok === false).map((entry) => entry.path),
    [],
    'no request failed after the server recovered',
  );
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let server: RunningServer;
before(async () => {
  server = await referenceServer();
});
after(() => server.close());

/** The faults cleared: no request fails from then on, and the client shows exactly the server's state. */
async function recovers(client: PdClient, sent: Sent[]): Promise<void> {
  await control(server, '/control/faults', undefined, 'DELETE');
  const recovered = Date.now();
  await converged(client, server);
  answeredSince(sent, recovered);
}

const faults = [
  ['503', { error: { status: 503, times: 1_000_000, pathPrefix: '/v1' } }],
  ['500', { error: { status: 500, times: 1_000_000, pathPrefix: '/v1' } }],
  ['no answer within the timeout', { latencyMs: 1000 }],
] as const;

for (const [name, fault] of faults) {
  describe(`the server failing (${name})`, () => {
    it('from a first visit: requests bounded by the schedule, then exactly the server’s state', async () => {
      await control(server, '/control/reset', { seed: 'demo' });
      await control(server, '/control/faults', fault);
      const start = Date.now();
      const { client, sent, close } = page(server.url);
      try {
        await assertBounded(client, sent, start, 0);
        await recovers(client, sent);
      } finally {
        await close();
      }
    });

    it('after a healthy start: the same bound, then exactly the server’s state', async () => {
      await control(server, '/control/reset', { seed: 'demo' });
      const { client, sent, close } = page(server.url);
      try {
        await converged(client, server);
        const before = sent.length;
        await control(server, '/control/faults', fault);
        const start = Date.now();
        await control(server, '/control/streams/drop');
        await assertBounded(client, sent, start, before);
        await control(server, '/control/act', {
          action: 'comment',
          as: 'ben',
          trackId: 'midnight-drive',
          text: 'Missed',
        });
        await recovers(client, sent);
      } finally {
        await close();
      }
    });
  });
}

describe('the server unreachable (connection refused)', () => {
  for (const when of ['from a first visit', 'after a healthy start'] as const) {
    it(`${when}: requests bounded by the schedule, then exactly the server’s state`, async () => {
      const port = await freePort();
      const options = { port, seed: 'demo', control: true, heartbeatMs: 200, retryMs: 50, rateLimit: false } as const;
      let running: RunningServer | null = when === 'after a healthy start' ? await startServer(options) : null;
      const { client, sent, close } = page(`http://127.0.0.1:${port}`);
      try {
        if (running) await converged(client, running);
        const before = sent.length;
        await running?.close();
        const start = Date.now();
        await assertBounded(client, sent, start, before);
        running = await startServer(options);
        const recovered = Date.now();
        await converged(client, running);
        answeredSince(sent, recovered);
      } finally {
        await close();
        await running?.close();
      }
    });
  }
});

describe('probing at once', () => {
  it('back online, the page shown again, or refresh(): one probe goes at once, not one per area', async () => {
    await control(server, '/control/reset', { seed: 'demo' });
    await control(server, '/control/faults', { error: { status: 503, times: 1_000_000, pathPrefix: '/v1' } });
    const listeners = new Set<() => void>();
    const page = { hidden: false, online: true };
    const environment: Environment = {
      hidden: () => page.hidden,
      online: () => page.online,
      watch: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    };
    const change = (to: Partial<typeof page>) => {
      Object.assign(page, to);
      for (const listener of listeners) listener();
    };
    const sent: string[] = [];
    const client = createClient({
      baseUrl: server.url,
      token: 'demo-alice',
      environment,
      // A minute between probes: any probe within the test comes from the page's signals.
      failureBackoff: { baseMs: 60_000, capMs: 60_000 },
      fetch: (input, init) => {
        sent.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
    const stops = allStores(client).map((store) => store.listen(() => {}));
    try {
      await until(client.$connection, (state) => state.retryAt !== null && state.error?.status === 503);
      /** The requests a signal makes: until its probe has failed, and the next one is a long way off. */
      const probes = async (signal: () => unknown) => {
        const before = sent.length;
        await signal();
        await eventually(() => assert.ok(sent.length > before, 'a probe went'));
        await until(client.$connection, (state) => state.retryAt !== null && state.retryAt > Date.now() + 20_000);
        return sent.slice(before);
      };
      // Offline then back online: nothing while offline, one probe on return.
      assert.equal((await probes(() => (change({ online: false }), change({ online: true })))).length, 1);
      assert.equal((await probes(() => (change({ hidden: true }), change({ hidden: false })))).length, 1, 'shown');
      assert.equal((await probes(() => client.refresh())).length, 1, 'refresh()');
      await control(server, '/control/faults', undefined, 'DELETE');
      await client.refresh();
      await converged(client, server);
    } finally {
      for (const stop of stops) stop();
      await client.close();
    }
  });
});

describe('the schedule, as the client README states it', () => {
  it('allows at most 6 requests in 30 s of failure (1 s doubling to 30 s)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const allowed = 1 + probesWithin(30_000);
    assert.equal(allowed, 6);
    assert.ok(readme.includes(`In a 30 s window of failure a page therefore sends at most ${allowed} requests`));
  });
});
