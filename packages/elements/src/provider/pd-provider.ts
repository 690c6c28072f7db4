import { ContextProvider } from '@lit/context';
import type { PdClient } from '@pd-notify/client';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext, localeContext } from '../context.js';
import { OwnClient } from '../own-client.js';

/**
 * Shares one client with every pd element inside it. Give it `base-url` and
 * `token` (it then creates the client), or set its `client` property to a
 * `createClient(...)` instance. Two providers on a page are two separate clients.
 *
 * @slot - The host's markup with pd elements anywhere inside.
 *
 * @tag pd-provider
 */
export class PdProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Where the protocol is served (when no `client` is given). */
  @property({ attribute: 'base-url' }) baseUrl: string | null = null;
  /** The bearer token; change it to switch users (all data resets). */
  @property() token: string | null = null;
  /** The locale for the texts and relative times of every element inside that sets none itself. */
  @property() locale: string | null = null;
  /** A client to share instead of one made from the attributes. */
  @property({ attribute: false }) client: PdClient | null = null;

  #provider = new ContextProvider(this, { context: clientContext });
  #locale = new ContextProvider(this, { context: localeContext });
  #own = new OwnClient();

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.client ?? this.#own.update(this);
    if (this.client) this.#own.close();
    if (this.#provider.value !== (client ?? undefined)) this.#provider.setValue(client ?? undefined);
    this.#locale.setValue(this.locale ?? undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#own.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  override render() {
    return html`<slot></slot>`;
  }
}
