/**
 * Notifications: delivery as the recipient's preferences allow (in-app, and the
 * email outbox), per-user lists in creation order with cursor pages, filters and
 * search, read, unread, seen, archive and snooze (one at a time or in bulk),
 * read-all, dismissal, actions, and the unread and unseen counts kept as items change.
 */
import {
  categoryOfType,
  matchesTerms,
  searchTerms,
  preferenceCategoryOfType,
  type Acceptance,
  type ActionId,
  type ActionResult,
  type BulkFilter,
  type BulkOp,
  type BulkResult,
  type Category,
  type Notification,
  type NotificationPage,
  type NotificationType,
  type PreferenceCategory,
  type Priority,
  type ReadAllResult,
} from '@pd-notify/protocol';
import type { Clock } from '../clock.js';
import { write, withText, type Language, type NotificationText } from '../texts.js';
import { conflict, invalid, notFound } from '../problem.js';
import type { EventLog } from './event-log.js';
import type { PreferencesArea } from './preferences.js';
import type { UsersArea } from './users.js';

/**
 * What a producer of notifications supplies; the store fills in the rest. What
 * the server writes itself comes as `text` (written in each reader's
 * language); a title and message a host sent stay as sent.
 */
export type NotificationInput = NotificationBase & ({ text: NotificationText } | { title: string; message: string });

interface NotificationBase {
  type: NotificationType;
  priority?: Priority;
  trackId?: string | null;
  widget?: string | null;
  actorId?: string | null;
  actions?: ActionId[];
  invitationId?: string | null;
  /** Only for seeding history; live notifications are stamped with the clock. */
  createdAt?: number;
  /** Seeding only; a read item is seen when it was read. */
  readAt?: number | null;
}

/** An email the server would have sent (the control API's outbox). */
export interface OutboxEmail {
  /** The recipient's address. */
  to: string;
  /** The preference category whose email channel sent it, e.g. `trackActivity`. */
  category: PreferenceCategory;
  /** The notification's title (in English for what the server writes). */
  subject: string;
  /** The in-app notification it accompanies; null when the category's in-app channel is off. */
  notificationId: string | null;
  sentAt: string;
  userId: string;
}

/** Which notifications a list or a bulk change takes; absent `archived` and `snoozed` are false (the inbox). */
export interface NotificationFilter {
  category?: Category;
  trackId?: string;
  unread?: boolean;
  archived?: boolean;
  snoozed?: boolean;
  /** A search (see `searchTerms`), in the titles and messages as `language` writes them (default English). */
  q?: string;
  language?: Language;
}

export interface ListQuery extends NotificationFilter {
  limit: number;
  cursor?: string;
}

/** What a bulk change applies to: these ids, or every item matching a filter (up to `upToId` when given). */
export type BulkTarget = { ids: string[] } | { filter: BulkFilter & { language?: Language }; upToId?: string };

interface StoredNotification extends Notification {
  userId: string;
  /** What the server wrote, written again in each reader's language; null for text sent as-is. */
  text: NotificationText | null;
  /** Sort key: creation time (or when it woke from a snooze), then creation order. */
  key: SortKey;
  seenAt: string | null;
  archivedAt: string | null;
  snoozedUntil: string | null;
}

interface UserCounts {
  unread: number;
  unseen: number;
}

type SortKey = readonly [ms: number, seq: number];

const before = (a: SortKey, b: SortKey): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

export interface NotificationsOptions {
  clock: Clock;
  log: EventLog;
  users: UsersArea;
  preferences: PreferencesArea;
  /** The next number of the ids the store gives out (`n…`, shared with invitations). */
  nextId: () => number;
  /** Sends the user's counts on their stream. */
  publishCounts: (userId: string) => void;
  /** Accepts an invitation (the `accept-invite` action). */
  acceptInvitation: (userId: string, invitationId: string) => Acceptance;
  /** The current name of a track (searches match it), or null. */
  trackName: (trackId: string) => string | null;
}

export class NotificationsArea {
  #options: NotificationsOptions;
  #byId = new Map<string, StoredNotification>();
  #byUser = new Map<string, StoredNotification[]>();
  /** Unread and unseen notifications of each user's inbox, kept as items change (counts are sent after every change). */
  #counts = new Map<string, UserCounts>();
  /** The clock timer that wakes each snoozed notification. */
  #snoozeTimers = new Map<string, number>();
  #lastCreated = new Map<string, number>();
  /** Emails sent, oldest first. */
  #outbox: OutboxEmail[] = [];

  constructor(options: NotificationsOptions) {
    this.#options = options;
  }

