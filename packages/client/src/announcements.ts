/**
 * `onNotification`: tells the host's handlers of each notification new to the
 * user, once (the ids told are remembered, up to a bound), with whether this
 * tab acts for the browser. A handler that throws does not stop the stream.
 */
import type { Notification } from '@pd-notify/protocol/wire';
import { surface } from './errors.js';

/** Where a notification came from, for `onNotification` handlers. */
export interface NotificationContext {
  /**
   * True in exactly one tab of the browser for this user (the tab that holds
   * the realtime link): the one that should act for the whole browser, e.g.
   * show a system notification. True in every client that does not share
   * across tabs.
   */
  primary: boolean;
}

/** Hears of a notification new to the user. */
export type NotificationHandler = (notification: Notification, context: NotificationContext) => void;

/** How many notification ids are remembered, to tell each once. */
const TOLD_BOUND = 1000;

export class Announcements {
  #handlers = new Set<NotificationHandler>();
  #told = new Set<string>();
  #primary: () => boolean;

  /** `primary`: whether this tab acts for the browser. */
  constructor(primary: () => boolean) {
    this.#primary = primary;
  }

  /** Adds a handler; returns the unsubscribe. */
  listen(handler: NotificationHandler): () => void {
    this.#handlers.add(handler);
    return () => void this.#handlers.delete(handler);
  }

  /** Tells the handlers of `notification`, unless they heard of it already. */
  announce = (notification: Notification): void => {
    if (this.#told.has(notification.id)) return;
    this.#told.add(notification.id);
    if (this.#told.size > TOLD_BOUND) this.#told.delete(this.#told.values().next().value!);
    const primary = this.#primary();
    // A handler that throws is the host's bug: it shows as such, and the others still hear.
    for (const handler of [...this.#handlers]) {
      try {
        handler(notification, { primary });
      } catch (error) {
        surface(error);
      }
    }
  };

  /** Forgets what was told (another user). */
  clear(): void {
    this.#told.clear();
  }
}
