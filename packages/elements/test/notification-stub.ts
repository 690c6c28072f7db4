/**
 * `window.Notification` for element tests: the browser's, replaced by one whose
 * permission the test sets and which records what it is asked (and whether the
 * page had a user's gesture when asked) and what it would show. The elements
 * read the permission from it, as from the browser's; `restore()` puts the
 * browser's back. `unsupported`: no Notification API at all.
 */
import type { BrowserPermission } from '@pd-notify/client/browser-notifications';

export interface PermissionRequest {
  /** Whether the page had transient user activation (a click or key press) when asked; null where the browser cannot say. */
  activation: boolean | null;
}

export interface NotificationStub {
  /** Every `Notification.requestPermission()` call. */
  requests: PermissionRequest[];
  /** Sets what the browser would now say (a change in its site settings), as the next focus or visibility change reports it. */
  set(permission: NotificationPermission): void;
  restore(): void;
}

const original = Object.getOwnPropertyDescriptor(window, 'Notification');

/** Replaces `window.Notification`; `requestPermission()` answers `answer` (default: granted). */
export function stubNotification(
  permission: BrowserPermission,
  answer: NotificationPermission = 'granted',
): NotificationStub {
  const requests: PermissionRequest[] = [];
  let current: NotificationPermission = permission === 'unsupported' ? 'default' : permission;
  if (permission === 'unsupported') {
    delete (window as { Notification?: unknown }).Notification;
  } else {
    Object.defineProperty(window, 'Notification', {
      configurable: true,
      writable: true,
      value: class extends EventTarget {
        static get permission(): NotificationPermission {
          return current;
        }
        static requestPermission(): Promise<NotificationPermission> {
          const activation = (navigator as { userActivation?: { isActive: boolean } }).userActivation;
          requests.push({ activation: activation ? activation.isActive : null });
          // As browsers do, the answer comes later: the user chooses in the browser's prompt.
          return new Promise((resolve) =>
            setTimeout(() => {
              current = answer;
              resolve(answer);
            }),
          );
        }
        close(): void {}
      },
    });
  }
  return {
    requests,
    set(next) {
      current = next;
    },
    restore() {
      if (original) Object.defineProperty(window, 'Notification', original);
      else delete (window as { Notification?: unknown }).Notification;
    },
  };
}
