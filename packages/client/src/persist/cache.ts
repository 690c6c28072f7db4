/**
 * The persisted cache (browsers only, loaded on demand): per base URL and user,
 * what the page showed (the newest notifications, the counts, pending
 * invitations, preferences, file syncs) and where the stream stood, so the
 * next visit shows it at once and resumes the stream from there. Entries are
 * versioned and checked against the protocol when read: an older schema, a
 * corrupt or an expired entry is dropped, never shown. Which user a token
 * belongs to is remembered (by a hash of the token, never the token), so a
 * page with the same token asks the server nothing to find its cache.
 */
import {
  CountsCheck,
  InvitationCheck,
  NotificationCheck,
  PreferencesCheck,
  SyncProgressCheck,
  UserCheck,
  wireProblem,
  type User,
  type WireCheck,
} from '@pd-notify/protocol/wire';
import type { TabSnapshot } from '../sync/loader.js';
import type { Queued } from '../sync/change.js';
import { KeyValueDb } from './idb.js';
import { tokenHash } from '../token-hash.js';

/** The notification views' areas in a snapshot. */
const VIEWS = ['notifications', 'archived', 'snoozed'] as const;

/** Bumped when what is stored changes shape: entries of another schema are dropped. */
export const CACHE_SCHEMA = 2;
/** Bumped when the database's stores change: an older database starts empty. */
const DB_NAME = 'pd-notify';
const DB_VERSION = 2;

interface CacheEntry {
  schema: number;
  savedAt: number;
  snapshot: TabSnapshot;
}

interface UserEntry {
  tokenHash: string;
  user: User;
}

export interface PersistOptions {
  baseUrl: string;
  /** Entries older than this are dropped when read. */
  maxAgeMs: number;
  /** Notifications kept: the newest this many. */
  maxItems: number;
}

export class PersistedCache {
  #db = new KeyValueDb(DB_NAME, DB_VERSION, ['cache', 'users', 'queue']);
  #options: PersistOptions;

  constructor(options: PersistOptions) {
    this.#options = options;
  }

  #key(userId: string): string {
    return `${this.#options.baseUrl}|${userId}`;
  }

  /** The user the token was last seen to belong to, if it is the token remembered. */
  async userOf(token: string): Promise<User | null> {
    const hash = await tokenHash(token);
    const entry = hash && (await this.#db.get<UserEntry>('users', this.#options.baseUrl).catch(() => undefined));
    return entry && entry.tokenHash === hash && wireProblem(UserCheck, entry.user) === null ? entry.user : null;
  }

  async rememberUser(token: string, user: User): Promise<void> {
    const hash = await tokenHash(token);
    if (hash) await this.#db.put('users', this.#options.baseUrl, { tokenHash: hash, user } satisfies UserEntry);
  }

  /** The user's cached state, or null (none, another schema, expired, or not the protocol: then it is dropped). */
  async read(userId: string): Promise<TabSnapshot | null> {
    const entry = await this.#db.get<CacheEntry>('cache', this.#key(userId)).catch(() => undefined);
    if (entry === undefined) return null;
    if (
      entry?.schema === CACHE_SCHEMA &&
      Date.now() - entry.savedAt <= this.#options.maxAgeMs &&
      validSnapshot(entry.snapshot)
    ) {
      return entry.snapshot;
    }
    await this.forget(userId);
    return null;
  }

  /** Stores what the page holds, bounded to the newest `maxItems` notifications of each view. */
  async write(userId: string, snapshot: TabSnapshot): Promise<void> {
    const areas = { ...snapshot.areas };
    for (const view of VIEWS) {
      const held = areas[view];
      if (held && held.items.length > this.#options.maxItems)
        areas[view] = { ...held, items: held.items.slice(0, this.#options.maxItems), cursor: null, hasMore: true };
    }
    await this.#db.put('cache', this.#key(userId), {
      schema: CACHE_SCHEMA,
      savedAt: Date.now(),
      snapshot: { ...snapshot, areas },
    });
  }

  /** The user's changes waiting for the connection, kept from earlier visits. */
  listQueued(userId: string): Promise<Queued[]> {
    return this.#db.list<Queued>('queue', `${this.#key(userId)}|`);
  }

  putQueued(userId: string, change: Queued): Promise<unknown> {
    return this.#db.put('queue', `${this.#key(userId)}|${change.key}`, change);
  }

  deleteQueued(userId: string, key: string): Promise<unknown> {
    return this.#db.delete('queue', `${this.#key(userId)}|${key}`);
  }

  /**
   * Drops the user's cache and the token remembered for them; with `queue`
   * (sign-out), also their changes waiting for the connection.
   */
  async forget(userId: string, { queue = false } = {}): Promise<void> {
    if (queue)
      for (const change of await this.listQueued(userId).catch(() => [])) await this.deleteQueued(userId, change.key);
    await this.#db.delete('cache', this.#key(userId)).catch(() => {});
    const remembered = await this.#db.get<UserEntry>('users', this.#options.baseUrl).catch(() => undefined);
    if (remembered?.user?.id === userId) await this.#db.delete('users', this.#options.baseUrl).catch(() => {});
  }
}

function validSnapshot(snapshot: TabSnapshot | undefined): boolean {
  if (!snapshot || typeof snapshot.lastEventId !== 'string' || typeof snapshot.areas !== 'object') return false;
  if (snapshot.locale !== undefined && typeof snapshot.locale !== 'string') return false;
  const { counts, invitations, preferences, syncs } = snapshot.areas;
  const ok = (check: WireCheck, value: unknown) => wireProblem(check, value) === null;
  return (
    (counts === undefined || ok(CountsCheck, counts)) &&
    VIEWS.every((view) => {
      const held = snapshot.areas[view];
      return (
        held === undefined || (Array.isArray(held.items) && held.items.every((item) => ok(NotificationCheck, item)))
      );
    }) &&
    (invitations === undefined ||
      (Array.isArray(invitations) && invitations.every((invitation) => ok(InvitationCheck, invitation)))) &&
    (preferences === undefined || ok(PreferencesCheck, preferences)) &&
    (syncs === undefined || Object.values(syncs).every((sync) => ok(SyncProgressCheck, sync)))
  );
}
