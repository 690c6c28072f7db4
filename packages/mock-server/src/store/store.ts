/**
 * The reference server's domain, in memory: one area per part of the protocol
 * (users, preferences, notifications, invitations, tracks and syncs), composed
 * here around one clock and one event log. Every change a user can observe is
 * published on that user's log, so the stream, the ETags and the REST answers
 * always agree.
 */
import type {
  Acceptance,
  ActionId,
  ActionResult,
  BulkOp,
  BulkResult,
  Counts,
  Invitation,
  InvitationStatus,
  Notification,
  NotificationPage,
  Permission,
  Preferences,
  PreferencesUpdate,
  ReadAllResult,
  Stage,
  SyncProgress,
  Track,
  User,
} from '@pd-notify/protocol';
import type { Clock } from '../clock.js';
import { EventLog } from './event-log.js';
import { InvitationsArea } from './invitations.js';
import {
  NotificationsArea,
  type BulkTarget,
  type ListQuery,
  type NotificationInput,
  type OutboxEmail,
} from './notifications.js';
import { PreferencesArea } from './preferences.js';
import { TracksArea, type TrackRecord } from './tracks.js';
import { UsersArea } from './users.js';

export interface StoreOptions {
  clock: Clock;
  /** Events kept per user for replay. Default 1000. */
  logCapacity?: number;
  /** Clock time between two steps of a file sync. Default 400 ms. */
  syncStepMs?: number;
}

export class Store {
  readonly clock: Clock;
  readonly log: EventLog;
  #users: UsersArea;
  #preferences: PreferencesArea;
  #notifications: NotificationsArea;
  #tracks: TracksArea;
  #invitations: InvitationsArea;

