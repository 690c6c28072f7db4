/**
 * The bearer token: asked of the host's source once and kept; after the server
 * refuses it (401), asked once more with `refresh: true`, however many requests
 * were refused with it at the same time; a refreshed token that is refused too
 * is final (no refresh loop) until a request succeeds with it.
 */
import { PdError } from './errors.js';

/** Supplies the bearer token; `refresh` is true after the server refused the previous one. */
export type TokenSource = (context: { refresh: boolean }) => string | Promise<string>;

export class Tokens {
  #source: TokenSource;
  #pending: Promise<string> | null = null;
  /** The last token the source gave. */
  #value: string | null = null;
  /** A token given after a refusal, not yet seen to work: if it is refused too, that is final. */
  #refreshed: string | null = null;

  constructor(source: TokenSource) {
    this.#source = source;
  }

  /** Uses another source from now on (sign-in, user switch). */
  use(source: TokenSource): void {
    this.#source = source;
    this.#pending = null;
    this.#value = null;
    this.#refreshed = null;
  }

  /** The current token; a source that throws gives an `auth` PdError. */
  current(): Promise<string> {
    this.#pending ??= this.#ask(false);
    return this.#pending;
  }

  /**
   * After `used` was refused: the token to try again with, or null when there is
   * none (`used` was already a refreshed token, or the source failed).
   */
  async refreshAfter(used: string): Promise<string | null> {
    if (this.#value !== null && this.#value !== used) return this.#value; // refreshed meanwhile
    if (used === this.#refreshed) return null;
    this.#pending = this.#ask(true);
    try {
      const token = await this.#pending;
      this.#refreshed = token;
      return token;
    } catch {
      return null;
    }
  }

  /** A request succeeded with `used`: a later refusal may refresh again. */
  worked(used: string): void {
    if (used === this.#refreshed) this.#refreshed = null;
  }

  #ask(refresh: boolean): Promise<string> {
    const source = this.#source;
    const pending: Promise<string> = Promise.resolve()
      .then(() => source({ refresh }))
      .then(
        (token) => {
          if (this.#source === source) this.#value = token;
          return token;
        },
        (cause: unknown) => {
          // A failed source is asked again next time.
          if (this.#pending === pending) this.#pending = null;
          throw cause instanceof PdError ? cause : new PdError('auth', 'Could not get a token', { cause });
        },
      );
    return pending;
  }
}
