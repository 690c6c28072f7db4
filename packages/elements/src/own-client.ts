import { createClient, type ClientSnapshot, type PdClient } from '@pd-notify/client';

export interface ClientSettings {
  baseUrl: string | null;
  token: string | null;
  /** What the host's server rendered the page from (a provider's `snapshot`). */
  serverSnapshot?: ClientSnapshot | null;
}

/**
 * The client an element or provider creates from its own attributes: created
 * when `base-url` and `token` are both set (or `base-url` and a server snapshot:
 * it shows the snapshot at once and waits for the token before asking the
 * server anything), told about a new token (user switch: its stores reset),
 * replaced when the base URL changes, closed when the token goes away (sign-out).
 */
export class OwnClient {
  client: PdClient | null = null;
  #key = '';
  #token: string | null = null;
  /** The first token, for a client made from a snapshot before the host gave one. */
  #firstToken: ((token: string) => void) | null = null;

  /** The server's snapshot has made a client: it shows one page load's first paint, never a later client's. */
  #snapshotUsed = false;

  update({ baseUrl, token, serverSnapshot }: ClientSettings): PdClient | null {
    const snapshot = this.#snapshotUsed ? null : serverSnapshot;
    /** A client made from the snapshot is waiting for its first token. */
    const waiting = this.client !== null && this.#firstToken !== null;
    if (!baseUrl || (!token && !snapshot && !waiting)) {
      this.close();
      return null;
    }
    const key = baseUrl;
    if (!this.client || key !== this.#key) {
      this.close();
      const first = new Promise<string>((resolve) => (this.#firstToken = token ? null : resolve));
      try {
        // Its language is the elements' (ClientController tells it), not fixed here.
        this.client = createClient({
          baseUrl,
          ...(token ? { token } : { getToken: () => this.#token ?? first }),
          ...(snapshot ? { snapshot } : {}),
        });
        this.#snapshotUsed ||= !!snapshot;
      } catch (error) {
        console.error(error);
        return null;
      }
      this.#key = key;
      this.#token = token;
    } else if (token && this.#firstToken) {
      // The first token: the client checks it is the snapshot's user's (and starts afresh if not).
      this.#firstToken(token);
      this.#firstToken = null;
      this.#token = token;
    } else if (token && token !== this.#token) {
      this.client.setToken(token);
      this.#token = token;
    }
    return this.client;
  }

  close(): void {
    this.client?.close();
    this.client = null;
    this.#key = '';
    this.#token = null;
    this.#firstToken = null;
  }
}
