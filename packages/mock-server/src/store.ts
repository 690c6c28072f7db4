/**
 * The reference server's domain: users, tracks, invitations, notifications,
 * preferences and file syncs, in memory. Every change a user can observe is
 * published on that user's event log, so the stream, the ETags and the REST
 * answers always agree.
 */
import {
  PREFERENCE_CATEGORIES,
  PREFERENCE_OPTIONS,
  categoryOfType,
  preferenceCategoryOfType,
  type Acceptance,
  type ActionId,
  type ActionResult,
  type Actor,
  type Category,
  type Counts,
  type Invitation,
  type InvitationStatus,
  type Notification,
  type NotificationPage,
  type NotificationType,
  type Permission,
  type PreferenceCategory,
  type Preferences,
  type PreferencesUpdate,
  type Priority,
  type ReadAllResult,
  type Stage,
  type SyncProgress,
  type Track,
  type User,
} from '@pd-notify/protocol';
import type { Clock } from './clock.js';
import { EventLog } from './event-log.js';
import { conflict, invalid, notFound } from './problem.js';

export interface UserRecord extends User {
  tokens: string[];
}

export interface TrackRecord {
  id: string;
  name: string;
  artworkUrl: string | null;
  stage: Stage;
  dueDate: number | null;
  ownerId: string;
  /** Accepted collaborators and their permission (the owner is not listed). */
  members: Map<string, Permission>;
  /** How many files an accepted collaborator syncs. */
  fileCount: number;
}

interface StoredNotification extends Notification {
  userId: string;
  /** Sort key: creation time, then creation order. */
  key: SortKey;
}

type SortKey = readonly [ms: number, seq: number];

const before = (a: SortKey, b: SortKey): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

interface StoredInvitation extends Invitation {
  inviteeId: string;
}

interface TokenRecord {
  userId: string;
  expiresAt: number | null;
}

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

export interface StoreOptions {
  clock: Clock;
  /** Events kept per user for replay. Default 1000. */
  logCapacity?: number;
  /** Clock time between two steps of a file sync. Default 400 ms. */
  syncStepMs?: number;
}

const DAY = 86_400_000;

export class Store {
  readonly clock: Clock;
  readonly log: EventLog;
  readonly users = new Map<string, UserRecord>();
  readonly tracks = new Map<string, TrackRecord>();
  #syncStepMs: number;
  #tokens = new Map<string, TokenRecord>();
  #notifications = new Map<string, StoredNotification>();
  #byUser = new Map<string, StoredNotification[]>();
  #invitations = new Map<string, StoredInvitation>();
  #preferences = new Map<string, Preferences>();
  #syncs = new Map<string, Map<string, SyncProgress>>();
  #syncTimers = new Set<number>();
  #remindersSent = new Set<string>();
  /** Emails sent, oldest first. */
  #outbox: OutboxEmail[] = [];
  #lastCreated = new Map<string, number>();
  /** Unread notifications per user, kept as items change (counts are sent after every change). */
  #unread = new Map<string, number>();
  #seq = 0;

  constructor(options: StoreOptions) {
    this.clock = options.clock;
    this.log = new EventLog(options.logCapacity);
    this.#syncStepMs = options.syncStepMs ?? 400;
  }

