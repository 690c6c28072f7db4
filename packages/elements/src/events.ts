/** The events pd elements fire. All bubble and are composed; those a host may take over are cancelable. */
import type { Acceptance, Invitation, Notification, Preferences } from '@pd-notify/client';

export interface PdNavigateDetail {
  trackId: string;
  widget: string | null;
  notification: Notification;
}

/**
 * A row was opened. Cancel it to take over: the feed then neither follows
 * `href-template` nor closes its panel. Otherwise the panel closes, focus returns
 * to the bell and `href-template` (when set) is followed.
 */
export class PdNavigateEvent extends CustomEvent<PdNavigateDetail> {
  constructor(detail: PdNavigateDetail) {
    super('pd-navigate', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface PdInviteReviewDetail {
  invitationId: string;
  notification: Notification;
}

/**
 * An invitation's row was opened: the user wants to review the invitation before
 * accepting (the track is not open to them yet). Cancel it to show the invitation
 * yourself; otherwise the page's `<pd-invitations>` opens on its card.
 */
export class PdInviteReviewEvent extends CustomEvent<PdInviteReviewDetail> {
  constructor(detail: PdInviteReviewDetail) {
    super('pd-invite-review', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** A row is about to be dismissed. Cancel it to keep the row. */
export class PdDismissEvent extends CustomEvent<{ notification: Notification }> {
  constructor(notification: Notification) {
    super('pd-dismiss', { detail: { notification }, bubbles: true, composed: true, cancelable: true });
  }
}

/** An invitation was accepted: add the track to the host's grid. */
export class PdInviteAcceptedEvent extends CustomEvent<Acceptance> {
  constructor(acceptance: Acceptance) {
    super('pd-invite-accepted', { detail: acceptance, bubbles: true, composed: true });
  }
}

/** An invitation was declined. */
export class PdInviteDeclinedEvent extends CustomEvent<{ invitation: Invitation }> {
  constructor(invitation: Invitation) {
    super('pd-invite-declined', { detail: { invitation }, bubbles: true, composed: true });
  }
}

/** An invite card finished answering (after its fade-out): a list showing it may drop it now. */
export class PdInviteCardSettledEvent extends CustomEvent<{ invitationId: string }> {
  constructor(invitationId: string) {
    super('pd-invite-card-settled', { detail: { invitationId }, bubbles: true, composed: true });
  }
}

/** `<pd-invitations>`' track filter was cleared by the user ("Show all"). */
export class PdTrackFilterClearedEvent extends CustomEvent<{ trackId: string }> {
  constructor(trackId: string) {
    super('pd-track-filter-cleared', { detail: { trackId }, bubbles: true, composed: true });
  }
}

/** `<pd-preferences-form>` saved: the server's new preferences in `detail`. */
export class PdPreferencesSavedEvent extends CustomEvent<Preferences> {
  constructor(saved: Preferences) {
    super('pd-preferences-saved', { detail: saved, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'pd-navigate': PdNavigateEvent;
    'pd-invite-review': PdInviteReviewEvent;
    'pd-dismiss': PdDismissEvent;
    'pd-invite-accepted': PdInviteAcceptedEvent;
    'pd-invite-declined': PdInviteDeclinedEvent;
    'pd-invite-card-settled': PdInviteCardSettledEvent;
    'pd-track-filter-cleared': PdTrackFilterClearedEvent;
    'pd-preferences-saved': PdPreferencesSavedEvent;
  }
}
