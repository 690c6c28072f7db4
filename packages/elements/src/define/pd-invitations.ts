/** Registers `<pd-invitations>` (and the `<pd-invite-card>` it lists). */
import { define } from '../define.js';
import { PdInvitations } from '../invitations/pd-invitations.js';
import './pd-invite-card.js';

define('pd-invitations', PdInvitations);

export { PdInvitations };

declare global {
  interface HTMLElementTagNameMap {
    'pd-invitations': PdInvitations;
  }
}
