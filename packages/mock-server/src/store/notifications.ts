/**
 * Notifications: delivery as the recipient's preferences allow (in-app, and the
 * email outbox), per-user lists in creation order with cursor pages, read and
 * unread, read-all, dismissal, actions, and the unread count kept as items change.
 */
import {
  categoryOfType,
  preferenceCategoryOfType,
  type Acceptance,
  type ActionId,
  type ActionResult,
  type Category,
  type Notification,
  type NotificationPage,
  type NotificationType,
  type PreferenceCategory,
  type Priority,
  type ReadAllResult,
} from '@pd-notify/protocol';
import type { Clock } from '../clock.js';
import { conflict, invalid, notFound } from '../problem.js';
import type { EventLog } from './event-log.js';
import type { PreferencesArea } from './preferences.js';
import type { UsersArea } from './users.js';

/** What a producer of notifications supplies; the store fills in the rest. */
export interface NotificationInput {
  type: NotificationType;
  title: string;
  message: string;
  priority?: Priority;
  trackId?: string | null;
  widget?: string | null;
  actorId?: string | null;
  actions?: ActionId[];
  invitationId?: string | null;
  /** Only for seeding history; live notifications are stamped with the clock. */
  createdAt?: number;
  readAt?: number | null;
}

/** An email the server would have sent (the control API's outbox). */
export interface OutboxEmail {
  /** The recipient's address. */
  to: string;
  /** The preference category whose email channel sent it, e.g. `trackActivity`. */
  category: PreferenceCategory;
  /** The notification's title. */
  subject: string;
  /** The in-app notification it accompanies; null when the category's in-app channel is off. */
  notificationId: string | null;
  sentAt: string;
  userId: string;
}

export interface ListQuery {
  limit: number;
  cursor?: string;
  category?: Category;
  trackId?: string;
  unread?: boolean;
}

interface StoredNotification extends Notification {
  userId: string;
  /** Sort key: creation time, then creation order. */
  key: SortKey;
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
}

export class NotificationsArea {
  #options: NotificationsOptions;
  #byId = new Map<string, StoredNotification>();
  #byUser = new Map<string, StoredNotification[]>();
  /** Unread notifications per user, kept as items change (counts are sent after every change). */
  #unread = new Map<string, number>();
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
        subject: input.title,
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

  /** The user's unread notifications. */
  unread(userId: string): number {
    return this.#unread.get(userId) ?? 0;
  }

  list(userId: string, query: ListQuery): NotificationPage {
    const list = this.#userNotifications(userId);
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const items: Notification[] = [];
    let last: StoredNotification | undefined;
    let more = false;
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i]!;
      if (after && !before(item.key, after)) continue;
      if (query.category && item.category !== query.category) continue;
      if (query.trackId && item.trackId !== query.trackId) continue;
      if (query.unread !== undefined && (item.readAt === null) !== query.unread) continue;
      if (items.length === query.limit) {
        more = true;
        break;
      }
      items.push(publicNotification(item));
      last = item;
    }
    return { items, nextCursor: more && last ? encodeCursor(last.key) : null };
  }

  get(userId: string, id: string): Notification {
    return publicNotification(this.#notification(userId, id));
  }

  markRead(userId: string, id: string): Notification {
    return this.#setRead(userId, this.#notification(userId, id), true);
  }

  markUnread(userId: string, id: string): Notification {
    return this.#setRead(userId, this.#notification(userId, id), false);
  }

  /** Marks read every unread item up to `upToId` (inclusive), or all of them without it. */
  readAll(userId: string, upToId?: string): ReadAllResult {
    const limit = upToId === undefined ? null : this.#notification(userId, upToId).key;
    const readAt = this.#options.clock.iso();
    const items = [];
    for (const item of this.#userNotifications(userId)) {
      if ((limit && before(limit, item.key)) || item.readAt !== null) continue;
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
    if (item.readAt === null) this.#countUnread(userId, -1);
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
      title: input.title,
      message: input.message,
      createdAt: new Date(createdMs).toISOString(),
      readAt: input.readAt ? new Date(input.readAt).toISOString() : null,
      priority: input.priority ?? 'normal',
      trackId: input.trackId ?? null,
      widget: input.widget ?? null,
      invitationId: input.invitationId ?? null,
      actor,
      actions: input.actions ?? [],
      actionTaken: null,
      userId,
      key: [createdMs, seq],
    };
    this.#byId.set(stored.id, stored);
    const list = this.#userNotifications(userId);
    let index = list.length;
    while (index > 0 && before(stored.key, list[index - 1]!.key)) index--;
    list.splice(index, 0, stored);
    if (stored.readAt === null) this.#countUnread(userId, 1);
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

  #countUnread(userId: string, delta: number): void {
    this.#unread.set(userId, (this.#unread.get(userId) ?? 0) + delta);
  }

  /** Marks an item read (if it is not yet) and keeps the unread count. */
  #markItemRead(item: StoredNotification, readAt: string): void {
    if (item.readAt !== null) return;
    item.readAt = readAt;
    this.#countUnread(item.userId, -1);
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

  #setRead(userId: string, item: StoredNotification, read: boolean): Notification {
    if ((item.readAt !== null) === read) return publicNotification(item);
    if (read) this.#markItemRead(item, this.#options.clock.iso());
    else {
      item.readAt = null;
      this.#countUnread(userId, 1);
    }
    item.version++;
    this.#options.log.append(userId, 'notification.updated', publicNotification(item));
    this.#options.publishCounts(userId);
    return publicNotification(item);
  }
}

function publicNotification(item: StoredNotification): Notification {
  const { userId: _userId, key: _key, ...rest } = item;
  return { ...rest, actions: [...rest.actions], actor: rest.actor ? { ...rest.actor } : null };
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
