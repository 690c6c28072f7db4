import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import { areaHarness } from './area-harness.js';
import { eventually, referenceServer } from './helpers.js';

let server: RunningServer;
before(async () => {
  server = await referenceServer({ seed: 'empty' });
});
after(() => server.close());

const invitation = {
  id: 'inv-during-load',
  version: 1,
  track: { id: 't1', name: 'Late Track', artworkUrl: null },
  sender: { id: 'ben', name: 'Ben' },
  permission: 'edit',
  status: 'pending',
  sentAt: '2026-11-23T09:00:00.000Z',
  respondedAt: null,
};

/** A fetch whose answers are computed at once (from the server's state now) and delivered on `release()`. */
function heldFetch() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    await gate;
    return response;
  };
  return { fetch: held, release };
}

describe('the invitations and counts areas', () => {
  it('keep what the stream delivered while their older answers were in flight', async () => {
    const { fetch, release } = heldFetch();
    const { invitations, counts, send, settle } = areaHarness({ baseUrl: server.url, fetch });
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

  it('take the counts from the stream’s ready event, with no request', async () => {
    const { counts, router, invitations } = areaHarness({ baseUrl: server.url });
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
    const { invitations, send, settle } = areaHarness({ baseUrl: server.url });
    send('invitation.created', invitation);
    await settle();
    assert.deepEqual(invitations.$invitations.get().items, []);
  });
});
