import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InvitationList, NotificationPage, Problem } from '@pd-notify/protocol';
import { assertSchema } from '../src/index.js';
import { targetForFile } from './target-for-file.js';

const { asA, asB } = targetForFile();

const ENDPOINTS: [string, string][] = [
  ['GET', '/v1/me'],
  ['GET', '/v1/notifications'],
  ['POST', '/v1/notifications/read-all'],
  ['POST', '/v1/notifications/seen'],
  ['POST', '/v1/notifications/bulk'],
  ['GET', '/v1/invitations'],
  ['GET', '/v1/preferences'],
  ['GET', '/v1/counts'],
  ['GET', '/v1/tracks'],
  ['GET', '/v1/syncs'],
  ['GET', '/v1/events'],
];

describe('authentication', () => {
  for (const [method, path] of ENDPOINTS) {
    it(`${method} ${path}: 401 problem without a token and with an unknown one`, async () => {
      for (const token of [null, 'not-a-real-token', 'Bearer', 'two words']) {
        const reply = await asA<Problem>(method, path, { token });
        assert.equal(reply.status, 401, `token ${String(token)}`);
        assert.match(reply.contentType, /^application\/problem\+json/);
        assertSchema('Problem', reply.body);
        assert.match(reply.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
    });
  }
});

describe('isolation between users', () => {
  it("user B can neither read, change, act on nor detect user A's notifications", async () => {
    const { items } = (await asA<NotificationPage>('GET', '/v1/notifications?limit=100')).body;
    const bIds = new Set(
      (await asB<NotificationPage>('GET', '/v1/notifications?limit=100')).body.items.map((item) => item.id),
    );
    const missing = await asB<Problem>('GET', '/v1/notifications/no-such-id-anywhere');
    for (const item of items.slice(0, 5)) {
      assert.ok(!bIds.has(item.id), 'B never lists A items');
      const until = new Date(Date.now() + 3_600_000).toISOString();
      const attempts: [string, string, unknown?][] = [
        ['GET', `/v1/notifications/${item.id}`],
        ['POST', `/v1/notifications/${item.id}/read`],
        ['POST', `/v1/notifications/${item.id}/unread`],
        ['POST', `/v1/notifications/${item.id}/archive`],
        ['POST', `/v1/notifications/${item.id}/unarchive`],
        ['POST', `/v1/notifications/${item.id}/snooze`, { until }],
        ['POST', `/v1/notifications/${item.id}/unsnooze`],
        ['POST', `/v1/notifications/${item.id}/actions/feedback-resolved`],
        ['DELETE', `/v1/notifications/${item.id}`],
      ];
      for (const [method, path, body] of attempts) {
        const reply = await asB<Problem>(method, path, body === undefined ? {} : { body });
        assert.equal(reply.status, 404, `${method} ${path}`);
        assert.equal(reply.body.type, missing.body.type, 'indistinguishable from a missing id');
        assert.equal(reply.body.detail, missing.body.detail, 'indistinguishable from a missing id');
      }
      const readAll = await asB<Problem>('POST', '/v1/notifications/read-all', { body: { upToId: item.id } });
      assert.equal(readAll.status, 404);
      for (const body of [{ ids: [item.id] }, { upToId: item.id }]) {
        assert.equal((await asB('POST', '/v1/notifications/seen', { body })).status, 404, JSON.stringify(body));
      }
      for (const body of [
        { op: 'archive', ids: [item.id] },
        { op: 'read', filter: {}, upToId: item.id },
      ]) {
        assert.equal((await asB('POST', '/v1/notifications/bulk', { body })).status, 404, JSON.stringify(body));
      }
    }
    const after = (await asA<NotificationPage>('GET', '/v1/notifications?limit=100')).body.items;
    assert.deepEqual(after, items, "A's notifications are untouched");
  });

  it("user B can neither accept, decline nor list user A's invitations", async () => {
    const { items } = (await asA<InvitationList>('GET', '/v1/invitations')).body;
    assert.ok(items.length > 0, 'the suite needs pending invitations for user A');
    const bList = (await asB<InvitationList>('GET', '/v1/invitations')).body.items.map((inv) => inv.id);
    for (const invitation of items) {
      assert.ok(!bList.includes(invitation.id));
      assert.equal((await asB('POST', `/v1/invitations/${invitation.id}/accept`)).status, 404);
      assert.equal((await asB('POST', `/v1/invitations/${invitation.id}/decline`)).status, 404);
    }
    const trackFilter = await asB<InvitationList>(
      'GET',
      `/v1/invitations?trackId=${encodeURIComponent(items[0]!.track.id)}`,
    );
    assert.deepEqual(
      trackFilter.body.items.filter((inv) => items.some((a) => a.id === inv.id)),
      [],
    );
    assert.deepEqual((await asA<InvitationList>('GET', '/v1/invitations')).body.items, items);
  });
});

describe('unknown endpoints and methods', () => {
  it('answers 404 and 405 as problems', async () => {
    const notFound = await asA<Problem>('GET', '/v1/nothing-here');
    assert.equal(notFound.status, 404);
    assertSchema('Problem', notFound.body);
    const wrongMethod = await asA<Problem>('PATCH', '/v1/preferences');
    assert.equal(wrongMethod.status, 405);
    assertSchema('Problem', wrongMethod.body);
  });
});
