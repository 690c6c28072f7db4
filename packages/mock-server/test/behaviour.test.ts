import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Acceptance, Counts, Invitation, NotificationPage, Preferences, TrackList } from '@pd-notify/protocol';
import { assertEventSchema, readEvents } from '@pd-notify/conformance';
import { DAY, addTrack, startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());
beforeEach(async () => {
  await t.control('/control/reset', { seed: 'empty' });
});

const list = async (userId: 'alice' | 'ben' | 'chloe' | 'dev', query = 'limit=100') =>
  (await t.as(userId)<NotificationPage>('GET', `/v1/notifications?${query}`)).body.items;

async function setPreferences(userId: 'alice' | 'ben', change: (prefs: Preferences) => void): Promise<void> {
  const { body } = await t.as(userId)<Preferences>('GET', '/v1/preferences');
  change(body);
  const saved = await t.as(userId)('PUT', '/v1/preferences', {
    body: { version: body.version, categories: body.categories, reminderLeadDays: body.reminderLeadDays },
  });
  assert.equal(saved.status, 200);
}

describe('collaboration', () => {
  it('adding a collaborator creates the invitation and a collaboration notification for the invitee (IN1)', async () => {
    addTrack(t, 'song', 'alice');
    const stream = await readEvents(t.url, 'demo-ben');
    try {
      const invitation = await t.control<Invitation>('/control/act', {
        action: 'invite',
        as: 'alice',
        trackId: 'song',
        userId: 'ben',
        permission: 'edit',
      });
      assert.equal(invitation.permission, 'edit');
      assert.equal(invitation.sender.name, 'Alice Moreno');
      const [pending] = (await t.as('ben')<{ items: Invitation[] }>('GET', '/v1/invitations')).body.items;
      assert.deepEqual(pending, invitation);
      const [row] = await list('ben');
      assert.equal(row!.category, 'collaboration');
      assert.equal(row!.type, 'invitation');
      assert.deepEqual(row!.actions, ['accept-invite']);
      assert.equal(row!.invitationId, invitation.id);
      assert.equal(row!.trackId, 'song');
      const counts = (await t.as('ben')<Counts>('GET', '/v1/counts')).body;
      assert.deepEqual(counts, { unreadNotifications: 1, unseenNotifications: 1, pendingInvitations: 1 });
      for (const name of ['invitation.created', 'notification.created', 'counts']) {
        assertEventSchema(await stream.next((event) => event.event === name));
      }
      const again = await t.as('ben')('GET', '/v1/invitations');
      assert.equal((again.body as { items: unknown[] }).items.length, 1);
      await assert.rejects(
        t.control('/control/act', {
          action: 'invite',
          as: 'alice',
          trackId: 'song',
          userId: 'ben',
          permission: 'view',
        }),
        /409/,
      );
    } finally {
      stream.close();
    }
  });

  it('accepting from the feed grants the permission, notifies the sender and syncs the files step by step', async () => {
    addTrack(t, 'song', 'alice');
    await t.control('/control/act', {
      action: 'invite',
      as: 'alice',
      trackId: 'song',
      userId: 'ben',
      permission: 'view',
    });
    const [row] = await list('ben');
    const result = await t.as('ben')<{ acceptance: Acceptance }>(
      'POST',
      `/v1/notifications/${row!.id}/actions/accept-invite`,
    );
    assert.equal(result.status, 200);
    assert.equal(result.body.acceptance.permission, 'view');
    assert.equal(result.body.acceptance.sync.filesDone, 0);
    const tracks = (await t.as('ben')<TrackList>('GET', '/v1/tracks')).body.items;
    assert.deepEqual(
      tracks.map((track) => [track.id, track.permission]),
      [['song', 'view']],
    );
    const [spent] = await list('ben');
    assert.equal(spent!.actionTaken, 'accept-invite');
    assert.notEqual(spent!.readAt, null);
    const [senderRow] = await list('alice');
    assert.equal(senderRow!.type, 'membership');
    assert.equal(senderRow!.title, 'Ben Okafor accepted your invite');
    assert.equal((await t.as('ben')<Counts>('GET', '/v1/counts')).body.pendingInvitations, 0);

    const syncs = async () => (await t.as('ben')<{ items: Acceptance['sync'][] }>('GET', '/v1/syncs')).body.items;
    assert.deepEqual(await syncs(), [{ trackId: 'song', filesDone: 0, filesTotal: 10, done: false }]);
    t.server.clock.advance(400);
    assert.equal((await syncs())[0]!.filesDone, 2);
    t.server.clock.advance(10 * 400);
    assert.deepEqual(await syncs(), [{ trackId: 'song', filesDone: 10, filesTotal: 10, done: true }]);
  });

  it("comments, stage changes, metadata and publishing notify the track's other members, not the actor", async () => {
    addTrack(t, 'song', 'alice', [
      ['ben', 'edit'],
      ['chloe', 'view'],
    ]);
    await t.control('/control/act', { action: 'comment', as: 'ben', trackId: 'song', text: 'Bass is muddy' });
    await t.control('/control/act', { action: 'stage', as: 'alice', trackId: 'song', stage: 'mixing' });
    await t.control('/control/act', {
      action: 'metadata',
      as: 'alice',
      trackId: 'song',
      artworkUrl: 'https://cdn.example/a.png',
    });
    await t.control('/control/act', { action: 'stage', as: 'alice', trackId: 'song', stage: 'published' });
    assert.deepEqual(
      (await list('alice')).map((item) => item.type),
      ['comment'],
    );
    assert.deepEqual(
      (await list('ben')).map((item) => item.type),
      ['published', 'metadata-updated', 'stage-changed'],
    );
    assert.deepEqual(
      (await list('chloe')).map((item) => [item.type, item.category, item.widget]),
      [
        ['published', 'workflow', 'stage'],
        ['metadata-updated', 'workflow', 'metadata'],
        ['stage-changed', 'workflow', 'stage'],
        ['comment', 'workflow', 'comments'],
      ],
    );
    const [comment] = await list('alice');
    assert.equal(comment!.message, 'Bass is muddy');
    assert.equal(comment!.actor?.name, 'Ben Okafor');
  });
});