  dispose(): void {
    for (const timer of this.#syncTimers) this.clock.clearTimer(timer);
    this.#syncTimers.clear();
  }

  // ---------------------------------------------------------------- users & auth

  addUser(user: User, tokens: string[]): void {
    this.users.set(user.id, { ...user, tokens });
    for (const token of tokens) this.#tokens.set(token, { userId: user.id, expiresAt: null });
    this.#preferences.set(user.id, defaultPreferences(this.clock.iso()));
  }

  /** Issues a token for a user that expires after `ttlMs` of clock time (never without). */
  issueToken(userId: string, ttlMs?: number): string {
    this.#user(userId);
    const token = `tok_${userId}_${randomId()}`;
    this.#tokens.set(token, { userId, expiresAt: ttlMs === undefined ? null : this.clock.now() + ttlMs });
    return token;
  }

  /** The user a bearer token belongs to, or null when it is unknown or expired. */
  authenticate(token: string): string | null {
    const record = this.#tokens.get(token);
    if (!record) return null;
    if (record.expiresAt !== null && record.expiresAt <= this.clock.now()) return null;
    return record.userId;
  }

  me(userId: string): User {
    const { tokens: _tokens, ...user } = this.#user(userId);
    return { ...user, email: user.email ?? null };
  }

  // ---------------------------------------------------------------- notifications

  /**
   * Produces a notification for `userId` as the recipient's preferences allow
   * (main switch and option): in-app when the category's in-app channel is on,
   * and an email in the outbox when its email channel is on. Returns the in-app
   * notification, or null when there is none.
   */
  deliver(userId: string, input: NotificationInput): Notification | null {
    const preferences = this.#preferences.get(userId);
    const section = preferenceCategoryOfType(input.type);
    const category = section && preferences?.categories[section];
    if (category && (!category.enabled || !(category.options as Record<string, boolean>)[input.type])) return null;
    const notification = !category || category.channels.inApp ? this.#create(userId, input) : null;
    const to = this.#user(userId).email;
    if (section && category?.channels.email && to) {
      this.#outbox.push({
        to,
        category: section,
        subject: input.title,
        notificationId: notification?.id ?? null,
        sentAt: this.clock.iso(),
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

  #create(userId: string, input: NotificationInput): Notification {
    const seq = ++this.#seq;
    const createdMs = input.createdAt ?? this.#liveCreationTime(userId);
    const actor = input.actorId ? this.#actor(input.actorId) : null;
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
    this.#notifications.set(stored.id, stored);
    const list = this.#userNotifications(userId);
    let index = list.length;
    while (index > 0 && before(stored.key, list[index - 1]!.key)) index--;
    list.splice(index, 0, stored);
    if (stored.readAt === null) this.#countUnread(userId, 1);
    this.#publish(userId, 'notification.created', publicNotification(stored));
    this.#publishCounts(userId);
    return publicNotification(stored);
  }

  /**
   * Now, or just after the user's previous live notification: live creation
   * times increase strictly per user, so a burst never leaves clients a tie
   * whose order (the server's creation order) they cannot see.
   */
  #liveCreationTime(userId: string): number {
    const time = Math.max(this.clock.now(), (this.#lastCreated.get(userId) ?? -Infinity) + 1);
    this.#lastCreated.set(userId, time);
    return time;
  }

  listNotifications(userId: string, query: ListQuery): NotificationPage {
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

  getNotification(userId: string, id: string): Notification {
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
    const readAt = this.clock.iso();
    const items = [];
    for (const item of this.#userNotifications(userId)) {
      if ((limit && before(limit, item.key)) || item.readAt !== null) continue;
      this.#markItemRead(item, readAt);
      item.version++;
      items.push({ id: item.id, version: item.version });
    }
    const result = { readAt, items };
    if (items.length > 0) {
      this.#publish(userId, 'notifications.read', result);
      this.#publishCounts(userId);
    }
    return result;
  }

  dismiss(userId: string, id: string): void {
    const item = this.#notification(userId, id);
    this.#notifications.delete(id);
    const list = this.#userNotifications(userId);
    list.splice(list.indexOf(item), 1);
    if (item.readAt === null) this.#countUnread(userId, -1);
    this.#publish(userId, 'notification.removed', { id, version: item.version + 1 });
    this.#publishCounts(userId);
  }

  runAction(userId: string, id: string, action: ActionId): ActionResult {
    const item = this.#notification(userId, id);
    if (!item.actions.includes(action)) throw conflict(`This notification has no action "${action}"`);
    if (item.actionTaken) throw conflict(`The action "${item.actionTaken}" was already taken`);
    let acceptance: Acceptance | undefined;
    if (action === 'accept-invite') {
      if (!item.invitationId) throw conflict('This notification is not linked to an invitation');
      // Accepting marks this notification spent and read as part of the acceptance.
      acceptance = this.acceptInvitation(userId, item.invitationId);
      return { notification: publicNotification(item), acceptance };
    }
    item.actionTaken = action;
    this.#markItemRead(item, this.clock.iso());
    item.version++;
    this.#publish(userId, 'notification.updated', publicNotification(item));
    this.#publishCounts(userId);
    return { notification: publicNotification(item) };
  }

  // ---------------------------------------------------------------- invitations

  /** `actorId` (owner of the track) invites `inviteeId` (SPEC IN1). */
  invite(
    actorId: string,
    trackId: string,
    inviteeId: string,
    permission: Permission,
    at = this.clock.now(),
  ): Invitation {
    const track = this.#trackFor(actorId, trackId);
    if (track.ownerId !== actorId && track.members.get(actorId) !== 'full') {
      throw conflict('Only the owner or a collaborator with full control can invite');
    }
    this.#user(inviteeId);
    if (inviteeId === track.ownerId || track.members.has(inviteeId)) {
      throw conflict('That user already works on this track');
    }
    for (const other of this.#invitations.values()) {
      if (other.track.id === trackId && other.inviteeId === inviteeId && other.status === 'pending') {
        throw conflict('That user already has a pending invitation to this track');
      }
    }
    const sender = this.#actor(actorId);
    const invitation: StoredInvitation = {
      id: `i${++this.#seq}`,
      version: 1,
      track: { id: track.id, name: track.name, artworkUrl: track.artworkUrl },
      sender,
      permission,
      status: 'pending',
      sentAt: new Date(at).toISOString(),
      respondedAt: null,
      inviteeId,
    };
    this.#invitations.set(invitation.id, invitation);
    this.#publish(inviteeId, 'invitation.created', publicInvitation(invitation));
    this.deliver(inviteeId, {
      type: 'invitation',
      title: `${sender.name} invited you to “${track.name}”`,
      message: `Join as a collaborator with ${PERMISSION_TEXT[permission]} access.`,
      trackId: track.id,
      widget: 'collaborators',
      actorId,
      actions: ['accept-invite'],
      invitationId: invitation.id,
      createdAt: at,
    });
    this.#publishCounts(inviteeId);
    return publicInvitation(invitation);
  }

  listInvitations(userId: string, status: InvitationStatus, trackId?: string): Invitation[] {
    return [...this.#invitations.values()]
      .filter((inv) => inv.inviteeId === userId && inv.status === status && (!trackId || inv.track.id === trackId))
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt) || Number(b.id.slice(1)) - Number(a.id.slice(1)))
      .map(publicInvitation);
  }

  acceptInvitation(userId: string, invitationId: string): Acceptance {
    const invitation = this.#respond(userId, invitationId, 'accepted');
    const track = this.tracks.get(invitation.track.id)!;
    track.members.set(userId, invitation.permission);
    const sync = this.#startSync(userId, track);
    const invitee = this.#actor(userId);
    this.deliver(invitation.sender.id, {
      type: 'membership',
      title: `${invitee.name} accepted your invite`,
      message: `${invitee.name} now collaborates on “${track.name}” with ${PERMISSION_TEXT[invitation.permission]} access.`,
      trackId: track.id,
      widget: 'collaborators',
      actorId: userId,
    });
    return {
      invitation: publicInvitation(invitation),
      track: this.#publicTrack(track, userId),
      permission: invitation.permission,
      sync,
    };
  }

  declineInvitation(userId: string, invitationId: string): Invitation {
    return publicInvitation(this.#respond(userId, invitationId, 'declined'));
  }

  // ---------------------------------------------------------------- preferences, counts, tracks, syncs

  getPreferences(userId: string): Preferences {
    return structuredClone(this.#preferences.get(userId)!);
  }

  savePreferences(userId: string, update: PreferencesUpdate): Preferences {
    const current = this.#preferences.get(userId)!;
    if (update.version !== current.version) {
      throw conflict(
        `These preferences were saved elsewhere meanwhile (version ${current.version}, the edit started from ${update.version})`,
      );
    }
    const categories = structuredClone(update.categories);
    // A client older than the browser channel leaves it out: what is stored is kept.
    for (const name of PREFERENCE_CATEGORIES) {
      categories[name].channels.browser ??= current.categories[name].channels.browser ?? false;
    }
    const saved: Preferences = {
      version: current.version + 1,
      categories,
      reminderLeadDays: update.reminderLeadDays,
      updatedAt: this.clock.iso(),
    };
    this.#preferences.set(userId, saved);
    this.#publish(userId, 'preferences.updated', structuredClone(saved));
    this.checkReminders();
    return structuredClone(saved);
  }

  counts(userId: string): Counts {
    const unreadNotifications = this.#unread.get(userId) ?? 0;
    let pendingInvitations = 0;
    for (const inv of this.#invitations.values()) {
      if (inv.inviteeId === userId && inv.status === 'pending') pendingInvitations++;
    }
    return { unreadNotifications, pendingInvitations };
  }

  listTracks(userId: string): Track[] {
    return [...this.tracks.values()]
      .filter((track) => track.ownerId === userId || track.members.has(userId))
      .map((track) => this.#publicTrack(track, userId));
  }

  getTrack(userId: string, trackId: string): Track {
    return this.#publicTrack(this.#trackFor(userId, trackId), userId);
  }

  listSyncs(userId: string): SyncProgress[] {
    return [...(this.#syncs.get(userId)?.values() ?? [])].map((sync) => ({ ...sync }));
  }

  // ---------------------------------------------------------------- what collaborators do

  addTrack(track: Omit<TrackRecord, 'members'> & { members?: Map<string, Permission> }): TrackRecord {
    const record: TrackRecord = { ...track, members: track.members ?? new Map() };
    this.tracks.set(record.id, record);
    return record;
  }

  comment(actorId: string, trackId: string, text: string): number {
    const track = this.#trackFor(actorId, trackId);
    const actor = this.#actor(actorId);
    return this.#notifyMembers(track, actorId, {
      type: 'comment',
      title: `${actor.name} commented on “${track.name}”`,
      message: text,
      widget: 'comments',
    });
  }

  changeStage(actorId: string, trackId: string, stage: Stage): number {
    const track = this.#trackFor(actorId, trackId);
    if (track.stage === stage) throw conflict(`The track is already at the stage "${stage}"`);
    const actor = this.#actor(actorId);
    const from = track.stage;
    track.stage = stage;
    if (stage === 'published') {
      return this.#notifyMembers(track, actorId, {
        type: 'published',
        title: `“${track.name}” was published`,
        message: `${actor.name} marked the track as published.`,
        widget: 'stage',
      });
    }
    return this.#notifyMembers(track, actorId, {
      type: 'stage-changed',
      title: `“${track.name}” moved to ${STAGE_TEXT[stage]}`,
      message: `${actor.name} moved the track from ${STAGE_TEXT[from]} to ${STAGE_TEXT[stage]}.`,
      widget: 'stage',
    });
  }

  updateMetadata(
    actorId: string,
    trackId: string,
    change: { name?: string; artworkUrl?: string | null; dueDate?: string | null },
  ): number {
    const track = this.#trackFor(actorId, trackId);
    const actor = this.#actor(actorId);
    if (change.name !== undefined) track.name = change.name;
    if (change.artworkUrl !== undefined) track.artworkUrl = change.artworkUrl;
    if (change.dueDate !== undefined) track.dueDate = change.dueDate === null ? null : Date.parse(change.dueDate);
    const what = change.artworkUrl !== undefined ? 'artwork' : change.dueDate !== undefined ? 'due date' : 'details';
    const count = this.#notifyMembers(track, actorId, {
      type: 'metadata-updated',
      title: `New ${what} on “${track.name}”`,
      message: `${actor.name} updated the track's ${what}.`,
      widget: 'metadata',
    });
    this.checkReminders();
    return count;
  }

