import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import { Backoff } from '../src/realtime/backoff.js';
import { PdError, type Environment } from '../src/index.js';
import { Rest } from '../src/rest.js';
import { Tokens } from '../src/tokens.js';
import {
  clientFor,
  control,
  eventually,
  notify,
  recordingFetch,
  referenceServer,
  streamCount,
  until,
} from './helpers.js';

let server: RunningServer;
before(async () => {
  server = await referenceServer();
});
after(() => server.close());
beforeEach(async () => {
  await control(server, '/control/reset', { seed: 'demo' });
});

const titles = (client: ReturnType<typeof clientFor>) => client.$notifications.get().items.map((item) => item.title);
const once = (list: string[], title: string) => list.filter((t) => t === title).length === 1;

/** A page environment the test controls. */
function fakeEnvironment() {
  const listeners = new Set<() => void>();
  const state = { hidden: false, online: true };
  const env: Environment = {
    hidden: () => state.hidden,
    online: () => state.online,
    watch(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  const set = (change: Partial<typeof state>) => {
    Object.assign(state, change);
    for (const listener of listeners) listener();
  };
  return { env, set };
}

describe('tokens', () => {
  it('a 401 asks getToken once more, then everything works (parallel requests share the refresh)', async () => {
    const asked: boolean[] = [];
    const client = clientFor(server, {
      token: undefined,
      getToken: async ({ refresh }) => {
        asked.push(refresh);
        return refresh ? 'demo-alice' : 'expired-token';
      },
    });
    try {
      await until(client.$connection, (state) => state.status === 'live');
      await until(client.$notifications, (state) => state.status === 'ready' && state.items.length > 0);
      assert.deepEqual(asked, [false, true]);
    } finally {
      client.stop();
    }
  });

  it('a 401 twice surfaces an auth error and does not loop', async () => {
    const { fetch, calls } = recordingFetch();
    let asked = 0;
    const client = clientFor(server, {
      token: undefined,
      fetch,
      getToken: () => {
        asked++;
        return 'never-valid';
      },
    });
    try {
      const state = await until(client.$connection, (s) => s.status === 'error');
      assert.equal(state.error?.kind, 'auth');
      const notifications = await until(client.$notifications, (s) => s.status === 'error');
      assert.ok(notifications.error instanceof PdError && notifications.error.kind === 'auth');
      assert.equal(asked, 2);
      assert.ok(calls.filter((call) => call.path === '/v1/events').length <= 2, 'no reconnect loop');
    } finally {
      client.stop();
    }
  });
});

describe('server errors', () => {
  for (const [label, retryAfter] of [
    ['seconds', () => '1'],
    ['an HTTP-date', () => new Date(Date.now() + 1500).toUTCString()],
  ] as const) {
    it(`a read retried after a 503 with Retry-After as ${label}`, async () => {
      const { fetch, calls } = recordingFetch();
      const client = clientFor(server, { fetch, transport: 'sse' });
      try {
        await until(client.$notifications, (state) => state.status === 'ready');
        await control(server, '/control/faults', {
          error: { status: 503, retryAfter: retryAfter(), times: 1, pathPrefix: '/v1/counts' },
        });
        const before = calls.filter((call) => call.path === '/v1/counts').length;
        await client.refresh();
        // Asked again once the server's time has passed, not before.
        await eventually(() =>
          assert.deepEqual(
            calls
              .filter((call) => call.path === '/v1/counts')
              .slice(before)
              .map((call) => call.status),
            [503, 200],
          ),
        );
      } finally {
        client.stop();
      }
    });
  }

  it('backoff: capped exponential with full jitter, the server hint as a floor', () => {
    const top = new Backoff({ baseMs: 100, capMs: 1000, random: () => 0.999 });
    assert.deepEqual(
      Array.from({ length: 6 }, () => top.next()),
      [99, 199, 399, 799, 999, 999],
    );
    const low = new Backoff({ baseMs: 100, random: () => 0 });
    low.floorMs = 250;
    assert.equal(low.next(), 250);
    low.reset();
    assert.equal(low.attempt, 0);
  });

  it('the stream recovers after repeated 500s', async () => {
    const client = clientFor(server);
    try {
      await until(client.$connection, (state) => state.status === 'live');
      await control(server, '/control/faults', { error: { status: 500, times: 2, pathPrefix: '/v1/events' } });
      await control(server, '/control/streams/drop');
      await until(client.$connection, (state) => state.error?.status === 500);
      await until(client.$connection, (state) => state.status === 'live', 15_000);
      await notify(server, 'after the 500s');
      await until(client.$notifications, (state) => state.items[0]?.title === 'after the 500s');
    } finally {
      client.stop();
    }
  });
});

describe('stream faults', () => {
  it('a stream dropped mid-event: nothing half-applied; the event arrives once after the reconnect', async () => {
    const client = clientFor(server);
    try {
      await until(client.$connection, (state) => state.status === 'live');
      await control(server, '/control/faults', { stream: { cutNextEvent: true } });
      await notify(server, 'cut in half');
      await until(client.$notifications, (state) => state.items.some((item) => item.title === 'cut in half'), 10_000);
      assert.ok(once(titles(client), 'cut in half'));
    } finally {
      client.stop();
    }
  });

  it('malformed JSON in one event is dropped and reported; the stream goes on', async () => {
    const errors: PdError[] = [];
    const client = clientFor(server, { onError: (error) => errors.push(error) });
    try {
      await until(client.$connection, (state) => state.status === 'live');
      await control(server, '/control/faults', { stream: { malformedNext: true } });
      await notify(server, 'after the broken one');
      await until(client.$notifications, (state) => state.items[0]?.title === 'after the broken one');
      assert.ok(errors.some((error) => error.kind === 'invalid-response'));
      assert.equal(client.$connection.get().status, 'live');
    } finally {
      client.stop();
    }
  });

  it('a stall without heartbeats: the watchdog reconnects and the missed event is replayed', async () => {
    const client = clientFor(server);
    try {
      await until(client.$connection, (state) => state.status === 'live');
      await control(server, '/control/faults', { stream: { stall: true } });
      await notify(server, 'during the stall');
      await until(client.$connection, (state) => state.status === 'connecting');
      await control(server, '/control/faults', undefined, 'DELETE');
      await until(client.$notifications, (state) => state.items[0]?.title === 'during the stall', 10_000);
      assert.ok(once(titles(client), 'during the stall'));
    } finally {
      client.stop();
    }
  });

  it('a server restart with a new id space: reset, resync, and the state equals the server', async () => {
    const client = clientFor(server);
    try {
      await until(client.$connection, (state) => state.status === 'live');
      await control(server, '/control/restart');
      const fresh = (await control(server, '/control/act', {
        action: 'notify',
        userId: 'alice',
        type: 'comment',
        title: 'after the restart',
        message: '',
      })) as { notification: { id: string } };
      await until(client.$notifications, (state) => state.items[0]?.id === fresh.notification.id, 10_000);
      await until(client.$connection, (state) => state.status === 'live');
      const response = await fetch(`${server.url}/v1/notifications?limit=20`, {
        headers: { Authorization: 'Bearer demo-alice' },
      });
      const truth = ((await response.json()) as { items: { id: string; version: number }[] }).items;
      await until(
        client.$notifications,
        (state) =>
          JSON.stringify(state.items.map((item) => [item.id, item.version])) ===
          JSON.stringify(truth.map((item) => [item.id, item.version])),
      );
    } finally {
      client.stop();
    }
  });
});

describe('page and network signals', () => {
  it('offline, then online: pauses at once, catches up on return', async () => {
    const { env, set } = fakeEnvironment();
    const client = clientFor(server, { environment: env });
    try {
      await until(client.$connection, (state) => state.status === 'live');
      set({ online: false });
      await until(client.$connection, (state) => state.status === 'offline');
      await eventually(async () => assert.equal(await streamCount(server), 0));
      await notify(server, 'while offline');
      set({ online: true });
      await until(client.$connection, (state) => state.status === 'live');
      await until(client.$notifications, (state) => state.items[0]?.title === 'while offline');
    } finally {
      client.stop();
    }
  });

  it('a hidden page pauses after the grace period and catches up when shown', async () => {
    const { env, set } = fakeEnvironment();
    const client = clientFor(server, { environment: env, hiddenGraceMs: 100 });
    try {
      await until(client.$connection, (state) => state.status === 'live');
      set({ hidden: true });
      const paused = await until(client.$connection, (state) => state.status === 'offline');
      assert.match(paused.reason ?? '', /hidden/);
      await eventually(async () => assert.equal(await streamCount(server), 0));
      await notify(server, 'while hidden');
      set({ hidden: false });
      await until(client.$notifications, (state) => state.items[0]?.title === 'while hidden');
      await until(client.$connection, (state) => state.status === 'live');
    } finally {
      client.stop();
    }
  });
});

describe('polling', () => {
  it('polls with If-None-Match: 304 changes nothing, a change shows up', async () => {
    const { fetch, calls } = recordingFetch();
    const client = clientFor(server, { fetch, transport: 'polling', pollInterval: 50 });
    try {
      await until(client.$connection, (state) => state.status === 'polling');
      await eventually(() => assert.ok(calls.some((call) => call.path === '/v1/counts' && call.status === 304)));
      assert.equal(await streamCount(server), 0, 'no stream when polling');
      await notify(server, 'seen by polling');
      await until(client.$notifications, (state) => state.items[0]?.title === 'seen by polling');
    } finally {
      client.stop();
    }
  });

  it('auto falls back to polling when the stream is not an event stream', async () => {
    const { fetch } = recordingFetch((url, response) =>
      url.pathname === '/v1/events'
        ? new Response('<html>proxy login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })
        : response,
    );
    const client = clientFor(server, { fetch, pollInterval: 50 });
    try {
      const state = await until(client.$connection, (s) => s.status === 'polling');
      assert.match(state.reason ?? '', /content type/);
      await notify(server, 'via the fallback');
      await until(client.$notifications, (s) => s.items[0]?.title === 'via the fallback');
    } finally {
      client.stop();
    }
  });
});

describe('user switch', () => {
  it('setToken clears the previous user’s data and loads the new one', async () => {
    const client = clientFor(server);
    try {
      const alice = await until(client.$notifications, (state) => state.status === 'ready' && state.items.length > 0);
      const aliceIds = new Set(alice.items.map((item) => item.id));
      const seen: string[][] = [];
      const stop = client.$notifications.listen((state) => seen.push(state.items.map((item) => item.id)));
      client.setToken('demo-ben');
      await until(client.$notifications, (state) => state.status === 'ready' && state.items.length > 0);
      stop();
      assert.ok(
        seen.every((ids) => ids.every((id) => !aliceIds.has(id))),
        'no frame shows alice’s items after the switch',
      );
      await until(client.$connection, (state) => state.status === 'live');
      assert.equal(await streamCount(server, 'ben'), 1);
      await eventually(async () => assert.equal(await streamCount(server, 'alice'), 0));
    } finally {
      client.stop();
    }
  });
});

describe('protocol violations and stream health', () => {
  it('a REST answer that breaks the protocol is an invalid-response error and applies nothing', async () => {
    let broken = false;
    const { fetch } = recordingFetch((url, response) =>
      broken && url.pathname === '/v1/notifications'
        ? new Response(JSON.stringify({ items: [{ id: 1, title: null }], nextCursor: null }), {
            headers: { 'Content-Type': 'application/json' },
          })
        : response,
    );
    const client = clientFor(server, { fetch, transport: 'polling', pollInterval: 60_000 });
    try {
      const before = await until(client.$notifications, (state) => state.status === 'ready' && state.items.length > 0);
      broken = true;
      await client.refresh();
      const after = await until(client.$notifications, (state) => state.status === 'error');
      assert.equal(after.error?.kind, 'invalid-response');
      assert.match(after.error?.message ?? '', /items\.0\.id/);
      assert.deepEqual(after.items, before.items, 'nothing half-applied');
    } finally {
      client.stop();
    }
  });

  it('auto returns from polling to the stream later', async () => {
    let proxyInTheWay = true;
    const { fetch } = recordingFetch((url, response) =>
      proxyInTheWay && url.pathname === '/v1/events'
        ? new Response('<html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } })
        : response,
    );
    const client = clientFor(server, { fetch, pollInterval: 50, streamRetryMs: 200 });
    try {
      await until(client.$connection, (state) => state.status === 'polling');
      proxyInTheWay = false;
      await until(client.$connection, (state) => state.status === 'live');
      await eventually(async () => assert.equal(await streamCount(server), 1));
    } finally {
      client.stop();
    }
  });
});

describe('timeouts', () => {
  it('a request with no answer within its timeout fails as a network error, and a read is not retried after it', async () => {
    const { fetch, calls } = recordingFetch();
    const rest = new Rest({ baseUrl: server.url, tokens: new Tokens(() => 'demo-alice'), fetch, timeoutMs: 200 });
    await control(server, '/control/faults', { latencyMs: 1000 });
    const error = await rest.getCounts().catch((e: unknown) => e);
    assert.ok(error instanceof PdError);
    assert.equal(error.kind, 'network');
    assert.match(error.message, /timed out/);
    assert.equal(calls.length, 1);
  });
});
