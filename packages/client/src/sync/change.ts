/**
 * A change the user makes, as it is shown, queued, persisted, told to the other
 * tabs and sent again: the types the areas, the queue and the mutations share,
 * so that none of them needs another.
 */
import type { ActionId, Notification, PreferencesUpdate } from '@pd-notify/protocol/wire';

export type Mutation =
  | { kind: 'read' | 'unread' | 'dismiss'; id: string }
  /** `upTo`: the newest notification shown; it and every older unread one become read. */
  | { kind: 'read-all'; upTo: Notification }
  | { kind: 'action'; id: string; action: ActionId; invitationId: string | null }
  | { kind: 'accept' | 'decline'; id: string }
  | { kind: 'preferences'; update: PreferencesUpdate };

/**
 * A change with its idempotency key and the time it was made; `seq`, given when
 * it joins the queue, orders it among the waiting ones (the clock cannot: two
 * changes can share a millisecond).
 */
export type Queued = Mutation & { key: string; at: string; seq?: number };

/** A change shown before the server has it. */
export interface Shown {
  undo(): void;
  queued(): void;
}
