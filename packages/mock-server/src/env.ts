/** The Hono environment of the reference server's app. */

/** What the transport serving the handler can do for it (Node's: drop a connection). */
export interface Transport {
  /** Drops the request's connection at once, as a network failure would. */
  drop(): void;
}

export interface ServerEnv {
  Bindings: { transport?: Transport };
  /** Set by authentication on `/v1` routes. */
  Variables: { userId: string };
}
