import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NotificationPage, ReadyEvent } from '@pd-notify/protocol';
import { assertEventSchema, readEvents } from '../src/index.js';
import { targetForFile } from './target-for-file.js';

const { target, asA: api } = targetForFile();

const firstItem = async () => (await api<NotificationPage>('GET', '/v1/notifications?limit=1')).body.items[0]!;

describe('GET /v1/events', () => {
  it('is an event stream that starts with `ready`, carrying an id and the heartbeat interval', async () => {
    const stream = await readEvents(target().url, target().tokenA);
    try {
      assert.equal(stream.response.status, 200);
      assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const ready = await stream.next((event) => event.event === 'ready');
      assertEventSchema(ready);
      assert.notEqual(ready.id, '');
    } finally {
      stream.close();
    }
  });

  it('gives in `ready` the counts GET /v1/counts gives (when it sends them)', async () => {
    const stream = await readEvents(target().url, target().tokenA);
    try {
      const ready = JSON.parse((await stream.next((event) => event.event === 'ready')).data) as ReadyEvent;
      if (ready.counts === undefined) return; // optional: clients then ask GET /v1/counts
      assert.deepEqual(ready.counts, (await api('GET', '/v1/counts')).body);
    } finally {
      stream.close();
    }
  });

  it('pushes changes made over REST, each event with a new id and valid data', async () => {
    const stream = await readEvents(target().url, target().tokenA);
    try {
      const ready = await stream.next((event) => event.event === 'ready');
      const item = await firstItem();
      await api('POST', `/v1/notifications/${item.id}/${item.readAt ? 'unread' : 'read'}`);
      const updated = await stream.next((event) => event.event === 'notification.updated');
      assertEventSchema(updated);
      assert.equal(JSON.parse(updated.data).id, item.id);
      const counts = await stream.next((event) => event.event === 'counts');
      assertEventSchema(counts);
      const ids = stream.events.map((event) => event.id);
      assert.ok(ids.indexOf(updated.id) > ids.indexOf(ready.id));
      assert.notEqual(updated.id, ready.id);
    } finally {
      stream.close();
    }
  });

  it('replays exactly what was missed after a reconnect with Last-Event-ID', async () => {
    const first = await readEvents(target().url, target().tokenA);
    const ready = await first.next((event) => event.event === 'ready');
    first.close();
    const item = await firstItem();
    await api('POST', `/v1/notifications/${item.id}/${item.readAt ? 'unread' : 'read'}`);
    await api('POST', `/v1/notifications/${item.id}/${item.readAt ? 'read' : 'unread'}`);

    const resumed = await readEvents(target().url, target().tokenA, { lastEventId: ready.id });
    try {
      const caughtUp = await resumed.next((event) => event.event === 'ready');
      const missed = resumed.events.slice(0, resumed.events.indexOf(caughtUp));
      assert.deepEqual(
        missed.map((event) => event.event),
        ['notification.updated', 'counts', 'notification.updated', 'counts'],
      );
      for (const event of missed) assertEventSchema(event);
      assert.equal(caughtUp.id, missed[missed.length - 1]!.id, 'ready carries the newest id');
      assert.ok(!resumed.events.some((event) => event.event === 'reset'));
    } finally {
      resumed.close();
    }
  });

  it('sends a reset (then ready) for a well-formed id it does not know', async () => {
    const stream = await readEvents(target().url, target().tokenA, { lastEventId: 'zzzzzzzz-1' });
    try {
      const reset = await stream.next((event) => event.event === 'reset');
      assertEventSchema(reset);
      assert.equal(JSON.parse(reset.data).reason, 'unknown-id');
      await stream.next((event) => event.event === 'ready');
    } finally {
      stream.close();
    }
  });

  it('rejects a malformed Last-Event-ID with a 400 problem', async () => {
    for (const bad of ['../../etc', 'x'.repeat(300), '1 OR 1=1']) {
      const reply = await api('GET', '/v1/events', { headers: { 'Last-Event-ID': bad } });
      assert.equal(reply.status, 400, bad);
      assert.match(reply.contentType, /^application\/problem\+json/);
    }
  });

  it('sends heartbeat comments at the announced interval', async () => {
    const stream = await readEvents(target().url, target().tokenA);
    try {
      const ready = await stream.next((event) => event.event === 'ready');
      const { heartbeatMs } = JSON.parse(ready.data) as ReadyEvent;
      const start = stream.comments;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no heartbeat within ${3 * heartbeatMs} ms`)), 3 * heartbeatMs);
        const poll = setInterval(() => {
          if (stream.comments > start) {
            clearInterval(poll);
            clearTimeout(timer);
            resolve();
          }
        }, 20);
      });
    } finally {
      stream.close();
    }
  });
});
