import { ContextConsumer } from '@lit/context';
import { isServer, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ensureContextRoot, localeContext } from './context.js';
import { strings, type Strings } from './i18n.js';
import { serverRendering } from './server-rendering.js';

/** The nearest `lang` attribute on `element` or an ancestor, looking out of shadow roots up to the document's. */
function nearestLang(element: Element): string | null {
  for (let node: Element | null = element; node;) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? (node.getRootNode() as Partial<ShadowRoot>).host ?? null;
  }
  return null;
}

/** The language an element resolved (see `PdElement.locale`), for the client it shows (`ClientController`). */
export let languageOf: (element: PdElement) => string;

/** What every pd element shares: its own client settings, locale and theme. */
export class PdElement extends LitElement {
  static {
    languageOf = (element) => element.language;
  }

  /** Where the protocol is served. Used when the element is not inside a `<pd-provider>`. */
  @property({ attribute: 'base-url' }) baseUrl: string | null = null;
  /** The bearer token. Set it later (sign-in) or change it (user switch): the data resets. */
  @property() token: string | null = null;
  /**
   * The language of the element's texts and times (`en`, `fr`). When unset: the
   * `locale` of its `<pd-provider>`, else the nearest `lang` (through shadow roots,
   * up to the document's), else English (rendered on the server: else the
   * snapshot's language). The element's client asks the server for
   * the notifications' titles and messages in it too, unless the host gave the
   * client a `locale` of its own.
   */
  @property({ reflect: true }) locale: string | null = null;
  /**
   * `light` (the default), `dark`, or `auto` (follows `prefers-color-scheme`).
   * Light by default because the host page, not the OS, decides its look: a
   * light page stays light on a dark OS unless it asks for `auto`. A bell or
   * badge in the host's header always takes the header's text colour.
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | null = null;

  #providerLocale = new ContextConsumer(this, { context: localeContext, subscribe: true });

  constructor() {
    super();
    ensureContextRoot();
  }

  /** The texts in the element's language (English until that language's table has loaded). */
  protected get strings(): Strings {
    return strings(this.language, () => this.requestUpdate());
  }

  /** The language in use (for relative times as well as texts), resolved in the order `locale` documents. */
  protected get language(): string {
    const rendered = isServer ? serverRendering.locale : null;
    return this.locale || this.#providerLocale.value || nearestLang(this) || rendered || 'en';
  }
}