describe('preferences decide what is produced (NS4)', () => {
  it('a switched-off category, option or in-app channel produces nothing; switching back on produces again', async () => {
    addTrack(t, 'song', 'ben', [['alice', 'edit']]);
    const comment = () => t.control('/control/act', { action: 'comment', as: 'ben', trackId: 'song', text: 'hi' });
    const stage = (to: string) => t.control('/control/act', { action: 'stage', as: 'ben', trackId: 'song', stage: to });

    await setPreferences('alice', (prefs) => (prefs.categories.trackActivity.enabled = false));
    await comment();
    await stage('editing');
    assert.deepEqual(await list('alice'), []);

    await setPreferences('alice', (prefs) => {
      prefs.categories.trackActivity.enabled = true;
      prefs.categories.trackActivity.options['stage-changed'] = false;
    });
    await comment();
    await stage('mixing');
    assert.deepEqual(
      (await list('alice')).map((item) => item.type),
      ['comment'],
    );

    await setPreferences('alice', (prefs) => (prefs.categories.trackActivity.channels.inApp = false));
    await comment();
    assert.equal((await list('alice')).length, 1);

    await setPreferences('alice', (prefs) => {
      prefs.categories.trackActivity.channels.inApp = true;
      prefs.categories.trackActivity.options['stage-changed'] = true;
    });
    await stage('mastering');
    assert.deepEqual(
      (await list('alice')).map((item) => item.type),
      ['stage-changed', 'comment'],
    );
  });

  it('a save reaches the user’s other open sessions live', async () => {
    const other = await readEvents(t.url, 'demo-alice');
    try {
      await other.next((event) => event.event === 'ready');
      await setPreferences('alice', (prefs) => (prefs.reminderLeadDays = 7));
      const event = await other.next((e) => e.event === 'preferences.updated');
      assertEventSchema(event);
      assert.equal(JSON.parse(event.data).reminderLeadDays, 7);
    } finally {
      other.close();
    }
  });
});

