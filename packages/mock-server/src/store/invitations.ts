/**
 * Invitations to collaborate on a track (SPEC IN1): sent by the owner or a
 * full-control collaborator, each with its notification; accepting makes the
 * invitee a collaborator, starts their file sync and tells the sender; either
 * answer spends the invitation's notification.
 */
import type { Acceptance, Invitation, InvitationStatus, Permission } from '@pd-notify/protocol';
import type { Clock } from '../clock.js';
import { conflict, notFound } from '../problem.js';
import type { EventLog } from './event-log.js';
import type { NotificationsArea } from './notifications.js';
import type { TracksArea } from './tracks.js';
import type { UsersArea } from './users.js';

interface StoredInvitation extends Invitation {
  inviteeId: string;
}

export interface InvitationsOptions {
  clock: Clock;
  log: EventLog;
  users: UsersArea;
  tracks: TracksArea;
  notifications: NotificationsArea;
  /** The next number of the ids the store gives out (`i…`, shared with notifications). */
  nextId: () => number;
  /** Sends the user's counts on their stream. */
  publishCounts: (userId: string) => void;
}

export class InvitationsArea {
  #options: InvitationsOptions;
  #byId = new Map<string, StoredInvitation>();

  constructor(options: InvitationsOptions) {
    this.#options = options;
  }

  /** `actorId` (owner of the track) invites `inviteeId`. */
  invite(
    actorId: string,
    trackId: string,
    inviteeId: string,
    permission: Permission,
    at = this.#options.clock.now(),
  ): Invitation {
    const { users, tracks, notifications, log } = this.#options;
    const track = tracks.trackFor(actorId, trackId);
    if (track.ownerId !== actorId && track.members.get(actorId) !== 'full') {
      throw conflict('Only the owner or a collaborator with full control can invite');
    }
    users.get(inviteeId);
    if (inviteeId === track.ownerId || track.members.has(inviteeId)) {
      throw conflict('That user already works on this track');
    }
    for (const other of this.#byId.values()) {
      if (other.track.id === trackId && other.inviteeId === inviteeId && other.status === 'pending') {
        throw conflict('That user already has a pending invitation to this track');
      }
    }
    const sender = users.actor(actorId);
    const invitation: StoredInvitation = {
      id: `i${this.#options.nextId()}`,
      version: 1,
      track: { id: track.id, name: track.name, artworkUrl: track.artworkUrl },
      sender,
      permission,
      status: 'pending',
      sentAt: new Date(at).toISOString(),
      respondedAt: null,
      inviteeId,
    };
    this.#byId.set(invitation.id, invitation);
    log.append(inviteeId, 'invitation.created', publicInvitation(invitation));
    notifications.deliver(inviteeId, {
      type: 'invitation',
      text: { key: 'invitation', actor: sender.name, track: track.name, permission },
      trackId: track.id,
      widget: 'collaborators',
      actorId,
      actions: ['accept-invite'],
      invitationId: invitation.id,
      createdAt: at,
    });
    this.#options.publishCounts(inviteeId);
    return publicInvitation(invitation);
  }

  list(userId: string, status: InvitationStatus, trackId?: string): Invitation[] {
    return [...this.#byId.values()]
      .filter((inv) => inv.inviteeId === userId && inv.status === status && (!trackId || inv.track.id === trackId))
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || Number(b.id.slice(1)) - Number(a.id.slice(1)))
      .map(publicInvitation);
  }

  /** The user's invitations waiting for an answer. */
  pending(userId: string): number {
    let pending = 0;
    for (const inv of this.#byId.values()) if (inv.inviteeId === userId && inv.status === 'pending') pending++;
    return pending;
  }

  accept(userId: string, invitationId: string): Acceptance {
    const { users, tracks, notifications } = this.#options;
    const invitation = this.#respond(userId, invitationId, 'accepted');
    const track = tracks.record(invitation.track.id);
    const sync = tracks.join(userId, track, invitation.permission);
    const invitee = users.actor(userId);
    notifications.deliver(invitation.sender.id, {
      type: 'membership',
      text: { key: 'membership', actor: invitee.name, track: track.name, permission: invitation.permission },
      trackId: track.id,
      widget: 'collaborators',
      actorId: userId,
    });
    return {
      invitation: publicInvitation(invitation),
      track: tracks.publicTrack(track, userId),
      permission: invitation.permission,
      sync,
    };
  }

  decline(userId: string, invitationId: string): Invitation {
    return publicInvitation(this.#respond(userId, invitationId, 'declined'));
  }

  #respond(userId: string, invitationId: string, status: 'accepted' | 'declined'): StoredInvitation {
    const invitation = this.#byId.get(invitationId);
    if (!invitation || invitation.inviteeId !== userId) throw notFound('invitation');
    if (invitation.status !== 'pending') throw conflict(`This invitation was already ${invitation.status}`);
    invitation.status = status;
    invitation.respondedAt = this.#options.clock.iso();
    invitation.version++;
    this.#options.log.append(userId, 'invitation.updated', publicInvitation(invitation));
    this.#options.notifications.spendInvitation(userId, invitationId, status);
    this.#options.publishCounts(userId);
    return invitation;
  }
}

function publicInvitation(invitation: StoredInvitation): Invitation {
  const { inviteeId: _inviteeId, ...rest } = invitation;
  return { ...rest, track: { ...rest.track }, sender: { ...rest.sender } };
}
