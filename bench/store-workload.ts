/**
 * The client's event workload, no network: applying 10,000 stream events, and
 * merging a 10,000-item resync page into 10,000 loaded items. `bench/store.ts`
 * runs it bundled and minified as it ships, not through tsx (whose keep-names
 * transform wraps every closure and would slow the engine down several times).
 */
import type { Notification } from '@pd-notify/protocol';
import type { Rest } from '../packages/client/src/rest.js';
import { CountsArea } from '../packages/client/src/sync/counts.js';
import { EventRouter } from '../packages/client/src/sync/events.js';
import { NotificationList } from '../packages/client/src/sync/notification-list.js';
import { NotificationsArea } from '../packages/client/src/sync/notifications.js';
import { repeat, type Summary } from './stats.js';

const COUNT = 10_000;

function notification(index: number, version = 1): Notification {
  return {
    id: `n${index}`,
    version,
    type: 'comment',
    category: 'collaboration',
    title: `Ben Okafor commented on “Track ${index}”`,
    message: 'The kick clips at 1:42',
    createdAt: new Date(Date.UTC(2026, 10, 23, 9) + index * 1000).toISOString(),
    readAt: null,
    priority: 'normal',
    trackId: `t${index % 50}`,
    actions: [],
  };
}

/** The feed's area and the event router, their REST layer never reached (the events come in order, so no resync). */
function feed(): { router: EventRouter; notifications: NotificationsArea } {
  const unreachable = new Proxy({}, { get: () => () => Promise.reject(new Error('no network in this bench')) });
  const context = { rest: unreachable as Rest, report: (error: unknown) => error as never, share: () => {} };
  const counts = new CountsArea(context);
  // Room for every event (the default bound would drop the oldest; holding all 10,000 is the heavier case).
  const notifications = new NotificationsArea(context, {
    view: 'inbox',
    inbox: { counts, announce: () => {} },
    pageSize: 20,
    maxItems: COUNT,
  });
  notifications.restore({ items: [], cursor: null, hasMore: false, filter: {} }); // a feed that is loaded, and empty
  const router = new EventRouter([counts, notifications], counts, {
    report: () => {},
    ready: () => {},
    missed: () => {},
    created: () => {},
  });
  return { router, notifications };
}

export interface StoreResults {
  applyEvents: Summary;
  mergeResync: Summary;
}

export async function benchStore(): Promise<StoreResults> {
  const wire = Array.from({ length: COUNT }, (_, index) => ({
    id: `bench-${index + 1}`,
    event: 'notification.created',
    data: JSON.stringify(notification(index)),
  }));
  const applyEvents = await repeat(async () => {
    const { router, notifications } = feed();
    const start = performance.now();
    for (const event of wire) router.apply(event);
    await Promise.resolve(); // the stores are published once per microtask
    const elapsed = performance.now() - start;
    if (notifications.$notifications.get().items.length !== COUNT) throw new Error('not every event was applied');
    return elapsed;
  });

  const loaded = Array.from({ length: COUNT }, (_, index) => notification(index));
  const fresh = loaded.map((item) => ({ ...item, version: 2, readAt: item.createdAt })).reverse();
  const mergeResync = await repeat(() => {
    const list = new NotificationList();
    for (const item of loaded) list.upsert(item, true);
    const start = performance.now();
    list.replaceHead(fresh, true, () => false, true);
    const view = list.view();
    const elapsed = performance.now() - start;
    if (view.length !== COUNT || view[0]!.version !== 2) throw new Error('the resync was not merged');
    return elapsed;
  });
  return { applyEvents, mergeResync };
}
