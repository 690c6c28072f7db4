/**
 * The offline bench's page script (bundled by bench/offline.ts): a bell on a
 * client of its own, the time it first shows a count, and the size of what the
 * client persisted.
 */
import { createClient } from '@pd-notify/client';
import '@pd-notify/elements/pd-bell-badge';
import '@pd-notify/elements/pd-provider';

/** ms after navigation when the bell first showed `expected` (checked every frame). */
function watchBell(expected: string): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      const badge = document.querySelector('pd-bell-badge')?.shadowRoot?.querySelector('.badge');
      if (badge && !badge.hasAttribute('hidden') && badge.textContent?.trim() === expected) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** The persisted entry of `key`, once it holds `count` notifications, as stored. */
async function persisted(key: string): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('pd-notify');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction('cache').objectStore('cache').get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

const bench = {
  /** Mounts the bell for `token`; resolves with the ms from navigation to the bell showing `expected`. */
  bell(baseUrl: string, token: string, expected: string): Promise<number> {
    const provider = document.createElement('pd-provider');
    provider.client = createClient({ baseUrl, token, shareAcrossTabs: false });
    provider.append(document.createElement('pd-bell-badge'));
    document.body.append(provider);
    return watchBell(expected);
  },

  /** Whether the client has persisted a state for the user yet. */
  async stored(key: string): Promise<boolean> {
    return (await persisted(key).catch(() => undefined)) !== undefined;
  },

  /**
   * Loads `count` notifications into a client that keeps that many, closes it
   * (which writes the cache), and measures what was written: the entry as JSON,
   * and the origin's storage use as the browser reports it.
   */
  async persist(baseUrl: string, token: string, count: number, key: string) {
    const client = createClient({ baseUrl, token, shareAcrossTabs: false, maxItems: count, pageSize: 100 });
    const stop = client.$notifications.listen(() => {});
    while (client.$notifications.get().status !== 'ready') await new Promise((resolve) => setTimeout(resolve, 20));
    while (client.$notifications.get().items.length < count && client.$notifications.get().hasMore) {
      await client.loadMore();
    }
    const held = client.$notifications.get().items.length;
    stop();
    await client.close();
    const entry = (await persisted(key)) as { snapshot: { areas: { notifications?: { items: unknown[] } } } };
    const { usage } = await navigator.storage.estimate();
    return {
      held,
      stored: entry.snapshot.areas.notifications?.items.length ?? 0,
      entryBytes: new TextEncoder().encode(JSON.stringify(entry)).length,
      usageBytes: usage ?? 0,
    };
  },
};

Object.assign(window, { pdOffline: bench });
export type OfflineBench = typeof bench;
