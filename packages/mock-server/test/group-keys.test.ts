/**
 * Group keys (issue #25): the reference server marks the notifications that
 * read well together with one `groupKey` (comments on one track, stage changes
 * of one track, invitations from one person) and leaves the rest alone (null).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { NotificationPage } from '@pd-notify/protocol';
import { startTestServer, type TestServer } from './helpers.js';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());
beforeEach(() => t.control('/control/reset', { seed: 'demo' }));

const inbox = async () => (await t.as('alice')<NotificationPage>('GET', '/v1/notifications?limit=50')).body.items;

describe('groupKey', () => {
  it('comments on one track share one, stage changes of a track another, invitations from one person a third; the rest stand alone', async () => {
    await t.control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Second take' });
    await t.control('/control/act', { action: 'stage', as: 'ben', trackId: 'neon-rain', stage: 'ready' });
    const items = await inbox();
    const keysOf = (type: string) => items.filter((item) => item.type === type).map((item) => item.groupKey);
    assert.deepEqual(keysOf('comment'), ['comment:midnight-drive', 'comment:midnight-drive']);
    assert.deepEqual(keysOf('stage-changed'), ['stage:neon-rain', 'stage:neon-rain']);
    const invitations = items.filter((item) => item.type === 'invitation');
    assert.ok(invitations.length >= 2);
    for (const item of invitations) assert.equal(item.groupKey, `invitation:${item.actor!.id}`);
    for (const type of ['overdue', 'due-reminder', 'security-alert', 'support-feedback', 'service-announcement'])
      assert.deepEqual(new Set(keysOf(type)), new Set([null]), type);
  });

  it("names the track (for a group's title), null without one", async () => {
    const items = await inbox();
    const comment = items.find((item) => item.type === 'comment' && item.trackId === 'midnight-drive')!;
    assert.equal(comment.trackName, 'Midnight Drive');
    const security = items.find((item) => item.type === 'security-alert')!;
    assert.equal(security.trackName, null);
  });

  it('keeps its key through changes (read, archive and restore)', async () => {
    const comment = (await inbox()).find((item) => item.type === 'comment')!;
    const read = await t.as('alice')<{ groupKey: string | null }>('POST', `/v1/notifications/${comment.id}/read`);
    assert.equal(read.body.groupKey, 'comment:midnight-drive');
    await t.as('alice')('POST', `/v1/notifications/${comment.id}/archive`);
    const back = await t.as('alice')<{ groupKey: string | null }>('POST', `/v1/notifications/${comment.id}/unarchive`);
    assert.equal(back.body.groupKey, 'comment:midnight-drive');
  });
});
