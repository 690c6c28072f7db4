/**
 * What the user changes: read, unread, all read, seen, archive, unarchive,
 * snooze, unsnooze, bulk changes, dismiss, row actions, accept,
 * decline, and saving the preferences. Each change is shown at once and sent with an idempotency key.
 * When it cannot reach the server (the browser is offline, or no answer came)
 * it stays shown and waits in the queue (`offline/queue.ts`) to be sent again,
 * with the same key, once the connection is back; a refusal rolls it back and
 * rejects. Loaded on the first change, or when the browser is idle after a feed
 * is shown, so a page's first paint does not wait for code only a click needs.
 */
import {
  matchesTerms,
  searchTerms,
  type Acceptance,
  type ActionId,
  type BulkFilter,
  type BulkOp,
  type BulkResult,
  BulkResultCheck,
  NotificationCheck,
  type Invitation,
  type Notification,
  type Preferences,
} from '@pd-notify/protocol/wire';
import { PdError } from '../errors.js';
import type { ActionQueue } from '../offline/queue.js';
import type { Mutation, Queued, Shown } from './change.js';
import type { NotificationList } from './notification-list.js';
import type { InvitationsArea } from './invitations.js';
import { checkQuery, search, type SearchStore } from './search.js';
import { changedBy, snoozed } from './verbs.js';
import { inView, type NotificationFilter, type NotificationsInternals } from './notifications.js';
import type { PreferencesArea } from './preferences.js';
import type { SyncsArea } from './syncs.js';

export interface MutationsOptions {
  /** The notification views, the inbox first: a change shows in every view that holds its items. */
  notifications: readonly NotificationsInternals[];
  invitations: InvitationsArea;
  preferences: PreferencesArea;
  syncs: SyncsArea;
  /** Whether the browser says it is offline (then a change is queued without trying). */
  offline(): boolean;
  /** The queue of changes waiting for the connection, loaded the first time one waits. */
  queue(): Promise<ActionQueue>;
}

/** How many notifications this client changed are remembered (see `#known`). */
const KNOWN = 200;

export class Mutations {
  #options: MutationsOptions;
  /**
   * The last server copy of the notifications this client changed, newest
   * last: a change that brings one back into a view that no longer holds it
   * (an Undo after the archive's answer took it out of the inbox) shows it
   * from here.
   */
  #known = new Map<string, Notification>();
  /** Counts the user's and the language's switches: an answer to a change sent before one is not taken. */
  #generation = 0;

  constructor(options: MutationsOptions) {
    this.#options = options;
  }

  markRead = (id: string) => this.run({ kind: 'read', id }) as Promise<Notification>;
  markUnread = (id: string) => this.run({ kind: 'unread', id }) as Promise<Notification>;
  dismiss = (id: string) => this.run({ kind: 'dismiss', id }) as Promise<void>;
  acceptInvitation = (id: string) => this.run({ kind: 'accept', id }) as Promise<Acceptance>;
  declineInvitation = (id: string) => this.run({ kind: 'decline', id }) as Promise<Invitation>;

  archive = (id: string) => this.run({ kind: 'archive', id }) as Promise<Notification>;
  unarchive = (id: string) => this.run({ kind: 'unarchive', id }) as Promise<Notification>;
  unsnooze = (id: string) => this.run({ kind: 'unsnooze', id }) as Promise<Notification>;

  /** Snoozes until `until` (a Date, or a timestamp with its offset); an invalid time rejects with `bad-request`. */
  snooze(id: string, until: Date | string): Promise<Notification> {
    const time = until instanceof Date ? until.getTime() : Date.parse(until);
    if (Number.isNaN(time)) return Promise.reject(new PdError('bad-request', `Not a time: ${String(until)}`));
    return this.run({ kind: 'snooze', id, until: new Date(time).toISOString() }) as Promise<Notification>;
  }

