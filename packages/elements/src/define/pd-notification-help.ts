/** Registers `<pd-notification-help>`. */
import { define } from '../define.js';
import { PdNotificationHelp } from '../help/pd-notification-help.js';

define('pd-notification-help', PdNotificationHelp);

export { PdNotificationHelp };

declare global {
  interface HTMLElementTagNameMap {
    'pd-notification-help': PdNotificationHelp;
  }
}
