/**
 * The browser's notification permission for a story: `window.Notification` is
 * the browser's, so a story that shows a permission state replaces it with one
 * in that state (`beforeEach: permission('denied')`) and the next story gets the
 * browser's back. "Turn on browser notifications" in a story gets `answer`
 * (granted unless told), as if the user chose it in the browser's prompt.
 */
import type { StoryContext } from '@storybook/web-components-vite';

export type StoryPermission = NotificationPermission | 'unsupported';

/** A story's `beforeEach`: the permission in `state` until the story is left. */
export function permission(state: StoryPermission, answer: NotificationPermission = 'granted') {
  return (_context: StoryContext): (() => void) => {
    const original = Object.getOwnPropertyDescriptor(window, 'Notification');
    let current: NotificationPermission = state === 'unsupported' ? 'default' : state;
    if (state === 'unsupported') {
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
            current = answer;
            return Promise.resolve(answer);
          }
          close(): void {}
        },
      });
    }
    return () => {
      if (original) Object.defineProperty(window, 'Notification', original);
      else delete (window as { Notification?: unknown }).Notification;
    };
  };
}
