/**
 * What the inbox's verbs do to a notification, as the server does it
 * (docs/protocol.md): the optimistic changes of `mutations.ts`, and the
 * `notifications.bulk` event applied to the items held. Loaded with the
 * mutations, or on the first batch event, so that the client's start does not
 * carry it.
 */
import type { BulkOp, BulkResult, Notification } from '@pd-notify/protocol/wire';
import type { NotificationList } from './notification-list.js';
import { inView, type NotificationFilter } from './notifications.js';

/**
 * An item as a verb leaves it, as the server does it (docs/protocol.md, the
 * bulk table): read marks seen; archive marks read and seen and ends a snooze;
 * snooze marks seen and leaves the archive (see `snoozed`).
 */
export function changedBy(item: Notification, op: BulkOp, at: string): Notification {
  switch (op) {
    case 'read':
      return item.readAt
        ? item.seenAt
          ? item
          : { ...item, seenAt: at }
        : { ...item, readAt: at, seenAt: item.seenAt ?? at };
    case 'unread':
      return item.readAt === null ? item : { ...item, readAt: null };
    case 'seen':
      return item.seenAt ? item : { ...item, seenAt: at };
    case 'archive':
      return item.archivedAt
        ? item
        : { ...item, archivedAt: at, readAt: item.readAt ?? at, seenAt: item.seenAt ?? at, snoozedUntil: null };
    case 'unarchive':
      return item.archivedAt ? { ...item, archivedAt: null } : item;
  }
}

/** An item snoozed until `until` at `at`: seen, out of the archive. */
export function snoozed(item: Notification, until: string, at: string): Notification {
  return { ...item, snoozedUntil: until, seenAt: item.seenAt ?? at, archivedAt: null };
}

/**
 * Applies a batch change (`notifications.bulk`, a bulk or seen answer) per the
 * protocol's table, to each item held at the version just before; the items
 * that leave the view are dropped. Items held at an older version missed a
 * change: the batch's change shows on them at once, and they are fetched;
 * items it may bring into the view (a restore seen from the inbox, an archive
 * seen from the archive) are not held, and are fetched too (and
 * counted as they come in). `left` is told of each held item that leaves the
 * view. Returns whether anything changed.
 */
export function applyBulk(
  list: NotificationList,
  filter: NotificationFilter,
  result: BulkResult,
  fetch: (ids: string[]) => void,
  left: () => void,
): boolean {
  const wanted: string[] = [];
  const entering =
    (result.op === 'unarchive' && !filter.archived && !filter.snoozed) || (result.op === 'archive' && filter.archived);
  let changed = false;
  for (const ref of result.items) {
    const held = list.get(ref.id);
    if (!held) {
      if (entering) wanted.push(ref.id);
    } else if (held.version < ref.version) {
      // Held at an older version than the one just before: it missed a change, and is fetched. Meanwhile the
      // batch's own change shows (a row archived with the others never flashes back), just below its version.
      const missed = held.version < ref.version - 1;
      if (missed) wanted.push(ref.id);
      const item = { ...changedBy(held, result.op, result.at), version: missed ? ref.version - 1 : ref.version };
      if (inView(item, filter)) list.upsert(item, false);
      else if (list.remove({ id: ref.id, version: ref.version })) left();
      changed = true;
    }
  }
  if (wanted.length > 0) fetch(wanted);
  return changed;
}