  /** Marks seen these ids, or `upToId` and every older unseen one. */
  markSeen(target: readonly string[] | { upToId: string }): Promise<BulkResult> {
    const ids = isIds(target) ? [...target] : null;
    const upToId = isIds(target) ? null : target.upToId;
    return this.run({ kind: 'seen', ids, upToId, upToAt: this.#createdAt(upToId) }) as Promise<BulkResult>;
  }

  /** One verb on many: these ids, or every item matching `filter` (no newer than `upToId`). */
  bulk(op: BulkOp, target: readonly string[] | { filter: BulkFilter; upToId?: string }): Promise<BulkResult> {
    const ids = isIds(target) ? [...target] : null;
    const filter = isIds(target) ? null : target.filter;
    const upToId = isIds(target) ? null : (target.upToId ?? null);
    return this.run({ kind: 'bulk', op, ids, filter, upToId, upToAt: this.#createdAt(upToId) }) as Promise<BulkResult>;
  }

  #createdAt(id: string | null): string | null {
    return id === null ? null : (this.#held(id)?.createdAt ?? null);
  }

  /** A notification as the server last confirmed it, from whichever view holds it. */
  #held(id: string): Notification | undefined {
    for (const view of this.#options.notifications) {
      const item = view.list.get(id);
      if (item) return item;
    }
    return undefined;
  }

  /** The notifications every view holds, each once (the inbox's first), newest first. */
  #loaded(): Notification[] {
    const loaded = new Map<string, Notification>();
    for (const view of this.#options.notifications)
      for (const item of view.list.view()) if (!loaded.has(item.id)) loaded.set(item.id, item);
    return [...loaded.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  get #context() {
    return this.#options.notifications[0]!.context;
  }

  /**
   * Another user, or another language: what was remembered of the notifications changed goes, and
   * the answers still on their way are not taken (the views were emptied or are reloading; the
   * stream brings the change in the new language).
   */
  forget(): void {
    this.#known.clear();
    this.#generation++;
  }

  /** Takes the server's answer into every view (each keeps it, drops it, or lets it in, as its filter says). */
  #take(taken: Notification | BulkResult): void {
    if (!('op' in taken)) this.#remember(taken);
    for (const view of this.#options.notifications) view.take(taken);
  }

  #remember(item: Notification): void {
    this.#known.delete(item.id);
    this.#known.set(item.id, item);
    if (this.#known.size > KNOWN) this.#known.delete(this.#known.keys().next().value!);
  }

  /** Items a moving change may bring into `list`: those other views hold, and those this client changed. */
  #candidates(list: NotificationList, apply: (item: Notification) => Notification | null): Notification[] {
    const candidates = new Map<string, Notification>();
    const consider = (item: Notification) => {
      if (!list.get(item.id) && !candidates.has(item.id) && apply(item) !== item) candidates.set(item.id, item);
    };
    for (const view of this.#options.notifications) if (view.list !== list) view.list.items().forEach(consider);
    this.#known.forEach(consider);
    return [...candidates.values()];
  }

  /** Searches the notifications (see `PdClient.search`); rejects with `bad-request` for a query the protocol refuses. */
  search = (q: string, filter?: NotificationFilter): Promise<SearchStore> => {
    const invalid = checkQuery(q);
    if (invalid) return Promise.reject(invalid);
    const { offline } = this.#options;
    return Promise.resolve(search({ context: this.#context, loaded: () => this.#loaded(), offline }, q, filter));
  };

  /** Marks read everything up to the newest notification shown; ones that arrive meanwhile stay unread. */
  async markAllRead(): Promise<void> {
    const upTo = this.#options.notifications[0]!.list.view()[0];
    if (upTo) await this.run({ kind: 'read-all', upTo });
  }

  /** Runs a row action; `accept-invite` answers with the acceptance (and the invitation shows accepted meanwhile). */
  runAction(id: string, action: ActionId): Promise<Acceptance | null> {
    const invitationId = action === 'accept-invite' ? (this.#held(id)?.invitationId ?? null) : null;
    return this.run({ kind: 'action', id, action, invitationId }) as Promise<Acceptance | null>;
  }

  /** Shows the change, sends it; queues it when the server cannot be reached. */
  async run(mutation: Mutation): Promise<unknown> {
    const change: Queued = { ...mutation, key: newKey(), at: new Date().toISOString() };
    const shown = this.show(change);
    if (this.#options.offline()) return (await this.#options.queue()).add(change, shown);
    try {
      const result = await this.send(change);
      shown.undo();
      return result;
    } catch (error) {
      const pdError = error as PdError;
      const reported = this.#context.report(pdError);
      // No answer: the change may or may not have reached the server; the same key makes sending it again safe.
      if (pdError.kind === 'network') return (await this.#options.queue()).add(change, shown);
      shown.undo();
      throw reported;
    }
  }

  /** Shows a change until it settles: `undo` takes it back, `queued` marks it waiting for the connection. */
  show(change: Queued): Shown {
    if (change.kind === 'preferences') return this.#options.preferences.showSaving(change.update);
    const views = this.#options.notifications;
    const shown = changeOf(change);
    // Shown in every view: an item it moves (archived from the inbox, restored from the archive) leaves one
    // and enters another, where that one holds a window its time falls in.
    if (shown?.moves) {
      for (const view of views)
        for (const item of view.list.items()) if (shown.apply(item) !== item) this.#remember(item);
    }
    const overlays = shown
      ? views.map(({ list }) =>
          list.addOverlay(shown.apply, shown.upTo, shown.moves ? this.#candidates(list, shown.apply) : []),
        )
      : [];
    const answer =
      change.kind === 'accept' || change.kind === 'decline'
        ? this.#options.invitations.show(change.id, change.kind === 'accept' ? 'accepted' : 'declined')
        : change.kind === 'action' && change.invitationId
          ? this.#options.invitations.show(change.invitationId, 'accepted')
          : null;
    const publish = (): void => {
      for (const view of views) view.publish();
    };
    publish();
    return {
      undo: () => {
        overlays.forEach((overlay, index) => views[index]!.list.dropOverlay(overlay));
        answer?.undo();
        publish();
      },
      queued: () => {
        // Seen is nothing a row shows: waiting, it does not mark the rows "will sync" (it still waits, and counts).
        const quiet = change.kind === 'seen' || (change.kind === 'bulk' && change.op === 'seen');
        if (!quiet) for (const overlay of overlays) overlay.queued = true;
        answer?.queued();
        publish();
      },
    };
  }

  /** Sends a change with its key and takes the server's answer; throws a PdError. */
  async send(change: Queued): Promise<unknown> {
    const { rest, share: tell } = this.#context;
    const generation = this.#generation;
    // Answered after a switch of user or language: not shown here, nor told to the other tabs.
    const current = () => generation === this.#generation;
    const share: typeof tell = (message) => {
      if (current()) tell(message);
    };
    const views = () => (current() ? this.#options.notifications : []);
    const taken = (notification: Notification): Notification => {
      if (current()) this.#take(notification);
      share({ kind: 'notification', notification });
      return notification;
    };
    switch (change.kind) {
      case 'read':
        return taken(await rest.markRead(change.id, change.key));
      case 'unread':
        return taken(await rest.markUnread(change.id, change.key));
      case 'dismiss': {
        await rest.dismiss(change.id, change.key);
        for (const { list } of views()) {
          const held = list.get(change.id);
          if (held) list.remove({ id: change.id, version: held.version + 1 });
        }
        return undefined;
      }
      case 'read-all': {
        const result = await rest.markAllRead(change.upTo.id, change.key);
        for (const { list } of views()) list.markRead(result.items, result.readAt);
        return undefined;
      }
      case 'archive':
      case 'unarchive':
      case 'unsnooze':
      case 'snooze': {
        const item = await rest.post(
          `v1/notifications/${encodeURIComponent(change.id)}/${change.kind}`,
          NotificationCheck,
          change.key,
          change.kind === 'snooze' ? { until: change.until } : undefined,
        );
        return taken(item);
      }
      case 'seen':
      case 'bulk': {
        const target = change.ids
          ? { ids: change.ids }
          : change.kind === 'seen'
            ? { upToId: change.upToId }
            : { filter: change.filter ?? {}, ...(change.upToId ? { upToId: change.upToId } : {}) };
        const result = await rest.post(
          `v1/notifications/${change.kind}`,
          BulkResultCheck,
          change.key,
          change.kind === 'seen' ? target : { op: change.op, ...target },
        );
        if (current()) this.#take(result);
        share({ kind: 'bulk', result });
        return result;
      }
      case 'action': {
        const result = await rest.runAction(change.id, change.action, change.key);
        taken(result.notification);
        if (result.acceptance && current()) this.#accepted(result.acceptance);
        return result.acceptance ?? null;
      }
      case 'accept': {
        const acceptance = await rest.acceptInvitation(change.id, change.key);
        return current() ? this.#accepted(acceptance) : acceptance;
      }
      case 'decline': {
        const invitation = await rest.declineInvitation(change.id, change.key);
        if (current()) this.#options.invitations.take(invitation);
        share({ kind: 'invitation', invitation });
        return invitation;
      }
      case 'preferences':
        return this.#options.preferences.edit((editor) => editor.send(change));
    }
  }

  /**
   * Shows the outcome of a change this tab made (or shows) that another tab
   * sent for it. Notifications and invitations arrive from that tab on their
   * own; the preferences' outcome is this tab's to show.
   */
  async settledElsewhere(change: Queued, result: unknown, error: PdError | null): Promise<void> {
    if (change.kind !== 'preferences') return;
    await this.#options.preferences.edit((editor) =>
      error ? editor.refused(change, error) : editor.saved(result as Preferences),
    );
  }

  #accepted(acceptance: Acceptance): Acceptance {
    this.#options.invitations.takeAcceptance(acceptance);
    this.#options.syncs.take(acceptance.sync);
    return acceptance;
  }
}

const isIds = (target: object): target is readonly string[] => Array.isArray(target);

/**
 * What a change does to each notification it covers, as the server will
 * (null: the item is gone); `upTo` for mark-all-read; `moves` when it can move
 * items between views. Null for a change that shows on no notification.
 */
function changeOf(
  change: Queued,
): { apply(item: Notification): Notification | null; upTo?: Notification; moves?: boolean } | null {
  const one = (id: string, next: (item: Notification) => Notification | null, moves = false) => ({
    apply: (item: Notification) => (item.id === id ? next(item) : item),
    moves,
  });
  switch (change.kind) {
    case 'read':
      return one(change.id, (item) => changedBy(item, 'read', change.at));
    case 'unread':
      return one(change.id, (item) => ({ ...item, readAt: null }));
    case 'dismiss':
      return one(change.id, () => null);
    case 'read-all':
      // The inbox's items only, as the server does (the archive is read already; what is snoozed stays as it is).
      return {
        apply: (item) =>
          item.readAt === null && inView(item, {}) && item.createdAt <= change.upTo.createdAt
            ? changedBy(item, 'read', change.at)
            : item,
        upTo: change.upTo,
      };
    case 'archive':
    case 'unarchive': {
      const op = change.kind;
      return one(change.id, (item) => changedBy(item, op, change.at), true);
    }
    case 'snooze':
      return one(change.id, (item) => snoozed(item, change.until, change.at), true);
    case 'unsnooze':
      return one(change.id, (item) => ({ ...item, snoozedUntil: null }), true);
    case 'seen':
    case 'bulk': {
      const covers = covering(change);
      const op = change.kind === 'seen' ? 'seen' : change.op;
      return {
        apply: (item) => (covers(item) ? changedBy(item, op, change.at) : item),
        moves: op === 'archive' || op === 'unarchive',
      };
    }
    case 'action':
      return one(change.id, (item) => ({ ...item, actionTaken: change.action, readAt: item.readAt ?? change.at }));
    default:
      return null;
  }
}

/** Which items a seen or bulk change covers, as far as the client can tell (the server decides). */
function covering(change: Extract<Queued, { kind: 'seen' | 'bulk' }>): (item: Notification) => boolean {
  if (change.ids) {
    const ids = new Set(change.ids);
    return (item) => ids.has(item.id);
  }
  const { upToId, upToAt } = change;
  // Not newer than `upToId`: by its time when it was held, else only it.
  const notNewer = (item: Notification): boolean =>
    upToId === null || item.id === upToId || (upToAt !== null && item.createdAt <= upToAt);
  if (change.kind === 'seen') return notNewer;
  const filter = change.filter ?? {};
  const terms = filter.q ? searchTerms(filter.q) : null;
  return (item) =>
    notNewer(item) &&
    inView(item, filter) &&
    (!filter.category || item.category === filter.category) &&
    (!filter.trackId || item.trackId === filter.trackId) &&
    (filter.unread === undefined || (item.readAt === null) === filter.unread) &&
    (!terms || matchesTerms(terms, [item.title, item.message, item.actor?.name]));
}

/** A random idempotency key (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
