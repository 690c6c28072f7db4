/**
 * Tracks and their file syncs: who works on a track, what collaborators do to
 * it (each change a notification to the others), due-date reminders as clock
 * time passes, and the sync an accepted collaborator's files go through.
 */
import type { Notification, NotificationType, Permission, Stage, SyncProgress, Track } from '@pd-notify/protocol';
import type { Clock } from '../clock.js';
import { conflict, notFound } from '../problem.js';
import type { EventLog } from './event-log.js';
import type { NotificationText } from '../texts.js';
import type { NotificationInput } from './notifications.js';
import type { PreferencesArea } from './preferences.js';
import type { UsersArea } from './users.js';

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

export interface TracksOptions {
  clock: Clock;
  log: EventLog;
  users: UsersArea;
  preferences: PreferencesArea;
  /** Produces a notification as its recipient's preferences allow. */
  deliver: (userId: string, input: NotificationInput) => Notification | null;
  /** Clock time between two steps of a file sync. */
  syncStepMs: number;
}

const DAY = 86_400_000;

export class TracksArea {
  #options: TracksOptions;
  #tracks = new Map<string, TrackRecord>();
  #syncs = new Map<string, Map<string, SyncProgress>>();
  #syncTimers = new Set<number>();
  #remindersSent = new Set<string>();
  #renames = 0;

  constructor(options: TracksOptions) {
    this.#options = options;
  }

  /** Stops the syncs in progress. */
  dispose(): void {
    for (const timer of this.#syncTimers) this.#options.clock.clearTimer(timer);
    this.#syncTimers.clear();
  }

  add(track: Omit<TrackRecord, 'members'> & { members?: Map<string, Permission> }): TrackRecord {
    const record: TrackRecord = { ...track, members: track.members ?? new Map() };
    this.#tracks.set(record.id, record);
    return record;
  }

  list(userId: string): Track[] {
    return [...this.#tracks.values()]
      .filter((track) => track.ownerId === userId || track.members.has(userId))
      .map((track) => this.publicTrack(track, userId));
  }

  get(userId: string, trackId: string): Track {
    return this.publicTrack(this.trackFor(userId, trackId), userId);
  }

  /** The track with this id (one the store has). */
  record(trackId: string): TrackRecord {
    return this.#tracks.get(trackId)!;
  }

  /** How many times a track was renamed (searches match track names, and a rename is no one's event). */
  get renames(): number {
    return this.#renames;
  }

  /** The current name of a track, or null when the store has none with this id. */
  nameOf(trackId: string): string | null {
    return this.#tracks.get(trackId)?.name ?? null;
  }

  /** A track the user works on; any other is "not found". */
  trackFor(userId: string, trackId: string): TrackRecord {
    const track = this.#tracks.get(trackId);
    if (!track || (track.ownerId !== userId && !track.members.has(userId))) throw notFound('track');
    return track;
  }

  /** The track as `userId` sees it (with their permission). */
  publicTrack(track: TrackRecord, userId: string): Track {
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

  comment(actorId: string, trackId: string, text: string): number {
    const track = this.trackFor(actorId, trackId);
    const actor = this.#options.users.actor(actorId);
    return this.#notifyMembers(track, actorId, {
      type: 'comment',
      text: { key: 'comment', actor: actor.name, track: track.name, text },
      widget: 'comments',
    });
  }

  changeStage(actorId: string, trackId: string, stage: Stage): number {
    const track = this.trackFor(actorId, trackId);
    if (track.stage === stage) throw conflict(`The track is already at the stage "${stage}"`);
    const actor = this.#options.users.actor(actorId);
    const from = track.stage;
    track.stage = stage;
    if (stage === 'published') {
      return this.#notifyMembers(track, actorId, {
        type: 'published',
        text: { key: 'published', actor: actor.name, track: track.name },
        widget: 'stage',
      });
    }
    return this.#notifyMembers(track, actorId, {
      type: 'stage-changed',
      text: { key: 'stage-changed', actor: actor.name, track: track.name, from, to: stage },
      widget: 'stage',
    });
  }

  updateMetadata(
    actorId: string,
    trackId: string,
    change: { name?: string; artworkUrl?: string | null; dueDate?: string | null },
  ): number {
    const track = this.trackFor(actorId, trackId);
    const actor = this.#options.users.actor(actorId);
    if (change.name !== undefined && change.name !== track.name) {
      track.name = change.name;
      this.#renames++;
    }
    if (change.artworkUrl !== undefined) track.artworkUrl = change.artworkUrl;
    if (change.dueDate !== undefined) track.dueDate = change.dueDate === null ? null : Date.parse(change.dueDate);
    const what = change.artworkUrl !== undefined ? 'artwork' : change.dueDate !== undefined ? 'due-date' : 'details';
    const count = this.#notifyMembers(track, actorId, {
      type: 'metadata-updated',
      text: { key: 'metadata-updated', actor: actor.name, track: track.name, what },
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
    const now = this.#options.clock.now();
    for (const track of this.#tracks.values()) {
      if (track.dueDate === null || track.stage === 'published') continue;
      const due = track.dueDate;
      for (const userId of [track.ownerId, ...track.members.keys()]) {
        const lead = this.#options.preferences.current(userId)!.reminderLeadDays;
        const stage: NotificationType | null =
          now >= due + DAY ? 'overdue' : now >= due ? 'due-passed' : now >= due - lead * DAY ? 'due-reminder' : null;
        if (!stage) continue;
        const key = `${userId}|${track.id}|${due}|${stage}`;
        if (this.#remindersSent.has(key)) continue;
        for (const kind of ['due-reminder', 'due-passed', 'overdue'] as const) {
          this.#remindersSent.add(`${userId}|${track.id}|${due}|${kind}`);
          if (kind === stage) break;
        }
        this.#options.deliver(userId, reminderNotification(stage, track, due, now));
      }
    }
  }

  /** Makes `userId` a collaborator on the track and starts syncing its files to them. */
  join(userId: string, track: TrackRecord, permission: Permission): SyncProgress {
    track.members.set(userId, permission);
    const { clock, log, syncStepMs } = this.#options;
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
      log.append(userId, 'sync.progress', { ...sync });
      if (!sync.done) {
        timer = clock.setTimer(tick, syncStepMs);
        this.#syncTimers.add(timer);
      }
    };
    let timer = clock.setTimer(tick, syncStepMs);
    this.#syncTimers.add(timer);
    log.append(userId, 'sync.progress', { ...sync });
    return { ...sync };
  }

  listSyncs(userId: string): SyncProgress[] {
    return [...(this.#syncs.get(userId)?.values() ?? [])].map((sync) => ({ ...sync }));
  }

  #notifyMembers(
    track: TrackRecord,
    actorId: string,
    input: { type: NotificationType; widget: string; text: NotificationText },
  ): number {
    let delivered = 0;
    for (const userId of [track.ownerId, ...track.members.keys()]) {
      if (userId === actorId) continue;
      if (this.#options.deliver(userId, { ...input, trackId: track.id, actorId })) delivered++;
    }
    return delivered;
  }
}

function reminderNotification(
  stage: NotificationType,
  track: TrackRecord,
  due: number,
  now: number,
): NotificationInput {
  const base = { trackId: track.id, widget: 'due-date' };
  if (stage === 'overdue' || stage === 'due-passed') {
    return { ...base, type: stage, priority: 'high', text: { key: stage, track: track.name, due } };
  }
  const days = Math.max(1, Math.ceil((due - now) / DAY));
  return { ...base, type: stage, text: { key: 'due-reminder', track: track.name, days, due } };
}
