/** Registers `<pd-toaster>`. */
import { define } from '../define.js';
import { PdToaster } from '../toaster/pd-toaster.js';

define('pd-toaster', PdToaster);

export { PdToaster };

declare global {
  interface HTMLElementTagNameMap {
    'pd-toaster': PdToaster;
  }
}
