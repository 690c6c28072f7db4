/**
 * The store's invitations: who may invite, one pending invitation per track
 * and invitee, accepting (membership, sync, the sender told, the row spent)
 * and declining, each answered once by the invitee only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyStore } from './helpers.js';

const withTrack = () => {
  const world = emptyStore();
  world.store.addTrack({
    id: 't1',
    name: 'Track One',
    artworkUrl: null,
    stage: 'idea',
    dueDate: null,
    ownerId: 'alice',
    members: new Map([
      ['ben', 'full'],
      ['chloe', 'view'],
    ]),
    fileCount: 16,
  });
  return world;
};

describe('InvitationsArea (through the Store)', () => {
  it('lets the owner or a full-control collaborator invite someone not on the track, once while pending', () => {
    const { store, events } = withTrack();
    const invitation = store.invite('ben', 't1', 'dev', 'edit');
    assert.equal(invitation.status, 'pending');
    assert.deepEqual(invitation.sender, { id: 'ben', name: 'Ben Okafor', avatarUrl: null });
    assert.deepEqual(events('dev', 'invitation.created'), [invitation]);
    const row = store.listNotifications('dev', { limit: 5 }).items[0]!;
    assert.equal(row.invitationId, invitation.id);
    assert.deepEqual(row.actions, ['accept-invite']);
    assert.deepEqual(store.counts('dev'), { unreadNotifications: 1, unseenNotifications: 1, pendingInvitations: 1 });
    assert.throws(() => store.invite('alice', 't1', 'dev', 'view'), { status: 409 }, 'already pending');
    assert.throws(() => store.invite('chloe', 't1', 'dev', 'view'), { status: 409 }, 'view-only cannot invite');
    assert.throws(() => store.invite('alice', 't1', 'ben', 'view'), { status: 409 }, 'already on the track');
    assert.throws(() => store.invite('dev', 't1', 'chloe', 'view'), { status: 404 }, 'not on the track');
    assert.throws(() => store.invite('alice', 't1', 'nobody', 'view'), { status: 404 });
  });

  it('accepting makes a collaborator, starts the sync, tells the sender and spends the row', () => {
    const { store, events } = withTrack();
    const invitation = store.invite('alice', 't1', 'dev', 'edit');
    const acceptance = store.acceptInvitation('dev', invitation.id);
    assert.equal(acceptance.invitation.status, 'accepted');
    assert.equal(acceptance.invitation.version, 2);
    assert.equal(acceptance.permission, 'edit');
    assert.deepEqual(acceptance.track, { ...acceptance.track, id: 't1', permission: 'edit' });
    assert.deepEqual(acceptance.sync, { trackId: 't1', filesDone: 0, filesTotal: 16, done: false });
    assert.deepEqual(
      store.listTracks('dev').map((track) => track.id),
      ['t1'],
    );
    const row = store.listNotifications('dev', { limit: 5 }).items[0]!;
    assert.equal(row.actionTaken, 'accept-invite');
    assert.notEqual(row.readAt, null);
    assert.deepEqual(store.counts('dev'), { unreadNotifications: 0, unseenNotifications: 0, pendingInvitations: 0 });
    assert.equal(store.listNotifications('alice', { limit: 5 }).items[0]!.type, 'membership');
    assert.deepEqual(events('dev', 'invitation.updated'), [acceptance.invitation]);
    assert.throws(() => store.acceptInvitation('dev', invitation.id), { status: 409 });
    assert.throws(() => store.declineInvitation('dev', invitation.id), { status: 409 });
  });

  it('the accept-invite action on the row accepts the invitation', () => {
    const { store } = withTrack();
    const invitation = store.invite('alice', 't1', 'dev', 'view');
    const row = store.listNotifications('dev', { limit: 1 }).items[0]!;
    const result = store.runAction('dev', row.id, 'accept-invite');
    assert.equal(result.acceptance?.invitation.id, invitation.id);
    assert.equal(result.notification.actionTaken, 'accept-invite');
  });

  it('declining spends the row and its action; only the invitee can answer, and lists are per status', () => {
    const { store } = withTrack();
    const invitation = store.invite('alice', 't1', 'dev', 'view');
    assert.throws(() => store.declineInvitation('ben', invitation.id), { status: 404 });
    const declined = store.declineInvitation('dev', invitation.id);
    assert.equal(declined.status, 'declined');
    const row = store.listNotifications('dev', { limit: 1 }).items[0]!;
    assert.deepEqual(row.actions, []);
    assert.equal(row.actionTaken, null);
    assert.deepEqual(store.listInvitations('dev', 'pending'), []);
    assert.deepEqual(
      store.listInvitations('dev', 'declined').map((inv) => inv.id),
      [invitation.id],
    );
    assert.deepEqual(store.listTracks('dev'), []);
  });
});
