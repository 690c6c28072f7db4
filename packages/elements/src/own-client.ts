import { createClient, type PdClient } from '@pd-notify/client';

export interface ClientSettings {
  baseUrl: string | null;
  token: string | null;
}

/**
 * The client an element or provider creates from its own attributes: created
 * when `base-url` and `token` are both set, told about a new token (user switch:
 * its stores reset), replaced when the base URL changes, closed when
 * the token goes away (sign-out).
 */
export class OwnClient {
  client: PdClient | null = null;
  #key = '';
  #token: string | null = null;

  update({ baseUrl, token }: ClientSettings): PdClient | null {
    if (!baseUrl || !token) {
      this.close();
      return null;
    }
    const key = baseUrl;
    if (!this.client || key !== this.#key) {
      this.close();
      try {
        // Its language is the elements' (ClientController tells it), not fixed here.
        this.client = createClient({ baseUrl, token });
      } catch (error) {
        console.error(error);
        return null;
      }
      this.#key = key;
      this.#token = token;
    } else if (token !== this.#token) {
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
  }
}
