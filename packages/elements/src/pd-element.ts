import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { strings, type Strings } from './i18n.js';

/** What every pd element shares: its own client settings, locale and theme. */
export class PdElement extends LitElement {
  /** Where the protocol is served. Used when the element is not inside a `<pd-provider>`. */
  @property({ attribute: 'base-url' }) baseUrl: string | null = null;
  /** The bearer token. Set it later (sign-in) or change it (user switch): the data resets. */
  @property() token: string | null = null;
  /** The language of the element's texts (`en`, `fr`); default: the page's `lang`, else English. */
  @property({ reflect: true }) locale: string | null = null;
  /** `light` or `dark`; by default the element follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | null = null;

  /** The texts in the element's language (English until that language's table has loaded). */
  protected get strings(): Strings {
    return strings(this.language, () => this.requestUpdate());
  }

  /** The language in use (for relative times as well as texts). */
  protected get language(): string {
    return this.locale ?? (this.closest('[lang]')?.getAttribute('lang') || 'en');
  }
}