  /**
   * Produces the due-date notifications that clock time calls for (SPEC AF13,
   * NS1): a reminder when a track is within the recipient's lead time, "due date
   * passed" once it passes, "overdue" a day later. Each is produced once per
   * track, due date and user; when time jumps past several thresholds only the
   * latest is produced.
   */
  checkReminders(): void {
    const now = this.clock.now();
    for (const track of this.tracks.values()) {
      if (track.dueDate === null || track.stage === 'published') continue;
      const due = track.dueDate;
      for (const userId of [track.ownerId, ...track.members.keys()]) {
        const lead = this.#preferences.get(userId)!.reminderLeadDays;
        const stage: NotificationType | null =
          now >= due + DAY ? 'overdue' : now >= due ? 'due-passed' : now >= due - lead * DAY ? 'due-reminder' : null;
        if (!stage) continue;
        const key = `${userId}|${track.id}|${due}|${stage}`;
        if (this.#remindersSent.has(key)) continue;
        for (const kind of ['due-reminder', 'due-passed', 'overdue'] as const) {
          this.#remindersSent.add(`${userId}|${track.id}|${due}|${kind}`);
          if (kind === stage) break;
        }
        this.deliver(userId, reminderNotification(stage, track, due, now));
      }
    }
  }

  // ---------------------------------------------------------------- internals

  #publish: EventLog['append'] = (userId, event, data) => this.log.append(userId, event, data);

  #publishCounts(userId: string): void {
    this.#publish(userId, 'counts', this.counts(userId));
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

  #user(userId: string): UserRecord {
    const user = this.users.get(userId);
    if (!user) throw notFound('user');
    return user;
  }

