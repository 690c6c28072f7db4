/** Registers `<pd-invite-card>` (and `<pd-toaster>`, which shows its "accepted" message). */
import { define } from '../define.js';
import { PdInviteCard } from '../invitations/pd-invite-card.js';
import './pd-toaster.js';

define('pd-invite-card', PdInviteCard);

export { PdInviteCard };

declare global {
  interface HTMLElementTagNameMap {
    'pd-invite-card': PdInviteCard;
  }
}
