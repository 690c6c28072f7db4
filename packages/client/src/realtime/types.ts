import type { PdError } from '../errors.js';

/** The realtime link's state, as `$connection` shows it. */
export type ConnectionStatus = 'idle' | 'connecting' | 'live' | 'polling' | 'offline' | 'error';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Why, in a few words (e.g. "stream unavailable, polling", "page hidden"). */
  reason: string | null;
  /** The error behind `error` (and behind retries while `connecting`). */
  error: PdError | null;
}

/** One event as it came off the wire, before validation. */
export interface WireEvent {
  id: string;
  event: string;
  data: string;
}

export interface RealtimeHandlers {
  onEvent(event: WireEvent): void;
  onState(state: ConnectionState): void;
  /** The client must refetch from REST (polling saw a change, or a catch-up is due). */
  onResync(): void;
}