  #actor(userId: string): Actor {
    const { id, name, avatarUrl } = this.#user(userId);
    return { id, name, avatarUrl };
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
    const item = this.#notifications.get(id);
    if (!item || item.userId !== userId) throw notFound('notification');
    return item;
  }

  #trackFor(userId: string, trackId: string): TrackRecord {
    const track = this.tracks.get(trackId);
    if (!track || (track.ownerId !== userId && !track.members.has(userId))) throw notFound('track');
    return track;
  }

  #setRead(userId: string, item: StoredNotification, read: boolean): Notification {
    if ((item.readAt !== null) === read) return publicNotification(item);
    if (read) this.#markItemRead(item, this.clock.iso());
    else {
      item.readAt = null;
      this.#countUnread(userId, 1);
    }
    item.version++;
    this.#publish(userId, 'notification.updated', publicNotification(item));
    this.#publishCounts(userId);
    return publicNotification(item);
  }

  #respond(userId: string, invitationId: string, status: 'accepted' | 'declined'): StoredInvitation {
    const invitation = this.#invitations.get(invitationId);
    if (!invitation || invitation.inviteeId !== userId) throw notFound('invitation');
    if (invitation.status !== 'pending') throw conflict(`This invitation was already ${invitation.status}`);
    invitation.status = status;
    invitation.respondedAt = this.clock.iso();
    invitation.version++;
    this.#publish(userId, 'invitation.updated', publicInvitation(invitation));
    // The invite's notification is spent: its Accept button goes away everywhere.
    for (const item of this.#userNotifications(userId)) {
      if (item.invitationId !== invitationId || item.actionTaken) continue;
      item.actionTaken = status === 'accepted' ? 'accept-invite' : null;
      item.actions = status === 'accepted' ? item.actions : [];
      this.#markItemRead(item, this.clock.iso());
      item.version++;
      this.#publish(userId, 'notification.updated', publicNotification(item));
    }
    this.#publishCounts(userId);
    return invitation;
  }

  #startSync(userId: string, track: TrackRecord): SyncProgress {
    const sync: SyncProgress = { trackId: track.id, filesDone: 0, filesTotal: track.fileCount, done: false };
    let syncs = this.#syncs.get(userId);
    if (!syncs) {
      syncs = new Map();
      this.#syncs.set(userId, syncs);
    }
    syncs.set(track.id, sync);
    const step = Math.max(1, Math.ceil(track.fileCount / 8));
    const tick = (): void => {
      this.#syncTimers.delete(timer);
      sync.filesDone = Math.min(sync.filesTotal, sync.filesDone + step);
      sync.done = sync.filesDone === sync.filesTotal;
      this.#publish(userId, 'sync.progress', { ...sync });
      if (!sync.done) {
        timer = this.clock.setTimer(tick, this.#syncStepMs);
        this.#syncTimers.add(timer);
      }
    };
    let timer = this.clock.setTimer(tick, this.#syncStepMs);
    this.#syncTimers.add(timer);
    this.#publish(userId, 'sync.progress', { ...sync });
    return { ...sync };
  }

  #notifyMembers(track: TrackRecord, actorId: string, input: Omit<NotificationInput, 'trackId' | 'actorId'>): number {
    let delivered = 0;
    for (const userId of [track.ownerId, ...track.members.keys()]) {
      if (userId === actorId) continue;
      if (this.deliver(userId, { ...input, trackId: track.id, actorId })) delivered++;
    }
    return delivered;
  }

  #publicTrack(track: TrackRecord, userId: string): Track {
    return {
      id: track.id,
      name: track.name,
      artworkUrl: track.artworkUrl,
      stage: track.stage,
      dueDate: track.dueDate === null ? null : new Date(track.dueDate).toISOString(),
      ownerId: track.ownerId,
      permission: track.ownerId === userId ? 'full' : track.members.get(userId)!,
    };
  }
}

