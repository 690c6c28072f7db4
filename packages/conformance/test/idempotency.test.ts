/**
 * Idempotency keys on every change: sent again with the same key, a change gets
 * its first answer again and is not made twice, so a client whose answer was
 * lost can always send it again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Notification, NotificationPage, Preferences } from '@pd-notify/protocol';
import { http, startTarget, type Caller, type Target } from '../src/index.js';

let target: Target;
let api: Caller;
let ben: Caller;

before(async () => {
  target = await startTarget();
  api = http(target.url, target.tokenA);
  ben = http(target.url, target.tokenB);
});
after(() => target.close());

const key = () => `conformance-${crypto.randomUUID()}`;
const withKey = (value: string, body?: unknown) => ({
  headers: { 'Idempotency-Key': value },
  ...(body === undefined ? {} : { body }),
});

async function someNotification(): Promise<Notification> {
  const page = await api<NotificationPage>('GET', '/v1/notifications?limit=50');
  const item = page.body.items.at(-1);
  assert.ok(item, 'user A needs at least one notification');
  return item;
}

describe('Idempotency-Key', () => {
  it('a dismissal sent again with its key gets its first answer, and is made once', async () => {
    const victim = await someNotification();
    const k = key();
    const first = await api('DELETE', `/v1/notifications/${victim.id}`, withKey(k));
    assert.equal(first.status, 204);
    const again = await api('DELETE', `/v1/notifications/${victim.id}`, withKey(k));
    assert.equal(again.status, 204, 'the first answer again, not "already gone"');
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await api('DELETE', `/v1/notifications/${victim.id}`)).status, 404, 'without the key: it is gone');
  });

  it('a preferences save sent again with its key gets the same saved version, not a conflict', async () => {
    const current = (await api<Preferences>('GET', '/v1/preferences')).body;
    const update = {
      version: current.version,
      categories: current.categories,
      reminderLeadDays: current.reminderLeadDays === 7 ? 1 : 7,
    };
    const k = key();
    const first = await api<Preferences>('PUT', '/v1/preferences', withKey(k, update));
    assert.equal(first.status, 200);
    assert.equal(first.body.version, current.version + 1);
    const again = await api<Preferences>('PUT', '/v1/preferences', withKey(k, update));
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.equal((await api<Preferences>('GET', '/v1/preferences')).body.version, current.version + 1, 'saved once');
    assert.equal((await api('PUT', '/v1/preferences', { body: update })).status, 409, 'without the key: stale');
  });

  it('a key used for another request is refused (422, naming the header), and changes nothing', async () => {
    const item = await someNotification();
    const k = key();
    assert.equal((await api('POST', `/v1/notifications/${item.id}/unread`, withKey(k))).status, 200);
    const reused = await api<{ field: string }>('POST', `/v1/notifications/${item.id}/read`, withKey(k));
    assert.equal(reused.status, 422);
    assert.equal(reused.body.field, 'Idempotency-Key');
    const now = await api<Notification>('GET', `/v1/notifications/${item.id}`);
    assert.equal(now.body.readAt, null, 'the refused request did not mark it read');
  });

  it('keys are each user’s own: another user’s request with the same key is a request of its own', async () => {
    const k = key();
    assert.equal((await api('POST', '/v1/notifications/read-all', withKey(k, {}))).status, 200);
    const other = await ben('POST', '/v1/notifications/read-all', withKey(k, {}));
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('idempotent-replayed'), null);
  });

  it('a key that is not 1 to 255 visible ASCII characters is a 400 naming the header', async () => {
    for (const bad of ['', 'x'.repeat(256), 'with space']) {
      const reply = await api<{ field: string }>('POST', '/v1/notifications/read-all', withKey(bad, {}));
      assert.equal(reply.status, 400, JSON.stringify(bad));
      assert.equal(reply.body.field, 'Idempotency-Key');
    }
  });
});