  constructor(options: StoreOptions) {
    const clock = (this.clock = options.clock);
    const log = (this.log = new EventLog(options.logCapacity));
    let seq = 0;
    const nextId = (): number => ++seq;
    const publishCounts = (userId: string): void => void log.append(userId, 'counts', this.counts(userId));
    const users = (this.#users = new UsersArea(clock));
    const preferences = (this.#preferences = new PreferencesArea({
      clock,
      log,
      onSaved: () => this.#tracks.checkReminders(),
    }));
    const notifications = (this.#notifications = new NotificationsArea({
      clock,
      log,
      users,
      preferences,
      nextId,
      publishCounts,
      acceptInvitation: (userId, invitationId) => this.#invitations.accept(userId, invitationId),
      trackName: (trackId) => this.#tracks.nameOf(trackId),
    }));
    const tracks = (this.#tracks = new TracksArea({
      clock,
      log,
      users,
      preferences,
      deliver: (userId, input) => notifications.deliver(userId, input),
      syncStepMs: options.syncStepMs ?? 400,
    }));
    this.#invitations = new InvitationsArea({ clock, log, users, tracks, notifications, nextId, publishCounts });
  }

  dispose(): void {
    this.#tracks.dispose();
    this.#notifications.dispose();
  }

  counts(userId: string): Counts {
    return {
      unreadNotifications: this.#notifications.unread(userId),
      unseenNotifications: this.#notifications.unseen(userId),
      pendingInvitations: this.#invitations.pending(userId),
    };
  }

  // ---------------------------------------------------------------- users

  addUser(user: User, tokens: string[]): void {
    this.#users.add(user, tokens);
    this.#preferences.create(user.id);
  }

  /** Issues a token for a user that expires after `ttlMs` of clock time (never without). */
  issueToken(userId: string, ttlMs?: number): string {
    return this.#users.issueToken(userId, ttlMs);
  }

  /** The user a bearer token belongs to, or null when it is unknown or expired. */
  authenticate(token: string): string | null {
    return this.#users.authenticate(token);
  }

  me(userId: string): User {
    return this.#users.me(userId);
  }

  // ---------------------------------------------------------------- notifications

  /** Produces a notification for `userId` as their preferences allow (see NotificationsArea.deliver). */
  deliver(userId: string, input: NotificationInput): Notification | null {
    return this.#notifications.deliver(userId, input);
  }

  /** The emails sent to `userId` (everyone's without it), newest first. */
  outbox(userId?: string): Omit<OutboxEmail, 'userId'>[] {
    return this.#notifications.outbox(userId);
  }

  /** Forgets the emails sent so far (the seed's history is not mail anyone is waiting for). */
  clearOutbox(): void {
    this.#notifications.clearOutbox();
  }

  listNotifications(userId: string, query: ListQuery): NotificationPage {
    return this.#notifications.list(userId, query);
  }

  /**
   * The state of what a notification list shows: the user's newest event, and
   * the track names searches match (renaming a track is not an event of every
   * user whose notifications name it).
   */
  listTag(userId: string): string {
    return `${this.log.latestId(userId)}.${this.#tracks.renames}`;
  }

  getNotification(userId: string, id: string): Notification {
    return this.#notifications.get(userId, id);
  }

  markRead(userId: string, id: string): Notification {
    return this.#notifications.markRead(userId, id);
  }

  markUnread(userId: string, id: string): Notification {
    return this.#notifications.markUnread(userId, id);
  }

  /** Marks read every unread item up to `upToId` (inclusive), or all of them without it. */
  readAll(userId: string, upToId?: string): ReadAllResult {
    return this.#notifications.readAll(userId, upToId);
  }

  /** Marks seen these notifications, or every unseen one up to `upToId`. */
  markSeen(userId: string, target: { ids: string[] } | { upToId: string }): BulkResult {
    return this.#notifications.markSeen(userId, target);
  }

  archive(userId: string, id: string): Notification {
    return this.#notifications.archive(userId, id);
  }

  unarchive(userId: string, id: string): Notification {
    return this.#notifications.unarchive(userId, id);
  }

  snooze(userId: string, id: string, until: string): Notification {
    return this.#notifications.snooze(userId, id, until);
  }

  unsnooze(userId: string, id: string): Notification {
    return this.#notifications.unsnooze(userId, id);
  }

  /** Applies `op` to many notifications at once (see NotificationsArea.bulk). */
  bulk(userId: string, op: BulkOp, target: BulkTarget): BulkResult {
    return this.#notifications.bulk(userId, op, target);
  }

  dismiss(userId: string, id: string): void {
    this.#notifications.dismiss(userId, id);
  }

  runAction(userId: string, id: string, action: ActionId): ActionResult {
    return this.#notifications.runAction(userId, id, action);
  }

  // ---------------------------------------------------------------- invitations

  /** `actorId` (owner of the track, or a collaborator with full control) invites `inviteeId`. */
  invite(actorId: string, trackId: string, inviteeId: string, permission: Permission, at?: number): Invitation {
    return this.#invitations.invite(actorId, trackId, inviteeId, permission, at);
  }

  listInvitations(userId: string, status: InvitationStatus, trackId?: string): Invitation[] {
    return this.#invitations.list(userId, status, trackId);
  }

  acceptInvitation(userId: string, invitationId: string): Acceptance {
    return this.#invitations.accept(userId, invitationId);
  }

  declineInvitation(userId: string, invitationId: string): Invitation {
    return this.#invitations.decline(userId, invitationId);
  }

  // ---------------------------------------------------------------- preferences

  getPreferences(userId: string): Preferences {
    return this.#preferences.get(userId);
  }

  savePreferences(userId: string, update: PreferencesUpdate): Preferences {
    return this.#preferences.save(userId, update);
  }

  // ---------------------------------------------------------------- tracks and syncs

  addTrack(track: Omit<TrackRecord, 'members'> & { members?: Map<string, Permission> }): TrackRecord {
    return this.#tracks.add(track);
  }

  listTracks(userId: string): Track[] {
    return this.#tracks.list(userId);
  }

  getTrack(userId: string, trackId: string): Track {
    return this.#tracks.get(userId, trackId);
  }

  listSyncs(userId: string): SyncProgress[] {
    return this.#tracks.listSyncs(userId);
  }

  comment(actorId: string, trackId: string, text: string): number {
    return this.#tracks.comment(actorId, trackId, text);
  }

  changeStage(actorId: string, trackId: string, stage: Stage): number {
    return this.#tracks.changeStage(actorId, trackId, stage);
  }

  updateMetadata(
    actorId: string,
    trackId: string,
    change: { name?: string; artworkUrl?: string | null; dueDate?: string | null },
  ): number {
    return this.#tracks.updateMetadata(actorId, trackId, change);
  }

  /** Produces the due-date notifications that clock time calls for (see TracksArea.checkReminders). */
  checkReminders(): void {
    this.#tracks.checkReminders();
  }
}