  /**
   * Produces a notification for `userId` as the recipient's preferences allow
   * (main switch and option): in-app when the category's in-app channel is on,
   * and an email in the outbox when its email channel is on. Returns the in-app
   * notification, or null when there is none.
   */
  deliver(userId: string, input: NotificationInput): Notification | null {
    const preferences = this.#options.preferences.current(userId);
    const section = preferenceCategoryOfType(input.type);
    const category = section && preferences?.categories[section];
    if (category && (!category.enabled || !(category.options as Record<string, boolean>)[input.type])) return null;
    const notification = !category || category.channels.inApp ? this.#create(userId, input) : null;
    const to = this.#options.users.get(userId).email;
    if (section && category?.channels.email && to) {
      this.#outbox.push({
        to,
        category: section,
        subject: 'text' in input ? write(input.text, 'en').title : input.title,
        notificationId: notification?.id ?? null,
        sentAt: this.#options.clock.iso(),
        userId,
      });
    }
    return notification;
  }

  /** The emails sent to `userId` (everyone's without it), newest first. */
  outbox(userId?: string): Omit<OutboxEmail, 'userId'>[] {
    return this.#outbox
      .filter((email) => userId === undefined || email.userId === userId)
      .reverse()
      .map(({ userId: _userId, ...email }) => email);
  }

  /** Forgets the emails sent so far (the seed's history is not mail anyone is waiting for). */
  clearOutbox(): void {
    this.#outbox = [];
  }

  /** Stops the snooze timers (the store is being replaced). */
  dispose(): void {
    for (const timer of this.#snoozeTimers.values()) this.#options.clock.clearTimer(timer);
    this.#snoozeTimers.clear();
  }

  /** The user's unread notifications (in the inbox: neither archived nor snoozed). */
  unread(userId: string): number {
    return this.#counts.get(userId)?.unread ?? 0;
  }

  /** The user's unseen notifications (in the inbox). */
  unseen(userId: string): number {
    return this.#counts.get(userId)?.unseen ?? 0;
  }

  list(userId: string, query: ListQuery): NotificationPage {
    const list = this.#userNotifications(userId);
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const matches = this.#matcher(query);
    const items: Notification[] = [];
    let last: StoredNotification | undefined;
    let more = false;
    let total = 0;
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i]!;
      if (!matches(item)) continue;
      total++;
      if (more || (after && !before(item.key, after))) continue;
      if (items.length === query.limit) {
        more = true;
        continue;
      }
      items.push(publicNotification(item));
      last = item;
    }
    return { items, nextCursor: more && last ? encodeCursor(last.key) : null, total };
  }

  get(userId: string, id: string): Notification {
    return publicNotification(this.#notification(userId, id));
  }

  markRead(userId: string, id: string): Notification {
    return this.#changeOne(this.#notification(userId, id), 'read');
  }

  markUnread(userId: string, id: string): Notification {
    return this.#changeOne(this.#notification(userId, id), 'unread');
  }

  archive(userId: string, id: string): Notification {
    return this.#changeOne(this.#notification(userId, id), 'archive');
  }

  unarchive(userId: string, id: string): Notification {
    return this.#changeOne(this.#notification(userId, id), 'unarchive');
  }

  /**
   * Snoozes until `until` (in the future, at most a year ahead): out of the
   * inbox (and out of the archive) until the clock reaches it, then back unread
   * on top (see `#wake`). Snoozing is acting on it: it is seen.
   */
  snooze(userId: string, id: string, until: string): Notification {
    const item = this.#notification(userId, id);
    const now = this.#options.clock.now();
    const at = Date.parse(until);
    if (!(at > now)) throw invalid('until', 'until must be in the future');
    const yearAhead = new Date(now);
    yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
    if (at > yearAhead.getTime()) throw invalid('until', 'until must be at most a year ahead');
    const snoozedUntil = new Date(at).toISOString();
    if (item.snoozedUntil === snoozedUntil && item.archivedAt === null && item.seenAt !== null) {
      return publicNotification(item);
    }
    this.#tallied(item, () => {
      item.archivedAt = null;
      item.seenAt ??= this.#options.clock.iso();
      item.snoozedUntil = snoozedUntil;
    });
    this.#clearSnoozeTimer(item.id);
    this.#snoozeTimers.set(
      item.id,
      this.#options.clock.setTimer(() => this.#wake(item), at - now),
    );
    return this.#publishOne(item);
  }

  /** Back in the inbox now, where it was (an undo of the snooze: read state and time unchanged). */
  unsnooze(userId: string, id: string): Notification {
    const item = this.#notification(userId, id);
    if (item.snoozedUntil === null) return publicNotification(item);
    this.#clearSnoozeTimer(item.id);
    this.#tallied(item, () => (item.snoozedUntil = null));
    return this.#publishOne(item);
  }

  /** Marks seen these notifications, or every unseen one up to `upToId` (inclusive). */
  markSeen(userId: string, target: { ids: string[] } | { upToId: string }): BulkResult {
    if ('ids' in target) return this.bulk(userId, 'seen', target);
    const limit = this.#notification(userId, target.upToId).key;
    return this.#changeMany(
      userId,
      'seen',
      this.#userNotifications(userId).filter((item) => !before(limit, item.key)),
    );
  }

  /**
   * Applies `op` to these notifications (every id must be the user's: else 404
   * and nothing changes), or to every one matching the filter (and not newer
   * than `upToId`). Answers, and sends as one `notifications.bulk` event, the
   * items that changed.
   */
  bulk(userId: string, op: BulkOp, target: BulkTarget): BulkResult {
    if ('ids' in target) {
      const items = [...new Set(target.ids)].map((id) => this.#notification(userId, id));
      return this.#changeMany(userId, op, items);
    }
    const limit = target.upToId === undefined ? null : this.#notification(userId, target.upToId).key;
    const matches = this.#matcher(target.filter);
    return this.#changeMany(
      userId,
      op,
      this.#userNotifications(userId).filter((item) => (!limit || !before(limit, item.key)) && matches(item)),
    );
  }

  /** Marks read every unread item of the inbox up to `upToId` (inclusive), or all of them without it. */
  readAll(userId: string, upToId?: string): ReadAllResult {
    const limit = upToId === undefined ? null : this.#notification(userId, upToId).key;
    const readAt = this.#options.clock.iso();
    const items = [];
    for (const item of this.#userNotifications(userId)) {
      if ((limit && before(limit, item.key)) || item.readAt !== null || !inInbox(item)) continue;
      this.#markItemRead(item, readAt);
      item.version++;
      items.push({ id: item.id, version: item.version });
    }
    const result = { readAt, items };
    if (items.length > 0) {
      this.#options.log.append(userId, 'notifications.read', result);
      this.#options.publishCounts(userId);
    }
    return result;
  }

  dismiss(userId: string, id: string): void {
    const item = this.#notification(userId, id);
    this.#byId.delete(id);
    const list = this.#userNotifications(userId);
    list.splice(list.indexOf(item), 1);
    this.#tally(item, -1);
    this.#clearSnoozeTimer(id);
    this.#options.log.append(userId, 'notification.removed', { id, version: item.version + 1 });
    this.#options.publishCounts(userId);
  }

  runAction(userId: string, id: string, action: ActionId): ActionResult {
    const item = this.#notification(userId, id);
    if (!item.actions.includes(action)) throw conflict(`This notification has no action "${action}"`);
    if (item.actionTaken) throw conflict(`The action "${item.actionTaken}" was already taken`);
    if (action === 'accept-invite') {
      if (!item.invitationId) throw conflict('This notification is not linked to an invitation');
      // Accepting marks this notification spent and read as part of the acceptance.
      const acceptance = this.#options.acceptInvitation(userId, item.invitationId);
      return { notification: publicNotification(item), acceptance };
    }
    item.actionTaken = action;
    this.#markItemRead(item, this.#options.clock.iso());
    item.version++;
    this.#options.log.append(userId, 'notification.updated', publicNotification(item));
    this.#options.publishCounts(userId);
    return { notification: publicNotification(item) };
  }

  /** An invitation was answered: its notifications are spent (their Accept button goes away everywhere) and read. */
  spendInvitation(userId: string, invitationId: string, status: 'accepted' | 'declined'): void {
    for (const item of this.#userNotifications(userId)) {
      if (item.invitationId !== invitationId || item.actionTaken) continue;
      item.actionTaken = status === 'accepted' ? 'accept-invite' : null;
      item.actions = status === 'accepted' ? item.actions : [];
      this.#markItemRead(item, this.#options.clock.iso());
      item.version++;
      this.#options.log.append(userId, 'notification.updated', publicNotification(item));
    }
  }

  #create(userId: string, input: NotificationInput): Notification {
    const seq = this.#options.nextId();
    const createdMs = input.createdAt ?? this.#liveCreationTime(userId);
    const actor = input.actorId ? this.#options.users.actor(input.actorId) : null;
    const stored: StoredNotification = {
      id: `n${seq}`,
      version: 1,
      type: input.type,
      category: categoryOfType(input.type),
      ...('text' in input ? write(input.text, 'en') : { title: input.title, message: input.message }),
      text: 'text' in input ? input.text : null,
      groupKey: groupKeyOf(input),
      createdAt: new Date(createdMs).toISOString(),
      readAt: input.readAt ? new Date(input.readAt).toISOString() : null,
      seenAt: input.readAt ? new Date(input.readAt).toISOString() : null,
      archivedAt: null,
      snoozedUntil: null,
      priority: input.priority ?? 'normal',
      trackId: input.trackId ?? null,
      trackName: input.trackId ? this.#options.trackName(input.trackId) : null,
      widget: input.widget ?? null,
      invitationId: input.invitationId ?? null,
      actor,
      actions: input.actions ?? [],
      actionTaken: null,
      userId,
      key: [createdMs, seq],
    };
    this.#byId.set(stored.id, stored);
    this.#insert(stored);
    this.#tally(stored, 1);
    this.#options.log.append(userId, 'notification.created', publicNotification(stored));
    this.#options.publishCounts(userId);
    return publicNotification(stored);
  }

  /**
   * Now, or just after the user's previous live notification: live creation
   * times increase strictly per user, so a burst never leaves clients a tie
   * whose order (the server's creation order) they cannot see.
   */
  #liveCreationTime(userId: string): number {
    const time = Math.max(this.#options.clock.now(), (this.#lastCreated.get(userId) ?? -Infinity) + 1);
    this.#lastCreated.set(userId, time);
    return time;
  }

  /** Puts an item in its user's list at its key's place. */
  #insert(item: StoredNotification): void {
    const list = this.#userNotifications(item.userId);
    let index = list.length;
    while (index > 0 && before(item.key, list[index - 1]!.key)) index--;
    list.splice(index, 0, item);
  }

  /** Adds (1) or takes away (-1) what an item counts for in its user's counts. */
  #tally(item: StoredNotification, sign: 1 | -1): void {
    if (!inInbox(item)) return;
    let counts = this.#counts.get(item.userId);
    if (!counts) this.#counts.set(item.userId, (counts = { unread: 0, unseen: 0 }));
    if (item.readAt === null) counts.unread += sign;
    if (item.seenAt === null) counts.unseen += sign;
  }

  /** Changes an item, keeping the counts. */
  #tallied(item: StoredNotification, change: () => void): void {
    this.#tally(item, -1);
    change();
    this.#tally(item, 1);
  }

  /** Marks an item read and seen (if it is not yet) and keeps the counts. */
  #markItemRead(item: StoredNotification, readAt: string): void {
    if (item.readAt !== null && item.seenAt !== null) return;
    this.#tallied(item, () => {
      item.readAt ??= readAt;
      item.seenAt ??= readAt;
    });
  }

  /** Applies one op to an item (versions and events are the caller's); returns whether anything changed. */
  #apply(item: StoredNotification, op: BulkOp, at: string): boolean {
    switch (op) {
      case 'read':
        if (item.readAt !== null && item.seenAt !== null) return false;
        this.#markItemRead(item, at);
        return true;
      case 'unread':
        if (item.readAt === null) return false;
        this.#tallied(item, () => (item.readAt = null));
        return true;
      case 'seen':
        if (item.seenAt !== null) return false;
        this.#tallied(item, () => (item.seenAt = at));
        return true;
      case 'archive':
        if (item.archivedAt !== null) return false;
        this.#clearSnoozeTimer(item.id);
        this.#tallied(item, () => {
          item.archivedAt = at;
          item.readAt ??= at;
          item.seenAt ??= at;
          item.snoozedUntil = null;
        });
        return true;
      case 'unarchive':
        if (item.archivedAt === null) return false;
        this.#tallied(item, () => (item.archivedAt = null));
        return true;
    }
  }

  /** One item's change: a new version, `notification.updated` and the counts; unchanged, the item as it is. */
  #changeOne(item: StoredNotification, op: BulkOp): Notification {
    if (!this.#apply(item, op, this.#options.clock.iso())) return publicNotification(item);
    return this.#publishOne(item);
  }

  #publishOne(item: StoredNotification): Notification {
    item.version++;
    this.#options.log.append(item.userId, 'notification.updated', publicNotification(item));
    this.#options.publishCounts(item.userId);
    return publicNotification(item);
  }

  /** Many items' change: a new version each, then one `notifications.bulk` event and the counts. */
  #changeMany(userId: string, op: BulkOp, items: StoredNotification[]): BulkResult {
    const at = this.#options.clock.iso();
    const changed = [];
    for (const item of items) {
      if (!this.#apply(item, op, at)) continue;
      item.version++;
      changed.push({ id: item.id, version: item.version });
    }
    const result = { op, at, items: changed };
    if (changed.length > 0) {
      this.#options.log.append(userId, 'notifications.bulk', result);
      this.#options.publishCounts(userId);
    }
    return result;
  }

  /**
   * A snooze's time came (by the server's clock): the item is back in the inbox,
   * unread and unseen, on top (it arrives again: `createdAt` is now), told to
   * every open stream as `notification.updated`. It is not emailed again.
   */
  #wake(item: StoredNotification): void {
    this.#snoozeTimers.delete(item.id);
    if (this.#byId.get(item.id) !== item || item.snoozedUntil === null) return;
    const list = this.#userNotifications(item.userId);
    list.splice(list.indexOf(item), 1);
    const time = this.#liveCreationTime(item.userId);
    this.#tallied(item, () => {
      item.snoozedUntil = null;
      item.readAt = null;
      item.seenAt = null;
      item.createdAt = new Date(time).toISOString();
      item.key = [time, item.key[1]];
    });
    this.#insert(item);
    this.#publishOne(item);
  }

  #clearSnoozeTimer(id: string): void {
    const timer = this.#snoozeTimers.get(id);
    if (timer === undefined) return;
    this.#options.clock.clearTimer(timer);
    this.#snoozeTimers.delete(id);
  }

  /** Whether an item matches a list's or a bulk change's filter. */
  #matcher(filter: NotificationFilter): (item: StoredNotification) => boolean {
    const archived = filter.archived ?? false;
    const snoozed = filter.snoozed ?? false;
    const terms = filter.q === undefined ? null : searchTerms(filter.q);
    const language = filter.language ?? 'en';
    return (item) =>
      (item.archivedAt !== null) === archived &&
      (item.snoozedUntil !== null) === snoozed &&
      (!filter.category || item.category === filter.category) &&
      (!filter.trackId || item.trackId === filter.trackId) &&
      (filter.unread === undefined || (item.readAt === null) === filter.unread) &&
      (!terms || this.#found(item, terms, language));
  }

  /** Every term appears in the title, the message (as `language` writes them), the actor's name or the track's name. */
  #found(item: StoredNotification, terms: string[], language: Language): boolean {
    const track = item.trackId ? this.#options.trackName(item.trackId) : null;
    const { title, message } = item.text && language !== 'en' ? write(item.text, language) : item;
    return matchesTerms(terms, [title, message, item.actor?.name, track]);
  }

  #userNotifications(userId: string): StoredNotification[] {
    let list = this.#byUser.get(userId);
    if (!list) {
      list = [];
      this.#byUser.set(userId, list);
    }
    return list;
  }

  /** Another user's notification is "not found": its existence is never revealed. */
  #notification(userId: string, id: string): StoredNotification {
    const item = this.#byId.get(id);
    if (!item || item.userId !== userId) throw notFound('notification');
    return item;
  }
}

