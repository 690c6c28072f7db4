/** Registers `<pd-provider>`. */
import { define } from '../define.js';
import { PdProvider } from '../provider/pd-provider.js';

define('pd-provider', PdProvider);

export { PdProvider };

declare global {
  interface HTMLElementTagNameMap {
    'pd-provider': PdProvider;
  }
}
