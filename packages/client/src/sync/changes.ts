/**
 * The user's changes, loaded in two steps so that a page's first paint waits
 * for neither: the code that makes them (`mutations.ts`) on the first change,
 * or when the browser is idle after a feed is observed; the queue of changes
 * waiting for the connection (`offline/queue.ts`) the first time one waits, or
 * when an earlier visit or another tab has one.
 */
import { PdError } from '../errors.js';
import type { ActionQueue, QueueMessage, QueueStore } from '../offline/queue.js';
import type { Later } from '../realtime/backoff.js';
import type { Mutation, Queued } from './change.js';
import type { InvitationsArea } from './invitations.js';
import type { Mutations } from './mutations.js';
import type { NotificationsInternals } from './notifications.js';
import type { PreferencesArea } from './preferences.js';
import type { SyncsArea } from './syncs.js';

/** Where changes show themselves, and where waiting ones are kept. */
export interface ChangesPlace {
  /** The notification views, the inbox first. */
  notifications: readonly NotificationsInternals[];
  invitations: InvitationsArea;
  preferences: PreferencesArea;
  syncs: SyncsArea;
  /** Where waiting changes are kept across visits, or null. */
  store: QueueStore | null;
}

export interface ChangesOptions {
  online(): boolean;
  /** Whether this tab sends the waiting changes (it holds the link). */
  leading(): boolean;
  report(error: PdError): void;
  /** Tells the other tabs. */
  broadcast(message: QueueMessage): void;
  /** The number of waiting changes changed. */
  onSize(size: number): void;
  /** How the queue's retries wait (the client's health). */
  later: Later;
}

export class Changes {
  #options: ChangesOptions;
  #place: ChangesPlace | null = null;
  #mutations: Promise<Mutations> | null = null;
  #queue: Promise<ActionQueue> | null = null;
  /** Counts the user's switches. */
  #user = 0;

  /** Changes show themselves where `use()` says (the areas there make changes too, so they come later). */
  constructor(options: ChangesOptions) {
    this.#options = options;
  }

  use(place: ChangesPlace): void {
    this.#place = place;
  }

  /** The code that makes changes, loaded now. */
  mutations(): Promise<Mutations> {
    const { online } = this.#options;
    return (this.#mutations ??= import('./mutations.js').then(
      ({ Mutations }) => new Mutations({ ...this.#place!, offline: () => !online(), queue: () => this.#waiting() }),
    ));
  }

  /**
   * The code that makes changes, for a change asked for now: one asked for before the user changed
   * (while its code loaded) rejects, never sent with the next user's token.
   */
  forChange(): Promise<Mutations> {
    const user = this.#user;
    return this.mutations().then((mutations) => {
      if (user !== this.#user) throw new PdError('auth', 'The user changed before this change was sent');
      return mutations;
    });
  }

  /** Makes a change (shown at once, sent, queued when the server cannot be reached). */
  run(mutation: Mutation): Promise<unknown> {
    return this.forChange().then((mutations) => mutations.run(mutation));
  }

  /** Sends what waits, if anything does (the link is back, the browser online, a refresh). */
  sendWaiting(): void {
    void this.#queue?.then((queue) => queue.send());
  }

  /** Shows changes that wait elsewhere (an earlier visit, another tab). */
  async mirror(changes: readonly Queued[]): Promise<void> {
    const queue = await this.#waiting();
    for (const change of changes) queue.mirror(change);
  }

  /** Another tab's news of the queue. */
  heard(message: QueueMessage): void {
    if (message.kind === 'queued') void this.mirror([message.change]);
    else void this.#waiting().then((queue) => queue.settled(message));
  }

  /**
   * Another language, or another user (`user`): what the changes remember goes, and answers on their
   * way are not taken; changes asked for before another user are not sent.
   */
  forget(user: boolean): void {
    if (user) this.#user++;
    void this.#mutations?.then((mutations) => mutations.forget());
  }

  /** Drops what waits, rejecting with `error` (the user changed, the client closed). */
  drop(error: PdError): void {
    void this.#queue?.then((queue) => queue.drop(error));
  }

  #waiting(): Promise<ActionQueue> {
    const { report, broadcast, leading, online, onSize, later } = this.#options;
    const { store } = this.#place!;
    return (this.#queue ??= Promise.all([import('../offline/queue.js'), this.mutations()]).then(
      ([{ ActionQueue }, changes]) =>
        new ActionQueue({
          show: (change) => changes.show(change),
          send: (change) => changes.send(change),
          settledElsewhere: (change, result, error) => changes.settledElsewhere(change, result, error),
          report,
          store,
          broadcast,
          leading,
          online,
          onSize,
          later,
        }),
    ));
  }
}
