/** The Hono environment of the reference server's app. */
import type { Language } from './texts.js';

/** What the transport serving the handler can do for it (Node's: drop a connection). */
export interface Transport {
  /** Drops the request's connection at once, as a network failure would. */
  drop(): void;
}

export interface ServerEnv {
  Bindings: { transport?: Transport };
  /** Set by authentication on `/v1` routes: the user, and the language notifications are written in. */
  Variables: { userId: string; language: Language };
}
