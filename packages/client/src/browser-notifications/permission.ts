/**
 * The browser's permission to show notifications: read, asked for (from a
 * click, as browsers require), and watched, so a form or help view can say
 * where it stands.
 */

/** The browser's answer, or `unsupported` where there is no Notification API. */
export type BrowserPermission = NotificationPermission | 'unsupported';

/** Called with the permission whenever it may have changed. */
export type PermissionListener = (permission: BrowserPermission) => void;

const listeners = new Set<PermissionListener>();

/** The permission now: `default` (not asked yet), `granted`, `denied`, or `unsupported`. */
export function notificationPermission(): BrowserPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Asks the browser for permission, and resolves with its answer. Call it from a
 * click handler, before anything asynchronous: browsers refuse to ask otherwise.
 * Whoever watches the permission in this page hears the answer.
 */
export async function requestNotificationPermission(): Promise<BrowserPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    // Older Safari answers through the callback and returns nothing.
    await new Promise<unknown>((resolve) => void Notification.requestPermission(resolve)?.then(resolve, resolve));
  } catch {
    // A browser that refuses to ask (no user gesture): the permission stays as it was.
  }
  const permission = notificationPermission();
  for (const listener of [...listeners]) listener(permission);
  return permission;
}

/**
 * Calls `listener` when the permission may have changed: an answer asked for in
 * this page, a change the Permissions API reports (the user changed the site
 * settings), and the page coming back into view or focus (where browsers do not
 * report changes). Returns the stop.
 */
export function watchNotificationPermission(listener: PermissionListener): () => void {
  const changed = (): void => listener(notificationPermission());
  listeners.add(listener);
  let status: PermissionStatus | null = null;
  let stopped = false;
  navigator.permissions
    ?.query({ name: 'notifications' })
    .then((found) => {
      if (stopped) return;
      status = found;
      status.addEventListener('change', changed);
    })
    .catch(() => {}); // a browser whose Permissions API does not know notifications
  window.addEventListener('focus', changed);
  document.addEventListener('visibilitychange', changed);
  return () => {
    stopped = true;
    listeners.delete(listener);
    status?.removeEventListener('change', changed);
    window.removeEventListener('focus', changed);
    document.removeEventListener('visibilitychange', changed);
  };
}
