import { ContextProvider } from '@lit/context';
import { isClientSnapshot, type ClientSnapshot, type PdClient } from '@pd-notify/client';
import { css, html, isServer, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext, localeContext } from '../context.js';
import { OwnClient } from '../own-client.js';

/**
 * Shares one client with every pd element inside it. Give it `base-url` and
 * `token` (it then creates the client), or set its `client` property to a
 * `createClient(...)` instance. Two providers on a page are two separate clients.
 * On a server-rendered page, `snapshot` names the page's JSON script that holds
 * what the server rendered (see `@pd-notify/elements/ssr`): the client starts
 * from it and waits for `token` before asking the server anything.
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
  /**
   * The id of the page's `<script type="application/json">` holding the server's
   * snapshot (`snapshotScript()` of `@pd-notify/elements/ssr` writes it). Read
   * once, when the provider first connects.
   */
  @property() snapshot: string | null = null;

  #serverSnapshot: ClientSnapshot | null | undefined;

  #provider = new ContextProvider(this, { context: clientContext });
  #locale = new ContextProvider(this, { context: localeContext });
  #own = new OwnClient();

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#provide();
  }

  /** The server's snapshot named by `snapshot`, read once (null: none, or not a snapshot). */
  get #fromServer(): ClientSnapshot | null {
    if (this.#serverSnapshot !== undefined || !this.snapshot) return this.#serverSnapshot ?? null;
    const text = document.getElementById(this.snapshot)?.textContent;
    let value: unknown = null;
    try {
      value = text ? JSON.parse(text) : null;
    } catch {
      // Reported below.
    }
    if (!isClientSnapshot(value)) console.error(`<pd-provider>: #${this.snapshot} holds no pd-notify snapshot`);
    this.#serverSnapshot = isClientSnapshot(value) ? value : null;
    return this.#serverSnapshot;
  }

  /** Makes (or updates) the client and gives it to the elements inside. Not on the server: it renders from its own. */
  #provide(): void {
    if (isServer) return;
    const client =
      this.client ?? this.#own.update({ baseUrl: this.baseUrl, token: this.token, serverSnapshot: this.#fromServer });
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
    // Now, not at the first update: elements upgraded before it (a server-rendered page) render with it.
    this.#provide();
    this.requestUpdate();
  }

  override render() {
    return html`<slot></slot>`;
  }
}
