/**
 * The browser's notification permission for a story: `window.Notification` is
 * the browser's, so a story that shows a permission state replaces it with one
 * in that state (`beforeEach: permission('denied')`, the element tests' stub)
 * and the next story gets the browser's back. "Turn on browser notifications"
 * in a story gets `answer` (granted unless told), as if the user chose it in
 * the browser's prompt.
 */
import type { StoryContext } from '@storybook/web-components-vite';
import type { BrowserPermission } from '@pd-notify/client/browser-notifications';
import { stubNotification } from '../../packages/elements/test/notification-stub.js';

/** A story's `beforeEach`: the permission in `state` until the story is left. */
export function permission(state: BrowserPermission, answer: NotificationPermission = 'granted') {
  return (_context: StoryContext): (() => void) => {
    const stub = stubNotification(state, answer);
    return () => stub.restore();
  };
}
