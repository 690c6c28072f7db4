/**
 * What the user changes: read, unread, all read, dismiss, row actions, accept,
 * decline, and saving the preferences. Each change is shown at once and sent with an idempotency key.
 * When it cannot reach the server (the browser is offline, or no answer came)
 * it stays shown and waits in the queue (`offline/queue.ts`) to be sent again,
 * with the same key, once the connection is back; a refusal rolls it back and
 * rejects. Loaded on the first change, or when the browser is idle after a feed
 * is shown, so a page's first paint does not wait for code only a click needs.
 */
import type { Acceptance, ActionId, Invitation, Notification, Preferences } from '@pd-notify/protocol/wire';
import type { PdError } from '../errors.js';
import type { ActionQueue } from '../offline/queue.js';
import type { Mutation, Queued, Shown } from './change.js';
import type { InvitationsArea } from './invitations.js';
import type { NotificationsInternals } from './notifications.js';
import type { PreferencesArea } from './preferences.js';
import type { SyncsArea } from './syncs.js';

export interface MutationsOptions {
  notifications: NotificationsInternals;
  invitations: InvitationsArea;
  preferences: PreferencesArea;
  syncs: SyncsArea;
  /** Whether the browser says it is offline (then a change is queued without trying). */
  offline(): boolean;
  /** The queue of changes waiting for the connection, loaded the first time one waits. */
  queue(): Promise<ActionQueue>;
}

export class Mutations {
  #options: MutationsOptions;

  constructor(options: MutationsOptions) {
    this.#options = options;
  }

  markRead = (id: string) => this.run({ kind: 'read', id }) as Promise<Notification>;
  markUnread = (id: string) => this.run({ kind: 'unread', id }) as Promise<Notification>;
  dismiss = (id: string) => this.run({ kind: 'dismiss', id }) as Promise<void>;
  accept = (id: string) => this.run({ kind: 'accept', id }) as Promise<Acceptance>;
  decline = (id: string) => this.run({ kind: 'decline', id }) as Promise<Invitation>;

  /** Marks read everything up to the newest notification shown; ones that arrive meanwhile stay unread. */
  async markAllRead(): Promise<void> {
    const upTo = this.#options.notifications.list.view()[0];
    if (upTo) await this.run({ kind: 'read-all', upTo });
  }

  /** Runs a row action; `accept-invite` answers with the acceptance (and the invitation shows accepted meanwhile). */
  runAction(id: string, action: ActionId): Promise<Acceptance | null> {
    const invitationId =
      action === 'accept-invite' ? (this.#options.notifications.list.get(id)?.invitationId ?? null) : null;
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
      const reported = this.#options.notifications.context.report(pdError);
      // No answer: the change may or may not have reached the server; the same key makes sending it again safe.
      if (pdError.kind === 'network') return (await this.#options.queue()).add(change, shown);
      shown.undo();
      throw reported;
    }
  }

  /** Shows a change until it settles: `undo` takes it back, `queued` marks it waiting for the connection. */
  show(change: Queued): Shown {
    if (change.kind === 'preferences') return this.#options.preferences.showSaving(change.update);
    const { list, publish } = this.#options.notifications;
    const overlay = (() => {
      switch (change.kind) {
        case 'read':
          return list.addOverlay((item) =>
            item.id === change.id && item.readAt === null ? { ...item, readAt: change.at } : item,
          );
        case 'unread':
          return list.addOverlay((item) => (item.id === change.id ? { ...item, readAt: null } : item));
        case 'dismiss':
          return list.addOverlay((item) => (item.id === change.id ? null : item));
        case 'read-all':
          return list.addOverlay(
            (item) =>
              item.readAt === null && item.createdAt <= change.upTo.createdAt ? { ...item, readAt: change.at } : item,
            change.upTo,
          );
        case 'action':
          return list.addOverlay((item) =>
            item.id === change.id ? { ...item, actionTaken: change.action, readAt: item.readAt ?? change.at } : item,
          );
        default:
          return null;
      }
    })();
    const answer =
      change.kind === 'accept' || change.kind === 'decline'
        ? this.#options.invitations.show(change.id, change.kind === 'accept' ? 'accepted' : 'declined')
        : change.kind === 'action' && change.invitationId
          ? this.#options.invitations.show(change.invitationId, 'accepted')
          : null;
    publish();
    return {
      undo: () => {
        if (overlay) list.dropOverlay(overlay);
        answer?.undo();
        publish();
      },
      queued: () => {
        if (overlay) overlay.queued = true;
        answer?.queued();
        publish();
      },
    };
  }

  /** Sends a change with its key and takes the server's answer; throws a PdError. */
  async send(change: Queued): Promise<unknown> {
    const { list, context } = this.#options.notifications;
    const { rest, share } = context;
    const taken = (notification: Notification): Notification => {
      list.upsert(notification, false);
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
        const held = list.get(change.id);
        if (held) list.remove({ id: change.id, version: held.version + 1 });
        return undefined;
      }
      case 'read-all': {
        const result = await rest.markAllRead(change.upTo.id, change.key);
        list.markRead(result.items, result.readAt);
        return undefined;
      }
      case 'action': {
        const result = await rest.runAction(change.id, change.action, change.key);
        taken(result.notification);
        if (result.acceptance) this.#accepted(result.acceptance);
        return result.acceptance ?? null;
      }
      case 'accept':
        return this.#accepted(await rest.acceptInvitation(change.id, change.key));
      case 'decline': {
        const invitation = await rest.declineInvitation(change.id, change.key);
        this.#options.invitations.take(invitation);
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

/** A random idempotency key (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
