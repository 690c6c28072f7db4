import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { readEvents } from '@pd-notify/conformance';
import type { NotificationPage } from '@pd-notify/protocol';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer({ logCapacity: 8 });
});
after(() => t.close());
beforeEach(async () => {
  await t.control('/control/reset', { seed: 'empty' });
});

const notify = (title = 'Ping') =>
  t.control('/control/act', { action: 'notify', userId: 'alice', type: 'service-announcement', title, message: '' });
const titles = (events: { event: string; data: string }[]) =>
  events.filter((event) => event.event === 'notification.created').map((event) => JSON.parse(event.data).title);

describe('request faults', () => {
  it('latency: requests wait while the control API still answers at once', async () => {
    await t.control('/control/faults', { latencyMs: 1500 });
    let settled = false;
    const slow = t
      .as('alice')('GET', '/v1/counts')
      .finally(() => (settled = true));
    await t.control('/control/state', undefined, 'GET');
    assert.equal(settled, false, 'the /v1 request is still waiting');
    assert.equal((await slow).status, 200);
  });

  it('an error status with Retry-After, for the given number of matching requests', async () => {
    const date = new Date(t.server.clock.now() + 5000).toUTCString();
    await t.control('/control/faults', {
      error: { status: 503, retryAfter: date, times: 2, pathPrefix: '/v1/counts' },
    });
    assert.equal((await t.as('alice')('GET', '/v1/me')).status, 200, 'another path is not affected');
    for (let i = 0; i < 2; i++) {
      const reply = await t.as('alice')<{ type: string }>('GET', '/v1/counts');
      assert.equal(reply.status, 503);
      assert.equal(reply.headers.get('retry-after'), date);
      assert.equal(reply.body.type, 'urn:pd-notify:problem:unavailable');
    }
    assert.equal((await t.as('alice')('GET', '/v1/counts')).status, 200);
  });
});

describe('stream faults', () => {
  it('drop after N events: the stream closes, and a reconnect replays what came after', async () => {
    const stream = await readEvents(t.url, 'demo-alice');
    const ready = await stream.next((event) => event.event === 'ready');
    await t.control('/control/faults', { stream: { dropAfterEvents: 2 } });
    await notify('one'); // notification.created + counts: the second event closes the stream
    await stream.closed;
    await notify('two');
    const seenIds = stream.events.map((event) => event.id);
    const resumed = await readEvents(t.url, 'demo-alice', { lastEventId: seenIds[seenIds.length - 1]! });
    try {
      await resumed.next((event) => event.event === 'ready');
      assert.deepEqual(titles(stream.events), ['one']);
      assert.deepEqual(titles(resumed.events), ['two']);
      assert.ok(seenIds.indexOf(ready.id) >= 0);
    } finally {
      resumed.close();
    }
  });

  it('an event cut mid-way is never dispatched; the reconnect replays it whole', async () => {
    const stream = await readEvents(t.url, 'demo-alice');
    await stream.next((event) => event.event === 'ready');
    await t.control('/control/faults', { stream: { cutNextEvent: true } });
    await notify('cut');
    await stream.closed;
    assert.deepEqual(titles(stream.events), [], 'half an event is discarded');
    const last = stream.events[stream.events.length - 1]!.id;
    const resumed = await readEvents(t.url, 'demo-alice', { lastEventId: last });
    try {
      await resumed.next((event) => event.event === 'ready');
      assert.deepEqual(titles(resumed.events), ['cut']);
    } finally {
      resumed.close();
    }
  });

  it('stall: nothing at all is written (no heartbeat either) until the fault is cleared', async () => {
    await t.control('/control/faults', { stream: { stall: true } });
    const stream = await readEvents(t.url, 'demo-alice');
    try {
      await notify('during stall');
      await t.control('/control/faults', undefined, 'DELETE');
      await notify('after stall');
      await stream.next((event) => event.event === 'notification.created');
      assert.deepEqual(titles(stream.events), ['after stall']);
      assert.ok(!stream.events.some((event) => event.event === 'ready'), 'even the ready event was held back');
      assert.equal(stream.events[0]!.event, 'notification.created');
    } finally {
      stream.close();
    }
  });

  it('malformed JSON: one broken event comes first, the real one intact after it', async () => {
    const stream = await readEvents(t.url, 'demo-alice');
    try {
      await stream.next((event) => event.event === 'ready');
      await t.control('/control/faults', { stream: { malformedNext: true } });
      await notify('intact');
      await stream.next((event) => event.event === 'counts');
      const created = stream.events.filter((event) => event.event === 'notification.created');
      assert.equal(created.length, 2);
      assert.throws(() => JSON.parse(created[0]!.data), SyntaxError);
      assert.equal(JSON.parse(created[1]!.data).title, 'intact');
    } finally {
      stream.close();
    }
  });
});

describe('resets', () => {
  it('after a restart with a new id space, an old id gets a reset “unknown-id”', async () => {
    const stream = await readEvents(t.url, 'demo-alice');
    const ready = await stream.next((event) => event.event === 'ready');
    await t.control('/control/restart');
    await stream.closed;
    const again = await readEvents(t.url, 'demo-alice', { lastEventId: ready.id });
    try {
      const reset = await again.next((event) => event.event === 'reset');
      assert.equal(JSON.parse(reset.data).reason, 'unknown-id');
      const fresh = await again.next((event) => event.event === 'ready');
      assert.notEqual(fresh.id.split('-')[0], ready.id.split('-')[0], 'a new epoch');
    } finally {
      again.close();
    }
  });

  it('an id older than the bounded log gets a reset “too-old”', async () => {
    const stream = await readEvents(t.url, 'demo-alice');
    const ready = await stream.next((event) => event.event === 'ready');
    stream.close();
    for (let i = 0; i < 6; i++) await notify(`n${i}`); // 12 events > log capacity 8
    const again = await readEvents(t.url, 'demo-alice', { lastEventId: ready.id });
    try {
      const reset = await again.next((event) => event.event === 'reset');
      assert.equal(JSON.parse(reset.data).reason, 'too-old');
      const page = (await t.as('alice')<NotificationPage>('GET', '/v1/notifications')).body;
      assert.equal(page.items.length, 6, 'the resync source is complete');
    } finally {
      again.close();
    }
  });

  it('dropping streams cuts every open one', async () => {
    const a = await readEvents(t.url, 'demo-alice');
    const b = await readEvents(t.url, 'demo-ben');
    await a.next((event) => event.event === 'ready');
    await b.next((event) => event.event === 'ready');
    assert.deepEqual((await t.control<{ streams: object }>('/control/state', undefined, 'GET')).streams, {
      alice: 1,
      ben: 1,
    });
    await t.control('/control/streams/drop');
    await Promise.all([a.closed, b.closed]);
  });
});
