/** Registers `<pd-preferences-form>`. */
import { define } from '../define.js';
import { PdPreferencesForm } from '../preferences/pd-preferences-form.js';

define('pd-preferences-form', PdPreferencesForm);

export { PdPreferencesForm };

declare global {
  interface HTMLElementTagNameMap {
    'pd-preferences-form': PdPreferencesForm;
  }
}
