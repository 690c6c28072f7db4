/**
 * The notification mutations: read, unread, all read, dismiss, row actions.
 * Each shows its change at once and rolls it back when the server refuses.
 * Loaded after the feed's first page (or on the first action), so a page's
 * first paint does not wait for code only a click needs.
 */
import type { Acceptance, ActionId, Notification } from '@pd-notify/protocol/wire';
import type { Overlay } from './notification-list.js';
import type { NotificationsInternals } from './notifications.js';

export class NotificationActions {
  #area: NotificationsInternals;

  constructor(area: NotificationsInternals) {
    this.#area = area;
  }

  markRead(id: string): Promise<Notification> {
    return this.#mutate(
      (item) => (item.id === id && item.readAt === null ? { ...item, readAt: new Date().toISOString() } : item),
      () => this.#area.context.rest.markRead(id),
    );
  }

  markUnread(id: string): Promise<Notification> {
    return this.#mutate(
      (item) => (item.id === id ? { ...item, readAt: null } : item),
      () => this.#area.context.rest.markUnread(id),
    );
  }

  /**
   * Marks read everything up to the newest notification shown; notifications that
   * arrive while the request runs stay unread.
   */
  async markAllRead(): Promise<void> {
    const upTo = this.#area.list.view()[0];
    if (!upTo) return;
    const readAt = new Date().toISOString();
    await this.#optimistic(
      (item) => (item.readAt === null && item.createdAt <= upTo.createdAt ? { ...item, readAt } : item),
      async () => {
        const result = await this.#area.context.rest.markAllRead(upTo.id);
        this.#area.list.markRead(result.items, result.readAt);
      },
      upTo,
    );
  }

  dismiss(id: string): Promise<void> {
    return this.#optimistic(
      (item) => (item.id === id ? null : item),
      async () => {
        await this.#area.context.rest.dismiss(id);
        const held = this.#area.list.get(id);
        if (held) this.#area.list.remove({ id, version: held.version + 1 });
      },
    );
  }

  /** Runs a row action; the server's acceptance (for `accept-invite`) goes to `onAcceptance`. */
  async runAction(
    id: string,
    action: ActionId,
    onAcceptance: (acceptance: Acceptance) => void,
  ): Promise<Acceptance | null> {
    let acceptance: Acceptance | null = null;
    await this.#mutate(
      (item) =>
        item.id === id ? { ...item, actionTaken: action, readAt: item.readAt ?? new Date().toISOString() } : item,
      async () => {
        const result = await this.#area.context.rest.runAction(id, action);
        if (result.acceptance) {
          acceptance = result.acceptance;
          onAcceptance(result.acceptance);
        }
        return result.notification;
      },
    );
    return acceptance;
  }

  /** The invitation a notification row offers to accept, if held. */
  invitationOf(id: string): string | null {
    return this.#area.list.get(id)?.invitationId ?? null;
  }

  /** A mutation of one notification: shown at once, then the server's answer taken and shared with the other tabs. */
  #mutate(apply: (item: Notification) => Notification, request: () => Promise<Notification>): Promise<Notification> {
    return this.#optimistic(apply, async () => {
      const result = await request();
      this.#area.list.upsert(result, false);
      this.#area.context.share({ kind: 'notification', notification: result });
      return result;
    });
  }

  /**
   * Shows `apply`'s change while `request` runs; whatever the outcome the change
   * is dropped (the server's answer, taken by `request`, is what stays), and a
   * failure is reported and rethrown.
   */
  async #optimistic<T>(apply: Overlay['apply'], request: () => Promise<T>, upTo?: Notification): Promise<T> {
    const overlay = this.#area.list.addOverlay(apply, upTo);
    this.#area.publish();
    try {
      return await request();
    } catch (error) {
      throw this.#area.context.report(error);
    } finally {
      this.#area.list.dropOverlay(overlay);
      this.#area.publish();
    }
  }
}
