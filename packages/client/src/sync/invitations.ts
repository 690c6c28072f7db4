/**
 * The invitations area: pending invitations (optionally narrowed to one track)
 * and the invitations badge's count, with answers in flight shown at once
 * (accepting and declining are in `mutations.ts`).
 */
import type { Acceptance, EventName, Invitation, InvitationList } from '@pd-notify/protocol/wire';
import { atom } from 'nanostores';
import type { PdError } from '../errors.js';
import { Area, type AreaContext, type LoadStatus } from './area.js';
import type { CountsArea } from './counts.js';

/** Pending invitations. `status` moves like `NotificationsState.status`. */
export interface InvitationsState {
  /** Pending invitations, most recent first, narrowed by `trackId` when set. */
  items: readonly Invitation[];
  status: LoadStatus;
  error: PdError | null;
  trackId: string | null;
  /** Ids of invitations whose answer waits for the connection (shown answered already). */
  pending: readonly string[];
}

export class InvitationsArea extends Area<InvitationList, readonly Invitation[]> {
  readonly name = 'invitations';
  readonly $invitations = atom<InvitationsState>({
    items: [],
    status: 'idle',
    error: null,
    trackId: null,
    pending: [],
  });
  readonly $pendingInviteCount = atom(0);

  #counts: CountsArea;
  #held = new Map<string, Invitation>();
  /** Invitations shown answered while the answer is in flight (or queued: `#queued`). */
  #overrides = new Map<string, 'accepted' | 'declined'>();
  #queued = new Set<string>();
  #trackId: string | null = null;
  /**
   * What the server sent while a load was in flight: the newest version of each
   * invitation, measured against each other only (what is held may be void: a
   * load that replaces it).
   */
  #arrived: Map<string, Invitation> | null = null;

  constructor(context: AreaContext, counts: CountsArea) {
    super(context);
    this.#counts = counts;
    counts.onChange(() => this.publish());
  }

  /** Narrows `$invitations` to one track (null for all). */
  setTrack(trackId: string | null): void {
    this.#trackId = trackId;
    this.publish();
  }

  protected begin(): void {
    this.#arrived = new Map();
  }

  protected end(): void {
    this.#arrived = null;
  }

  protected fetch(): Promise<InvitationList> {
    return this.context.rest.listInvitations();
  }

  protected commit({ items }: InvitationList): void {
    const fresh = new Map(items.map((invitation) => [invitation.id, invitation]));
    for (const [id, arrived] of this.#arrived ?? []) {
      if (arrived.version > (fresh.get(id)?.version ?? -1)) fresh.set(id, arrived);
    }
    this.end();
    this.#held = fresh;
  }

  protected capture(): readonly Invitation[] {
    return [...this.#held.values()];
  }

  protected adopt(items: readonly Invitation[]): void {
    this.#held = new Map(items.map((invitation) => [invitation.id, invitation]));
  }

  protected reset(): void {
    this.#held.clear();
  }

  apply(name: EventName, data: unknown): void {
    if (name !== 'invitation.created' && name !== 'invitation.updated') return;
    this.take(data as Invitation);
  }

  /** Takes a version of an invitation from the server; older versions are ignored, as is all before a load. */
  take(invitation: Invitation): void {
    if (!this.held) return;
    const arrived = this.#arrived?.get(invitation.id);
    if (!arrived || arrived.version < invitation.version) this.#arrived?.set(invitation.id, invitation);
    const held = this.#held.get(invitation.id);
    if (held && held.version >= invitation.version) return;
    this.#held.set(invitation.id, invitation);
    this.publish();
  }

  /** Takes an accepted invitation's result (from the modal, a card or a feed row). */
  takeAcceptance(acceptance: Acceptance): void {
    this.take(acceptance.invitation);
    this.context.share({ kind: 'invitation', invitation: acceptance.invitation });
  }

  /**
   * Shows the invitation answered until the answer settles (also one not loaded
   * yet: a queued answer restored at start); `queued()` marks it pending.
   */
  show(id: string, status: 'accepted' | 'declined'): { undo(): void; queued(): void } {
    this.#overrides.set(id, status);
    this.publish();
    return {
      undo: () => {
        this.#overrides.delete(id);
        this.#queued.delete(id);
        this.publish();
      },
      queued: () => {
        this.#queued.add(id);
        this.publish();
      },
    };
  }

  protected publish(): void {
    const held = [...this.#held.values()];
    const pending = held.filter((inv) => inv.status === 'pending');
    this.$invitations.set({
      items: pending
        .filter((inv) => !this.#overrides.has(inv.id) && (!this.#trackId || inv.track.id === this.#trackId))
        .sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0)),
      status: this.status,
      error: this.error,
      trackId: this.#trackId,
      pending: [...this.#queued],
    });
    // Answers in flight: of the pending invitations held, or, before they are loaded, all of them.
    const answering = this.held ? pending.filter((inv) => this.#overrides.has(inv.id)).length : this.#overrides.size;
    this.$pendingInviteCount.set(Math.max(0, this.#counts.value.pendingInvitations - answering));
  }
}