/**
 * Which notifications read well together (a feed may show consecutive ones as
 * one row): comments on one track, stage changes of one track, invitations
 * from one person. Null for the rest (deadlines, security, support, …).
 */
function groupKeyOf(input: NotificationInput): string | null {
  switch (input.type) {
    case 'comment':
      return input.trackId ? `comment:${input.trackId}` : null;
    case 'stage-changed':
      return input.trackId ? `stage:${input.trackId}` : null;
    case 'invitation':
      return input.actorId ? `invitation:${input.actorId}` : null;
    default:
      return null;
  }
}

/** In the inbox (the default list): neither archived nor snoozed. Only these count. */
const inInbox = (item: StoredNotification): boolean => item.archivedAt === null && item.snoozedUntil === null;

/** The wire form; what the server wrote is written again in each reader's language when sent (`texts.ts`). */
function publicNotification(item: StoredNotification): Notification {
  const { userId: _userId, key: _key, text, ...rest } = item;
  return withText({ ...rest, actions: [...rest.actions], actor: rest.actor ? { ...rest.actor } : null }, text);
}

/** Cursors are base64url (btoa and atob, so that the store also runs in a browser). */
function encodeCursor(key: SortKey): string {
  return btoa(`n:${key[0]}:${key[1]}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): SortKey {
  let text = '';
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    // not base64url: refused below like any other cursor this server did not give out
  }
  const match = /^n:(\d{1,15}):(\d{1,15})$/.exec(text);
  if (!match) throw invalid('cursor', 'The cursor is not one this server gave out');
  return [Number(match[1]), Number(match[2])];
}
