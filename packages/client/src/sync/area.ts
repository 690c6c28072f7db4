/**
 * One area of the client's state (notifications, counts, invitations,
 * preferences, file syncs): loaded over REST when a page first observes it,
 * kept fresh by stream events, handed between tabs as a snapshot. While a load
 * is in flight, what the stream changes is remembered, so an answer computed
 * before those events never overwrites them.
 */
import type { BulkResult, EventName, Invitation, Notification } from '@pd-notify/protocol/wire';
import type { PdError } from '../errors.js';
import type { Rest } from '../rest.js';

export type LoadStatus = 'idle' | 'loading' | 'cached' | 'ready' | 'error';

export type AreaName = 'counts' | 'notifications' | 'archived' | 'snoozed' | 'invitations' | 'preferences' | 'syncs';

/** What a tab tells the other tabs after a change, so they converge at once. */
export type SharedResult =
  | { kind: 'notification'; notification: Notification }
  | { kind: 'invitation'; invitation: Invitation }
  | { kind: 'bulk'; result: BulkResult };

export interface AreaContext {
  rest: Rest;
  /** Reports an error to `onError` (once) and returns it as a PdError. */
  report(error: unknown): PdError;
  /** Sends a mutation's result to the other tabs. */
  share(result: SharedResult): void;
}

export abstract class Area<Data, Snapshot = Data> {
  abstract readonly name: AreaName;
  status: LoadStatus = 'idle';
  error: PdError | null = null;
  /** Events may have been missed since the last load: load again when next observed. */
  stale = false;
  /**
   * The next load replaces what is held whatever its versions (the server lost
   * our position: a reset, or another id space where versions start again).
   */
  protected replace = false;
  protected readonly context: AreaContext;
  /** Bumped by `clear()`: answers to requests made before are dropped. */
  protected generation = 0;
  #running: Promise<boolean> | null = null;
  #again = false;

  constructor(context: AreaContext) {
    this.context = context;
  }

  /** Whether this area has data to keep fresh (loaded, or loading). */
  get held(): boolean {
    return this.status !== 'idle';
  }

  /**
   * Loads from the server; resolves with whether it worked (a failure is
   * reported and shown in the area's status). Concurrent calls share one run; a
   * call during a run schedules exactly one more, for what changed meanwhile.
   */
  load(): Promise<boolean> {
    this.#again = true;
    this.#running ??= this.#run();
    return this.#running;
  }

  /** The next load replaces what is held, versions notwithstanding (see `replace`). */
  replaceNext(): void {
    this.replace = true;
  }

  /** Whether it needs a load: no fresh data, and none on its way. */
  get needsLoad(): boolean {
    return (this.status !== 'ready' || this.stale) && this.#running === null;
  }

  /** Observed and about to load (once the link can keep it fresh): shows `loading`. */
  await(): void {
    if (this.status !== 'idle') return;
    this.status = 'loading';
    this.publish();
  }

  /** Cannot load for now (e.g. the user could not be identified): shows the error until a load works. */
  fail(error: PdError): void {
    if (this.#running || this.status === 'ready' || this.status === 'cached') return;
    this.status = 'error';
    this.error = error;
    this.publish();
  }

  /** Resolves when no load is in flight. */
  settled(): Promise<unknown> {
    return this.#running ?? Promise.resolve();
  }

  async #run(): Promise<boolean> {
    let ok = false;
    try {
      while (this.#again) {
        this.#again = false;
        const generation = this.generation;
        if (this.status !== 'ready') this.status = 'loading';
        this.begin();
        this.publish();
        try {
          const data = await this.fetch();
          if (generation !== this.generation) continue; // cleared or refiltered meanwhile
          this.commit(data);
          this.replace = false;
          this.status = 'ready';
          this.error = null;
          this.stale = false;
          ok = true;
        } catch (error) {
          if (generation !== this.generation) continue;
          this.end();
          this.error = this.context.report(error);
          this.status = 'error';
          ok = false;
        }
        this.publish();
      }
      return ok;
    } finally {
      // Same synchronous step as the loop's last check: no call can slip in between.
      this.#running = null;
    }
  }

  /**
   * Takes another tab's snapshot as if loaded (`ready`), or the persisted cache
   * of an earlier visit (`cached`: shown at once, confirmed once the stream has
   * replayed what happened since).
   */
  restore(snapshot: Snapshot, status: 'ready' | 'cached' = 'ready'): void {
    this.end();
    this.adopt(snapshot);
    this.status = status;
    this.error = null;
    this.stale = false;
    this.publish();
  }

  /** The stream replayed everything since the cache was written: cached data is now current. */
  confirm(): void {
    if (this.status !== 'cached' || this.stale || this.#running) return;
    this.status = 'ready';
    this.publish();
  }

  /** Forgets everything (another user). */
  clear(): void {
    this.generation++;
    this.end();
    this.status = 'idle';
    this.error = null;
    this.stale = false;
    this.reset();
    this.publish();
  }

  /** What another tab needs to show this area without loading it; null while not loaded. */
  snapshot(): Snapshot | null {
    return (this.status === 'ready' || this.status === 'cached') && !this.stale ? this.capture() : null;
  }

  /** Whether another tab's snapshot (or the persisted one) is of what this area shows. */
  accepts(_snapshot: Snapshot): boolean {
    return true;
  }

  /** Takes a validated stream event (every area sees every event, and takes its own). */
  abstract apply(name: EventName, data: unknown): void;
  /** Starts remembering what the stream changes. */
  protected abstract begin(): void;
  /** Stops remembering (the load failed or was replaced). */
  protected abstract end(): void;
  protected abstract fetch(): Promise<Data>;
  /** Takes a fresh answer, keeping what the stream changed meanwhile; stops remembering. */
  protected abstract commit(data: Data): void;
  protected abstract capture(): Snapshot;
  protected abstract adopt(snapshot: Snapshot): void;
  protected abstract reset(): void;
  /** Writes the area's stores. */
  protected abstract publish(): void;
}
