/**
 * The benchmark page's script (bundled and minified by bench/browser.ts): the
 * elements, and helpers the driver calls through `window.pdBench`.
 */
import { createClient, type Notification, type PdClient } from '@pd-notify/client';
import '@pd-notify/elements';

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves once `condition` holds, checking every frame. */
async function until(condition: () => unknown): Promise<void> {
  while (!condition()) await frame();
}

function notification(index: number): Notification {
  return {
    id: `n${index}`,
    version: 1,
    type: 'comment',
    category: (['collaboration', 'workflow', 'deadline'] as const)[index % 3]!,
    title: `Ben Okafor commented on “Track ${index}”`,
    message: index % 4 === 0 ? 'The kick clips at 1:42 and the vocal needs a little more air.' : 'Looks good',
    createdAt: new Date(Date.UTC(2026, 10, 23, 9) - index * 60_000).toISOString(),
    readAt: index % 2 ? null : '2026-11-23T09:00:00.000Z',
    priority: index % 10 === 0 ? 'high' : 'normal',
    trackId: `t${index % 50}`,
    actions: [],
  };
}

/** A client whose server answers at once with `count` notifications on one page (no network). */
function fixtureClient(count: number): PdClient {
  const page = { items: Array.from({ length: count }, (_, i) => notification(i)), nextCursor: null };
  // Serialized ahead, so the measure has the page's JSON parsing, as over a network, and not the writing.
  const answers: Record<string, string> = {
    '/v1/notifications': JSON.stringify(page),
    '/v1/counts': JSON.stringify({ unreadNotifications: Math.ceil(count / 2), pendingInvitations: 0 }),
    '/v1/invitations': '{"items":[]}',
    '/v1/syncs': '{"items":[]}',
  };
  const fetch = (input: RequestInfo | URL): Promise<Response> => {
    const body = answers[new URL(input instanceof Request ? input.url : String(input)).pathname];
    const headers = { 'Content-Type': 'application/json' };
    return Promise.resolve(body ? new Response(body, { headers }) : new Response(null, { status: 404 }));
  };
  return createClient({
    baseUrl: 'https://bench.invalid',
    token: 'bench',
    fetch,
    transport: 'polling',
    pollInterval: 3_600_000,
    shareAcrossTabs: false,
    persist: false, // each measure a first visit
  });
}

/** Mounts an inline feed of the client in a 600 px tall box; returns it and how to remove it. */
function mountFeed(client: PdClient) {
  const provider = document.createElement('pd-provider');
  provider.client = client;
  const feed = document.createElement('pd-activity-feed');
  feed.inline = true;
  feed.style.setProperty('--pd-feed-height', '600px');
  provider.append(feed);
  document.body.append(provider);
  return {
    feed,
    remove: () => {
      provider.remove();
      client.close();
    },
  };
}

const rows = (feed: HTMLElement) => feed.shadowRoot?.querySelectorAll('article').length ?? 0;

const bench = {
  /** Milliseconds from mounting a feed of `count` notifications to the frame after its rows painted. */
  async render(count: number): Promise<number> {
    const client = fixtureClient(count);
    const start = performance.now();
    const { feed, remove } = mountFeed(client);
    await until(() => rows(feed) > 0);
    await (feed as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    await frame(); // the frame that paints the rows
    const elapsed = performance.now() - start;
    remove();
    return elapsed;
  },

  /** Scrolls a 10,000-row feed for `frames` frames; the intervals between frames and the rows kept in the DOM. */
  async scroll(frames: number): Promise<{ intervals: number[]; maxRows: number }> {
    const { feed, remove } = mountFeed(fixtureClient(10_000));
    await until(() => rows(feed) > 0);
    const list = feed.shadowRoot!.querySelector<HTMLElement>('.list')!;
    const intervals: number[] = [];
    let maxRows = 0;
    let last = await frame();
    for (let i = 0; i < frames; i++) {
      list.scrollTop += 180;
      const now = await frame();
      intervals.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, rows(feed));
    }
    remove();
    return { intervals, maxRows };
  },

  /** Used JS heap (bytes, after a full GC) before and with a mounted 10,000-row feed. */
  async heap(): Promise<{ before: number; with10k: number }> {
    const gc = (globalThis as unknown as { gc: () => void }).gc;
    const used = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
    gc();
    const before = used();
    const { feed, remove } = mountFeed(fixtureClient(10_000));
    await until(() => rows(feed) > 0);
    await frame();
    gc();
    const with10k = used();
    remove();
    return { before, with10k };
  },

  /**
   * Mounts a feed on the real server and records, by unread count, when the
   * bell's text first showed it (`performance.timeOrigin + now`, ms).
   */
  async watchBadge(baseUrl: string, transport: 'sse' | 'polling'): Promise<void> {
    const client = createClient({
      baseUrl,
      token: 'demo-alice',
      transport,
      pollInterval: 250,
      shareAcrossTabs: false,
      persist: false,
    });
    const { feed } = mountFeed(client);
    feed.inline = false;
    await until(() => client.$connection.get().status === (transport === 'sse' ? 'live' : 'polling'));
    const seen: Record<number, number> = {};
    const read = () => {
      const text = feed.shadowRoot?.querySelector('#bell-description')?.textContent ?? '';
      const count = Number(/\d+/.exec(text)?.[0] ?? 0);
      seen[count] ??= performance.timeOrigin + performance.now();
    };
    new MutationObserver(read).observe(feed.shadowRoot!, { subtree: true, childList: true, characterData: true });
    read();
    Object.assign(window, { pdBadgeSeen: seen, pdBadgeStop: () => client.close() });
  },
};

Object.assign(window, { pdBench: bench });
export type Bench = typeof bench;
