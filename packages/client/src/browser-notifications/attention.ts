/**
 * Whether the user is looking at the app: one of its pages in this browser is
 * visible and focused. Each page that watches holds a Web Lock while it is
 * in front, so any page can ask the browser whether one is (`attended()`),
 * deterministically and with nothing stale after a page closes or crashes
 * (the browser releases its locks). Loaded at start by every page that may
 * show browser notifications, so it stays this small.
 */

/** The prefix of the locks held by pages in front (one lock per page). */
export const ATTENDED_LOCK = 'pd-notify:attended:';

/** Whether this page is visible and has focus. */
export const inFront = (): boolean =>
  typeof document !== 'undefined' && document.visibilityState === 'visible' && document.hasFocus();

let watchers = 0;
let unwatch: (() => void) | null = null;

/**
 * Tells the page's other tabs, through a Web Lock, whenever this page is in
 * front. Every page that may show browser notifications watches, so the one
 * that shows them knows when another is in front. Returns the stop; several
 * watchers in one page share one lock.
 */
export function watchAttention(): () => void {
  if (typeof document === 'undefined' || !navigator.locks) return () => {};
  if (watchers++ === 0) unwatch = hold(navigator.locks);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--watchers === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}

function hold(locks: LockManager): () => void {
  const name = ATTENDED_LOCK + Math.random().toString(36).slice(2);
  /** Whether the lock is wanted (asked for or held). */
  let wanted = false;
  let release: (() => void) | null = null;
  const update = (event?: Event): void => {
    const front = event?.type !== 'pagehide' && inFront();
    if (front === wanted) return;
    wanted = front;
    if (front) {
      // Not wanted any more by the time it is granted: given back at once.
      void locks.request(name, () => (wanted ? new Promise<void>((resolve) => (release = resolve)) : undefined));
    } else {
      release?.();
      release = null;
    }
  };
  const events: [EventTarget, string][] = [
    [window, 'focus'],
    [window, 'blur'],
    [window, 'pagehide'],
    [window, 'pageshow'],
    [document, 'visibilitychange'],
  ];
  for (const [target, type] of events) target.addEventListener(type, update);
  update();
  return () => {
    for (const [target, type] of events) target.removeEventListener(type, update);
    wanted = false;
    release?.();
    release = null;
  };
}

/**
 * Whether a page of the app in this browser (this one included) is visible
 * and focused. Without Web Locks, only this page is known.
 */
export async function attended(): Promise<boolean> {
  if (inFront()) return true;
  if (typeof navigator === 'undefined' || !navigator.locks) return false;
  const { held = [] } = await navigator.locks.query();
  return held.some((lock) => lock.name?.startsWith(ATTENDED_LOCK));
}