describe('due dates drive reminders on the clock (AF13)', () => {
  it('reminds at the lead time, then “due date passed”, then “overdue”, each once', async () => {
    const now = t.server.clock.now();
    addTrack(t, 'song', 'alice', [['ben', 'edit']], now + 5 * DAY);
    await setPreferences('ben', (prefs) => (prefs.reminderLeadDays = 7));
    const types = async (userId: 'alice' | 'ben') => (await list(userId)).map((item) => item.type);

    await t.control('/control/clock/advance', { ms: 0 });
    assert.deepEqual(await types('alice'), [], 'lead time 3 days: too early for alice');
    assert.deepEqual(await types('ben'), ['due-reminder'], 'lead time 7 days: ben is reminded at once');

    await t.control('/control/clock/advance', { ms: 1.5 * DAY });
    assert.deepEqual(await types('alice'), []);
    await t.control('/control/clock/advance', { ms: 1 * DAY });
    assert.deepEqual(await types('alice'), ['due-reminder']);
    const [reminder] = await list('alice');
    assert.equal(reminder!.category, 'deadline', 'a track nearing its due date is a deadline (calendar)');
    assert.equal(reminder!.title, '“Track song” is due in 3 days');

    await t.control('/control/clock/advance', { ms: 2.6 * DAY });
    assert.deepEqual(await types('alice'), ['due-passed', 'due-reminder']);
    await t.control('/control/clock/advance', { ms: 1 * DAY });
    assert.deepEqual(await types('alice'), ['overdue', 'due-passed', 'due-reminder']);
    const [overdue] = await list('alice');
    assert.equal(overdue!.priority, 'high');
    assert.equal(overdue!.category, 'deadline');

    await t.control('/control/clock/advance', { ms: 10 * DAY });
    assert.equal((await types('alice')).length, 3, 'no repeats');
  });

  it('a jump past several thresholds produces only the latest; switched-off due dates produce nothing', async () => {
    await setPreferences('ben', (prefs) => (prefs.categories.dueDates.enabled = false));
    addTrack(t, 'song', 'alice', [['ben', 'edit']], t.server.clock.now() + 2 * DAY + 1);
    await t.control('/control/clock/advance', { ms: 4 * DAY });
    assert.deepEqual(
      (await list('alice')).map((item) => item.type),
      ['overdue'],
    );
    assert.deepEqual(await list('ben'), []);
  });
});

describe('pagination', () => {
  it('stays stable while new notifications arrive', async () => {
    const notify = (title: string) =>
      t.control('/control/act', {
        action: 'notify',
        userId: 'alice',
        type: 'service-announcement',
        title,
        message: '',
      });
    for (let i = 1; i <= 12; i++) {
      await notify(`old ${i}`);
      t.server.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: { items: { title: string }[]; nextCursor: string | null } = (
        await t.as('alice')<NotificationPage>(
          'GET',
          `/v1/notifications?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).body;
      seen.push(...page.items.map((item) => item.title));
      cursor = page.nextCursor;
      await notify(`new ${++round}`);
    } while (cursor);
    assert.deepEqual(
      seen,
      Array.from({ length: 12 }, (_, i) => `old ${12 - i}`),
    );
    const [newest] = await list('alice');
    assert.equal(newest!.title, `new ${round}`);
  });
});

describe('tokens', () => {
  it('an issued token works until its expiry on the clock, then answers 401', async () => {
    const { token } = await t.control<{ token: string }>('/control/tokens', { userId: 'chloe', ttlMs: 60_000 });
    const call = () => fetch(`${t.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal((await call()).status, 200);
    t.server.clock.advance(60_000);
    const expired = await call();
    assert.equal(expired.status, 401);
    assert.match(expired.headers.get('www-authenticate') ?? '', /invalid_token/);
  });
});
