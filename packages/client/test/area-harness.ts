/** The client's areas and event router wired as `createClient` wires them, for tests of one area. */
import type { Notification } from '@pd-notify/protocol';
import type { PdError } from '../src/index.js';
import { Rest } from '../src/rest.js';
import { CountsArea } from '../src/sync/counts.js';
import { EventRouter } from '../src/sync/events.js';
import { InvitationsArea } from '../src/sync/invitations.js';
import { NotificationsArea } from '../src/sync/notifications.js';
import { PreferencesArea } from '../src/sync/preferences.js';
import { SyncsArea } from '../src/sync/syncs.js';
import { Tokens } from '../src/tokens.js';

export interface HarnessOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  pageSize?: number;
  maxItems?: number;
  token?: string;
}

export function areaHarness({ baseUrl, fetch, pageSize = 20, maxItems = 500, token = 'demo-alice' }: HarnessOptions) {
  const errors: PdError[] = [];
  const announced: Notification[] = [];
  const missed: boolean[] = [];
  const rest = new Rest({ baseUrl, tokens: new Tokens(() => token), ...(fetch ? { fetch } : {}) });
  const context = {
    rest,
    report: (error: unknown) => (errors.push(error as PdError), error as PdError),
    share: () => {},
  };
  const counts = new CountsArea(context);
  const notifications = new NotificationsArea(context, {
    view: 'inbox',
    inbox: { counts, announce: (item) => announced.push(item) },
    pageSize,
    maxItems,
  });
  const invitations = new InvitationsArea(context, counts);
  const preferences = new PreferencesArea(context, () => Promise.reject(new Error('this harness makes no changes')));
  const syncs = new SyncsArea(context);
  const router = new EventRouter([counts, notifications, invitations, preferences, syncs], counts, {
    report: (error) => errors.push(error),
    ready: () => {},
    missed: (reset) => missed.push(reset),
    created: (item) => announced.push(item),
  });
  let seq = 0;
  /** Sends an event as the stream would, with the next id (or the given one). */
  const send = (event: string, data: unknown, id = `aaaa-${++seq}`) =>
    router.apply({ id, event, data: typeof data === 'string' ? data : JSON.stringify(data) });
  /** Lets the stores publish (they batch changes per microtask). */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const titles = () => notifications.$notifications.get().items.map((n) => n.title);
  return {
    rest,
    counts,
    notifications,
    invitations,
    preferences,
    syncs,
    router,
    errors,
    announced,
    missed,
    send,
    settle,
    titles,
    skipIds: (to: number) => (seq = to),
  };
}

export const notificationItem = (id: string, version: number, extra: Partial<Notification> = {}): Notification => ({
  id,
  version,
  type: 'comment',
  category: 'workflow',
  title: `${id} v${version}`,
  message: '',
  createdAt: '2026-11-23T09:00:00.000Z',
  readAt: null,
  priority: 'normal',
  actions: [],
  ...extra,
});
