import type { PdError } from '../errors.js';

/** The realtime link's state, as `$connection` shows it. */
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'polling' | 'offline' | 'error';

/** The realtime link's part of `$connection`. */
export interface LinkState {
  status: ConnectionStatus;
  /** Why, in a few words (e.g. "stream unavailable, polling", "paused while the page is hidden"). */
  reason: string | null;
  /** The error behind `error`, and behind retries while `connecting`, `offline` or `polling`. */
  error: PdError | null;
  /** When the next attempt is due (ms since the epoch) while waiting to retry; null otherwise. */
  retryAt: number | null;
}

/** What `$connection` holds: the link's state, and the changes waiting for it. */
export interface ConnectionState extends LinkState {
  /** Changes made while the server could not be reached, waiting to be sent (shown already). */
  pending: number;
}

/** One event as it came off the wire, before validation. */
export interface WireEvent {
  id: string;
  event: string;
  data: string;
}

export interface RealtimeHandlers {
  onEvent(event: WireEvent): void;
  onState(state: LinkState): void;
  /** The client must refetch from REST (polling saw a change, or a catch-up is due). */
  onResync(): void;
  /** Every failure of the link, once each (including ones it recovers from). */
  onError(error: PdError): void;
}
