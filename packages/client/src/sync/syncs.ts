/**
 * The file-sync progress of accepted tracks, by track id: loaded once observed,
 * moved forward by `sync.progress` events and by acceptances.
 */
import type { EventName, SyncList, SyncProgress } from '@pd-notify/protocol/wire';
import { atom } from 'nanostores';
import { Area } from './area.js';

export type SyncsByTrack = Readonly<Record<string, SyncProgress>>;

export class SyncsArea extends Area<SyncList, SyncsByTrack> {
  readonly name = 'syncs';
  readonly $syncProgress = atom<SyncsByTrack>({});
  #held: SyncsByTrack = {};
  /** Tracks the stream moved while a load was in flight. */
  #touched: Set<string> | null = null;

  protected begin(): void {
    this.#touched = new Set();
  }

  protected end(): void {
    this.#touched = null;
  }

  protected fetch(): Promise<SyncList> {
    return this.context.rest.listSyncs();
  }

  protected commit({ items }: SyncList): void {
    const fresh: Record<string, SyncProgress> = {};
    for (const sync of items) fresh[sync.trackId] = sync;
    for (const trackId of this.#touched ?? []) fresh[trackId] = this.#held[trackId]!;
    this.end();
    this.#held = fresh;
  }

  protected capture(): SyncsByTrack {
    return this.#held;
  }

  protected adopt(syncs: SyncsByTrack): void {
    this.#held = syncs;
  }

  protected reset(): void {
    this.#held = {};
  }

  apply(name: EventName, data: unknown): void {
    if (name !== 'sync.progress') return;
    this.take(data as SyncProgress);
  }

  /** A track's progress from the server (an event, or an acceptance's answer). */
  take(sync: SyncProgress): void {
    this.#touched?.add(sync.trackId);
    this.#held = { ...this.#held, [sync.trackId]: sync };
    this.publish();
  }

  protected publish(): void {
    this.$syncProgress.set(this.#held);
  }
}
