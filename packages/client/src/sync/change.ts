/**
 * A change the user makes, as it is shown, queued, persisted, told to the other
 * tabs and sent again: the types the areas, the queue and the mutations share,
 * so that none of them needs another.
 */
import type { ActionId, BulkFilter, BulkOp, Notification, PreferencesUpdate } from '@pd-notify/protocol/wire';

export type Mutation =
  | { kind: 'read' | 'unread' | 'dismiss' | 'archive' | 'unarchive' | 'unsnooze'; id: string }
  /** `until`: an ISO timestamp. */
  | { kind: 'snooze'; id: string; until: string }
  /**
   * Seen: these `ids`, or `upToId` and every older unseen one (`upToAt`: its
   * creation time when it was held, for the optimistic change).
   */
  | { kind: 'seen'; ids: string[] | null; upToId: string | null; upToAt: string | null }
  /** A bulk change: of these `ids`, or of every item matching `filter` (no newer than `upToId`). */
  | {
      kind: 'bulk';
      op: BulkOp;
      ids: string[] | null;
      filter: BulkFilter | null;
      upToId: string | null;
      upToAt: string | null;
    }
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
