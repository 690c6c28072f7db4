/**
 * `@pd-notify/client/browser-notifications`: system notifications for new
 * notifications while no page of the app is in front (SPEC NS6), for hosts with
 * their own UI; `<pd-activity-feed>` does the same by itself. A module beside
 * the client, so pages that do not use it do not carry it.
 *
 * ```ts
 * import { browserNotifications } from '@pd-notify/client/browser-notifications';
 * const notifications = browserNotifications(client, { onClick: (n) => openRow(n) }); // in every page
 * ```
 *
 * A notification new to the user (`onNotification`) becomes one system
 * notification in exactly one tab of the browser (the one that holds the
 * stream), when the browser allows notifications, the category's `browser`
 * channel is on, and no page of the app is visible and focused (its feed and
 * badge already show it).
 * @packageDocumentation
 */
import {
  preferenceCategoryOfType,
  type Notification as PdNotification,
  type Preferences,
} from '@pd-notify/protocol/wire';
import type { PdClient } from '../client.js';
import { attended, watchAttention } from './attention.js';
import { notificationIcon } from './icons.js';
import { notificationPermission } from './permission.js';

export { attended, inFront, watchAttention } from './attention.js';
export { categoryIcon, notificationIcon } from './icons.js';
export {
  notificationPermission,
  requestNotificationPermission,
  watchNotificationPermission,
  type BrowserPermission,
  type PermissionListener,
} from './permission.js';

export interface BrowserNotificationsOptions {
  /** The language of the notifications' text (BCP 47). Default: the client's `locale`. */
  lang?: string;
  /** The icon's URL for a notification. Default: its type's icon on its category's colour (as the feed draws it), as a PNG. */
  icon?: (notification: PdNotification) => string | undefined;
  /**
   * What a click on a system notification does, once its page has focus.
   * Default: marks it read. Give your row click here (marking it read too), so
   * the click goes where a row goes.
   */
  onClick?: (notification: PdNotification) => void;
}

export interface BrowserNotifier {
  /**
   * Shows `notification` as a system notification when the rules allow it (the
   * permission, its category's `browser` channel, no page of the app in front);
   * resolves with it, or null. Call it in the one tab that acts for the browser.
   */
  show(notification: PdNotification): Promise<globalThis.Notification | null>;
  /** Stops following the preferences. */
  stop(): void;
}

/**
 * Shows system notifications for `client`: call it in every page of the app
 * (each page's attention counts). Returns the notifier, whose `stop()` ends it.
 */
export function browserNotifications(client: PdClient, options: BrowserNotificationsOptions = {}): BrowserNotifier {
  const unwatch = watchAttention();
  const notifier = createNotifier(client, options);
  const off = client.onNotification((notification, { primary }) => {
    if (primary) void notifier.show(notification);
  });
  return {
    show: notifier.show,
    stop() {
      off();
      unwatch();
      notifier.stop();
    },
  };
}

/**
 * The part of `browserNotifications` that decides and shows, without listening:
 * for code that hears of new notifications itself (the elements load it when
 * the first one comes). Follows the preferences while the browser allows
 * notifications, so they are there when one comes.
 */
export function createNotifier(client: PdClient, options: BrowserNotificationsOptions = {}): BrowserNotifier {
  let following: (() => void) | null = null;
  const follow = (): void => {
    following ??= client.$preferences.listen(() => {});
  };
  if (notificationPermission() === 'granted') follow();

  const click = options.onClick ?? ((notification) => void client.markRead(notification.id).catch(() => {}));
  /** Decisions are made one after the other: system notifications appear in the order notifications came. */
  let previous: Promise<unknown> = Promise.resolve();
  const decide = async (notification: PdNotification): Promise<globalThis.Notification | null> => {
    if (notificationPermission() !== 'granted' || notification.readAt !== null) return null;
    const category = preferenceCategoryOfType(notification.type);
    if (!category) return null;
    follow();
    const preferences = await saved(client);
    if (preferences?.categories[category].channels.browser !== true) return null;
    if (await attended()) return null;
    let system: globalThis.Notification;
    try {
      system = new Notification(notification.title, {
        body: notification.message,
        icon: (options.icon ?? ((n: PdNotification) => notificationIcon(n.type)))(notification),
        tag: notification.id,
        lang: options.lang ?? client.locale,
        dir: 'auto',
      });
    } catch {
      return null; // where pages cannot construct one (Android: only service workers show notifications)
    }
    system.addEventListener('click', (event) => {
      event.preventDefault();
      window.focus();
      system.close();
      click(notification);
    });
    return system;
  };
  return {
    show(notification) {
      const shown = previous.then(() => decide(notification));
      previous = shown.catch(() => {});
      return shown;
    },
    stop() {
      following?.();
      following = null;
    },
  };
}

/** The server's preferences, once loaded (from the server or the last visit); null when they cannot be. */
function saved(client: PdClient): Promise<Preferences | null> {
  return new Promise((resolve) => {
    let done = false;
    const off = client.$preferences.subscribe(({ server, status }) => {
      if (done || (!server && status !== 'error')) return;
      done = true;
      resolve(server);
      queueMicrotask(() => off());
    });
  });
}
