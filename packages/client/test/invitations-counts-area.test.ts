import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Invitation } from '@pd-notify/protocol';
import { areaHarness } from './area-harness.js';
import { eventually, referenceServerForFile, heldFetch } from './helpers.js';

const server = referenceServerForFile({ seed: 'empty' });

const invitation: Invitation = {
  id: 'inv-during-load',
  version: 1,
  track: { id: 't1', name: 'Late Track', artworkUrl: null },
  sender: { id: 'ben', name: 'Ben' },
  permission: 'edit',
  status: 'pending',
  sentAt: '2026-11-23T09:00:00.000Z',
  respondedAt: null,
};

describe('the invitations and counts areas', () => {
  it('keep what the stream delivered while their older answers were in flight', async () => {
    const { fetch, release } = heldFetch();
    const { invitations, counts, send, settle } = areaHarness({ baseUrl: server().url, fetch });
    const loading = Promise.all([invitations.load(), counts.load()]);
    await eventually(() => assert.equal(invitations.$invitations.get().status, 'loading'));
    send('invitation.created', invitation);
    send('counts', { unreadNotifications: 4, pendingInvitations: 1 });
    release();
    await loading;
    await settle();
    assert.equal(counts.value.unreadNotifications, 4);
    assert.equal(invitations.$pendingInviteCount.get(), 1);
    assert.deepEqual(
      invitations.$invitations.get().items.map((inv) => inv.track.name),
      ['Late Track'],
    );
  });

  it('replacing what is held (another id space): keep what the stream delivered during the load, by the new versions', async () => {
    const { fetch, release } = heldFetch();
    const { invitations, send, settle } = areaHarness({ baseUrl: server().url, fetch });
    // An earlier visit's invitations from another id space: the same id, at a higher version of its own.
    invitations.restore([{ ...invitation, version: 5, track: { ...invitation.track, name: 'Old Track' } }], 'cached');
    invitations.replaceNext();
    const loading = invitations.load();
    send('invitation.created', invitation);
    release();
    assert.equal(await loading, true);
    await settle();
    assert.deepEqual(
      invitations.$invitations.get().items.map((inv) => inv.track.name),
      ['Late Track'],
    );
  });

  it('take the counts from the stream’s ready event, with no request', async () => {
    const { counts, router, invitations } = areaHarness({ baseUrl: server().url });
    router.apply({
      id: 'cccc-1',
      event: 'ready',
      data: JSON.stringify({
        heartbeatMs: 1000,
        serverTime: '2026-11-23T09:00:00.000Z',
        counts: { unreadNotifications: 7, pendingInvitations: 2 },
      }),
    });
    assert.equal(counts.status, 'ready');
    await eventually(() => assert.equal(invitations.$pendingInviteCount.get(), 2));
  });

  it('hold no invitation from the stream before their first load', async () => {
    const { invitations, send, settle } = areaHarness({ baseUrl: server().url });
    send('invitation.created', invitation);
    await settle();
    assert.deepEqual(invitations.$invitations.get().items, []);
  });
});
