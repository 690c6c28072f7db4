/** Registers `<pd-bell-badge>`. */
import { PdBellBadge } from '../bell-badge/pd-bell-badge.js';
import { define } from '../define.js';

define('pd-bell-badge', PdBellBadge);

export { PdBellBadge };

declare global {
  interface HTMLElementTagNameMap {
    'pd-bell-badge': PdBellBadge;
  }
}
