/**
 * System notifications for an element's client (SPEC NS6), as `<pd-activity-feed>`
 * shows them: while the element is connected, its page takes part in "is a page
 * of the app in front?" (a Web Lock, see the client's `watchAttention`), and in
 * the tab that acts for the browser (`primary`) each new notification goes to
 * the client's notifier, loaded the first time the browser allows
 * notifications, which shows it when its category's browser channel is on and
 * no page of the app is in front. What the element does at start is this small.
 */
import type { Notification, PdClient } from '@pd-notify/client';
import type { BrowserNotifier } from '@pd-notify/client/browser-notifications';
import { watchAttention } from '@pd-notify/client/browser-notifications/attention';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface BrowserNotificationsSettings {
  client(): PdClient | null;
  /** The language of the notifications' text. */
  language(): string;
  /** A click on a system notification, once its page has focus: open it as its row would. */
  open(notification: Notification): void;
}

/** Whether the browser allows this page to show notifications. */
const allowed = (): boolean => globalThis.Notification?.permission === 'granted';

/** Notifications already handed to a notifier: two feeds of one client show each once. */
const handled = new WeakSet<Notification>();

export class BrowserNotificationsController implements ReactiveController {
  #settings: BrowserNotificationsSettings;
  #client: PdClient | null = null;
  #off: (() => void) | null = null;
  #unwatch: (() => void) | null = null;
  #notifier: Promise<BrowserNotifier> | null = null;

  constructor(host: ReactiveControllerHost, settings: BrowserNotificationsSettings) {
    this.#settings = settings;
    host.addController(this);
  }

  hostConnected(): void {
    this.#unwatch = watchAttention();
    this.#follow();
  }

  hostUpdated(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = null;
    this.#stop();
  }

  /** Listens to the element's client (another one after a provider change). */
  #follow(): void {
    const client = this.#unwatch ? this.#settings.client() : null;
    if (client === this.#client) return;
    this.#stop();
    this.#client = client;
    if (!client) return;
    this.#off = client.onNotification((notification, { primary }) => {
      if (!primary || !allowed() || handled.has(notification)) return;
      handled.add(notification);
      void this.#load(client).then((notifier) => notifier.show(notification));
    });
    // Allowed already: the notifier follows the preferences, so they are there when a notification comes.
    if (allowed()) void this.#load(client);
  }

  #load(client: PdClient): Promise<BrowserNotifier> {
    const settings = this.#settings;
    return (this.#notifier ??= import('@pd-notify/client/browser-notifications').then(({ createNotifier }) =>
      createNotifier(client, {
        get lang() {
          return settings.language();
        },
        onClick: (notification) => settings.open(notification),
      }),
    ));
  }

  #stop(): void {
    this.#off?.();
    this.#off = null;
    void this.#notifier?.then((notifier) => notifier.stop());
    this.#notifier = null;
    this.#client = null;
  }
}
