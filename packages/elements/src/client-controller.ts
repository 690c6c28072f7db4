import { ContextConsumer, ContextProvider } from '@lit/context';
import type { PdClient } from '@pd-notify/client';
import type { ReadableAtom } from 'nanostores';
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { clientContext } from './context.js';
import { OwnClient, type ClientSettings } from './own-client.js';
import { serverRendering } from './server-rendering.js';
import { languageOf, type PdElement } from './pd-element.js';

export type ClientHost = ReactiveControllerHost & PdElement & ClientSettings;

/**
 * Gives an element its client, from the nearest `<pd-provider>` or else from its
 * own `base-url` and `token`, and keeps the element subscribed to the stores it
 * reads (subscribing is what starts the client's network). It tells the client
 * the element's language when it first shows it and whenever that changes
 * (the server writes notifications in it, unless the host chose another).
 */
export class ClientController implements ReactiveController {
  #host: ClientHost;
  #select: (client: PdClient) => ReadableAtom<unknown>[];
  #fromContext: PdClient | undefined;
  #own = new OwnClient();
  #subscribed: PdClient | null = null;
  #unsubscribe: (() => void)[] = [];
  #connected = false;
  #provider: ContextProvider<typeof clientContext> | null = null;
  /** The language last told to the client shown (each element tells its own, once per change). */
  #told: { client: PdClient; language: string } | null = null;

  /**
   * `shareWithChildren`: pd elements in the host's shadow root (the cards of
   * `<pd-invitations>`) get the same client, even when it is the host's own.
   */
  constructor(
    host: ClientHost,
    select: (client: PdClient) => ReadableAtom<unknown>[],
    { shareWithChildren = false }: { shareWithChildren?: boolean } = {},
  ) {
    this.#host = host;
    this.#select = select;
    host.addController(this);
    if (shareWithChildren) this.#provider = new ContextProvider(host, { context: clientContext });
    new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        this.#fromContext = client;
        this.#sync(true);
      },
    });
  }

  /** The client in use, or null before one is configured. */
  get client(): PdClient | null {
    if (isServer) return serverRendering.client;
    return this.#fromContext ?? this.#own.client;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync(true);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#sync(false);
  }

  hostUpdate(): void {
    this.#sync(false);
  }

  #sync(fromOutside: boolean): void {
    if (!this.#fromContext) this.#own.update(this.#host);
    else this.#own.close();
    if (this.#provider && this.#provider.value !== (this.client ?? undefined)) {
      this.#provider.setValue(this.client ?? undefined);
    }
    const client = this.#connected ? this.client : null;
    if (client) this.#tellLanguage(client);
    if (client === this.#subscribed) return;
    for (const stop of this.#unsubscribe) stop();
    this.#unsubscribe = client
      ? this.#select(client).map((store) => store.listen(() => this.#host.requestUpdate()))
      : [];
    this.#subscribed = client;
    if (fromOutside) this.#host.requestUpdate();
  }

  #tellLanguage(client: PdClient): void {
    const language = languageOf(this.#host);
    if (this.#told?.client === client && this.#told.language === language) return;
    this.#told = { client, language };
    client.setLocale(language, 'page');
  }
}
