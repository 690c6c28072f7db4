/**
 * Who gets in: every endpoint of the reference server with no token, a
 * malformed one, an expired one and another user's; and nothing of one user's
 * reaches another user's stream.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { http, readEvents } from '@pd-notify/conformance';
import type { NotificationPage, Problem } from '@pd-notify/protocol';
import { DAY, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer({ seed: 'demo' });
});
after(() => t.close());

/** Every endpoint, with Alice's real ids in its path. */
async function endpoints(): Promise<[string, string, unknown?][]> {
  const page = (await t.as('alice')<NotificationPage>('GET', '/v1/notifications?limit=100')).body;
  const invitations = (await t.as('alice')<{ items: { id: string }[] }>('GET', '/v1/invitations')).body.items;
  const id = page.items[0]!.id;
  const invitation = invitations[0]!.id;
  return [
    ['GET', '/v1/me'],
    ['GET', '/v1/notifications'],
    ['GET', `/v1/notifications/${id}`],
    ['POST', `/v1/notifications/${id}/read`],
    ['POST', `/v1/notifications/${id}/unread`],
    ['POST', `/v1/notifications/${id}/actions/feedback-resolved`],
    ['DELETE', `/v1/notifications/${id}`],
    ['POST', '/v1/notifications/read-all', {}],
    ['GET', '/v1/invitations'],
    ['POST', `/v1/invitations/${invitation}/accept`],
    ['POST', `/v1/invitations/${invitation}/decline`],
    ['GET', '/v1/preferences'],
    ['PUT', '/v1/preferences', {}],
    ['GET', '/v1/counts'],
    ['GET', '/v1/tracks'],
    ['GET', '/v1/syncs'],
    ['GET', '/v1/events'],
  ];
}

describe('authentication on every endpoint', () => {
  it('answers 401 problem+json with WWW-Authenticate to no, malformed and expired tokens, and changes nothing', async () => {
    const { token: expired } = await t.control<{ token: string }>('/control/tokens', { userId: 'alice', ttlMs: 1000 });
    await t.control('/control/clock/advance', { ms: DAY });
    const before = (await t.as('alice')<NotificationPage>('GET', '/v1/notifications?limit=100')).body;
    const tokens: (string | null)[] = [
      null,
      '',
      'Bearer',
      'two words',
      'x'.repeat(10_000),
      'demo-alice;',
      'DEMO-ALICE',
      '\tdemo-alice',
      expired,
    ];
    for (const [method, path, body] of await endpoints()) {
      for (const token of tokens) {
        const reply = await http(t.url, token ?? undefined)<Problem>(
          method,
          path,
          body === undefined ? {} : { body, token },
        );
        assert.equal(reply.status, 401, `${method} ${path} with ${JSON.stringify(token?.slice(0, 20))}`);
        assert.match(reply.contentType, /^application\/problem\+json/);
        assert.match(reply.headers.get('www-authenticate') ?? '', /^Bearer/);
      }
    }
    const afterwards = (await t.as('alice')<NotificationPage>('GET', '/v1/notifications?limit=100')).body;
    assert.deepEqual(afterwards, before, 'no refused request changed anything');
  });

  it("answers another user's token on Alice's items exactly as for ids that do not exist", async () => {
    const missing = {
      notifications: (await t.as('ben')<Problem>('GET', '/v1/notifications/does-not-exist')).body.detail,
      invitations: (await t.as('ben')<Problem>('POST', '/v1/invitations/does-not-exist/accept')).body.detail,
    };
    for (const [method, path, body] of await endpoints()) {
      if (!/\/(notifications|invitations)\/[^/]+(\/|$)/.test(path) || path.endsWith('read-all')) continue;
      const reply = await t.as('ben')<Problem>(method, path, body === undefined ? {} : { body });
      assert.equal(reply.status, 404, `${method} ${path}`);
      const kind = path.startsWith('/v1/invitations') ? 'invitations' : 'notifications';
      assert.equal(reply.body.detail, missing[kind], `${method} ${path} reveals nothing`);
    }
  });
});

describe("one user's stream", () => {
  it("never carries another user's events", async () => {
    const ben = await readEvents(t.url, 'demo-ben');
    const alice = await readEvents(t.url, 'demo-alice');
    await Promise.all([ben.next((e) => e.event === 'ready'), alice.next((e) => e.event === 'ready')]);
    await t.control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: 'For Alice only',
      message: '',
    });
    await t.as('alice')('POST', '/v1/notifications/read-all', { body: {} });
    const preferences = (await t.as('alice')<{ version: number; categories: unknown }>('GET', '/v1/preferences')).body;
    await t.as('alice')('PUT', '/v1/preferences', {
      body: { version: preferences.version, categories: preferences.categories, reminderLeadDays: 7 },
    });
    await alice.next((e) => e.event === 'preferences.updated');
    // Ben's stream only ever had its own start; a notification for Ben, sent last, arrives alone.
    await t.control('/control/act', {
      action: 'notify',
      userId: 'ben',
      type: 'comment',
      title: 'For Ben',
      message: '',
    });
    await ben.next((e) => e.event === 'notification.created');
    const benSaw = ben.events.map((event) => `${event.event} ${event.data}`);
    assert.ok(
      benSaw.every((line) => !line.includes('For Alice only') && !line.includes('"alice"')),
      benSaw.join('\n'),
    );
    assert.deepEqual(
      ben.events.map((event) => event.event).filter((name) => name !== 'ready' && name !== 'counts'),
      ['notification.created'],
    );
    ben.close();
    alice.close();
  });
});