const PERMISSION_TEXT: Record<Permission, string> = { view: 'view-only', edit: 'edit', full: 'full-control' };
const STAGE_TEXT: Record<Stage, string> = {
  idea: 'Idea',
  editing: 'Editing',
  mixing: 'Mixing',
  mastering: 'Mastering',
  ready: 'Ready to Post',
  published: 'Published',
};

function reminderNotification(
  stage: NotificationType,
  track: TrackRecord,
  due: number,
  now: number,
): NotificationInput {
  const base = { trackId: track.id, widget: 'due-date' };
  if (stage === 'overdue') {
    return {
      ...base,
      type: stage,
      priority: 'high',
      title: `“${track.name}” is overdue`,
      message: `It was due ${formatDay(due)} and still needs attention.`,
    };
  }
  if (stage === 'due-passed') {
    return {
      ...base,
      type: stage,
      priority: 'high',
      title: `“${track.name}” is past its due date`,
      message: `It was due ${formatDay(due)}.`,
    };
  }
  const days = Math.max(1, Math.ceil((due - now) / DAY));
  return {
    ...base,
    type: stage,
    title: `“${track.name}” is due in ${days} day${days === 1 ? '' : 's'}`,
    message: `Due ${formatDay(due)}. Wrap up the last revisions in time.`,
  };
}

function formatDay(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

function publicNotification(item: StoredNotification): Notification {
  const { userId: _userId, key: _key, ...rest } = item;
  return { ...rest, actions: [...rest.actions], actor: rest.actor ? { ...rest.actor } : null };
}

function publicInvitation(invitation: StoredInvitation): Invitation {
  const { inviteeId: _inviteeId, ...rest } = invitation;
  return { ...rest, track: { ...rest.track }, sender: { ...rest.sender } };
}

export function defaultPreferences(updatedAt: string): Preferences {
  const categories = Object.fromEntries(
    PREFERENCE_CATEGORIES.map((category) => [
      category,
      {
        enabled: true,
        options: Object.fromEntries(PREFERENCE_OPTIONS[category].map((option) => [option, true])),
        channels: { inApp: true, email: category === 'system', browser: false },
      },
    ]),
  ) as Preferences['categories'];
  return { version: 1, categories, reminderLeadDays: 3, updatedAt };
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

function randomId(): string {
  return Math.random().toString(36).slice(2, 12);
}
