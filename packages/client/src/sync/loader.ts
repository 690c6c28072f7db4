/**
 * When each area loads. An area loads the first time a page observes it, once
 * the link can keep it fresh (the stream is ready, polling works, or the
 * leading tab answers); a tab that follows another takes the leader's copy
 * instead of loading when the leader has it. A failed load is retried with
 * backoff, through the client's health while the server fails (sooner when the
 * page comes back online or into view, at once on `refresh()`). The counts wait
 * for the stream while it is the link: its `ready` event carries them. A resync (a gap, a reset, a change seen by polling) reloads
 * what is observed and marks the rest stale, to load when next observed.
 */
import type { Counts, Invitation, Preferences } from '@pd-notify/protocol/wire';
import type { PdError } from '../errors.js';
import { Backoff, Retry, type Later } from '../realtime/backoff.js';
import type { Area, AreaName } from './area.js';
import type { NotificationsSnapshot } from './notifications.js';
import type { SyncsByTrack } from './syncs.js';

/** What one tab hands another: the areas it has loaded, and where its stream stands. */
export interface TabSnapshot {
  lastEventId: string;
  /** The language its notifications are written in (absent: English, from before languages). */
  locale?: string;
  /** The giving tab's link keeps its areas fresh (the stream is ready, or polling works). */
  linked: boolean;
  areas: Partial<{
    counts: Counts;
    notifications: NotificationsSnapshot;
    archived: NotificationsSnapshot;
    snoozed: NotificationsSnapshot;
    invitations: readonly Invitation[];
    preferences: Preferences;
    syncs: SyncsByTrack;
  }>;
}

export interface LoaderSource {
  /** This tab holds the realtime link (or shares it with no one). */
  readonly leading: boolean;
  /** Asks the leading tab for these areas; null when this tab must load them itself. */
  request(names: AreaName[]): Promise<TabSnapshot | null>;
}

export interface LoaderOptions {
  areas: Readonly<Record<AreaName, Area<unknown, unknown>>>;
  wants(name: AreaName): boolean;
  source(): LoaderSource | null;
  /** Where the stream stands now. */
  position(): string;
  /** The reader's language: a snapshot's notifications in another are not shown. */
  locale(): string;
  /** Takes a snapshot's position. */
  setPosition(id: string): void;
  /** A resync finished (a leading tab tells the others). */
  reloaded(): void;
  /** Whether an area waits for the link rather than loading (the counts, until the stream is ready). */
  deferred(name: AreaName): boolean;
  /** How a retry waits (the client's health). */
  later: Later;
}

export class Loader {
  #options: LoaderOptions;
  #linked = false;
  #retry: Retry;

  constructor(options: LoaderOptions) {
    this.#options = options;
    this.#retry = new Retry(new Backoff(), options.later);
  }

  get linked(): boolean {
    return this.#linked;
  }

  /**
   * The link can keep areas fresh now; `then`: load what is observed and not
   * loaded (`fill`), reload everything observed (`reload`: events may have been
   * missed), or nothing yet (a resync is on its way).
   */
  link(then: 'fill' | 'reload' | 'nothing'): void {
    this.#linked = true;
    if (then === 'fill') void this.fill();
    else if (then === 'reload') void this.resync();
  }

  /** The link stopped: loads wait for it to come back. */
  unlink(): void {
    this.#linked = false;
    this.#retry.cancel();
  }

  /**
   * Loads every observed area that has no fresh data and none on its way, at
   * once: an area observed later does not wait for the loads in flight.
   */
  async fill(): Promise<void> {
    await null; // after the current event is applied in full (the ready event's counts)
    const needed = this.#observed().filter((area) => area.needsLoad);
    if (needed.length === 0) return;
    for (const area of needed) area.await();
    const source = this.#options.source();
    if (!source) return;
    let missing = needed;
    if (!source.leading) {
      const snapshot = await source.request(needed.map((area) => area.name));
      if (snapshot) {
        this.restore(snapshot, snapshot.linked ? 'ready' : 'cached');
        missing = needed.filter((area) => area.needsLoad);
        if (!snapshot.linked) return;
        this.#linked = true;
      }
    }
    if (this.#linked) await this.#load(missing.filter((area) => !this.#options.deferred(area.name)));
  }

  /**
   * Reloads every observed area (others are marked stale) and tells the other
   * tabs when done. `drop`: what is held is replaced, not refreshed (the server
   * lost our position).
   */
  async resync(drop = false): Promise<void> {
    const { areas } = this.#options;
    for (const area of Object.values(areas)) {
      if (drop) area.replaceNext();
      if (area.held && !this.#options.wants(area.name)) area.stale = true;
    }
    await this.#load(this.#observed().filter((area) => !this.#options.deferred(area.name)));
    this.#options.reloaded();
  }

  /** Takes another tab's areas and position (`cached`: an earlier visit's, to confirm). */
  restore(snapshot: TabSnapshot, status: 'ready' | 'cached' = 'ready'): void {
    const { areas } = this.#options;
    this.#options.setPosition(snapshot.lastEventId);
    for (const [name, data] of Object.entries(snapshot.areas) as [AreaName, unknown][]) {
      // A view's snapshot of another filter is not this tab's (nor are areas this client does not have), nor
      // notifications written in another language.
      const written = name === 'notifications' || name === 'archived' || name === 'snoozed';
      if (written && (snapshot.locale ?? 'en') !== this.#options.locale()) continue;
      if (areas[name]?.accepts(data)) areas[name].restore(data, status);
    }
    // What this tab holds that the other tab did not send may have missed events.
    for (const area of Object.values(areas)) if (area.held && !(area.name in snapshot.areas)) area.stale = true;
  }

  /** The areas' snapshots, once their loads in flight have settled. */
  async collect(names: readonly AreaName[]): Promise<TabSnapshot> {
    const { areas } = this.#options;
    // The language now: what is held was written in it (a switch stops the link first).
    const locale = this.#options.locale();
    await Promise.all(names.map((name) => areas[name].settled()));
    const collected: Record<string, unknown> = {};
    for (const name of names) {
      const snapshot = areas[name].snapshot();
      if (snapshot !== null) collected[name] = snapshot;
    }
    return { lastEventId: this.#options.position(), locale, linked: this.#linked, areas: collected };
  }

  /** Nothing observed can load for now (the link cannot start): the areas waiting show `error`. */
  fail(error: PdError): void {
    for (const area of this.#observed()) if (area.needsLoad) area.fail(error);
  }

  /** Retries a failed load now. */
  wake(): void {
    this.#retry.wake();
  }

  async #load(areas: readonly Area<unknown, unknown>[]): Promise<void> {
    const results = await Promise.all(areas.map((area) => area.load()));
    if (results.every(Boolean)) {
      this.#retry.succeeded();
      return;
    }
    const retryAfter = Math.max(0, ...areas.map((area) => area.error?.retryAfterMs ?? 0));
    this.#retry.schedule(() => void this.fill(), retryAfter);
  }

  #observed(): Area<unknown, unknown>[] {
    return Object.values(this.#options.areas).filter((area) => this.#options.wants(area.name));
  }
}
