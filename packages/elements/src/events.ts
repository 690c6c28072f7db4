/** The events pd elements fire. All bubble and are composed; those a host may take over are cancelable. */
import type { Acceptance, Notification } from '@pd-notify/client';

export interface PdNavigateDetail {
  trackId: string;
  widget: string | null;
  notification: Notification;
}

/** A row was opened. Cancel it to navigate yourself; otherwise `href-template` is followed. */
export class PdNavigateEvent extends CustomEvent<PdNavigateDetail> {
  constructor(detail: PdNavigateDetail) {
    super('pd-navigate', { detail, bubbles: true, composed: true, cancelable: true });
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

declare global {
  interface HTMLElementEventMap {
    'pd-navigate': PdNavigateEvent;
    'pd-dismiss': PdDismissEvent;
    'pd-invite-accepted': PdInviteAcceptedEvent;
  }
}
