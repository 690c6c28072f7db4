/**
 * The persisted cache in real Chromium (IndexedDB) against the reference
 * server: an earlier visit's state shows at once, before the network answers,
 * then the page converges to exactly the server's state; the cache never mixes
 * users or servers, is dropped when corrupt, old or of another schema, and is
 * forgotten on a user switch and on sign-out.
 */
import { expect } from '@open-wc/testing';
import type { Notification } from '@pd-notify/protocol';
import { createClient, type ClientOptions, type PdClient } from '../src/index.js';
import { CACHE_SCHEMA } from '../src/persist/cache.js';
import { eventually, until } from './eventually.js';
import { clearPersisted, readPersisted, writePersisted } from './persisted.js';

const base = (): string => window.PD_SERVER_URL;

async function call<T>(
  path: string,
  { method = 'GET', body, token }: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  const response = await fetch(`${base()}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

const control = (path: string, body?: unknown) => call(`/control/${path}`, { method: 'POST', body });
const serverItems = async (): Promise<string[]> =>
  (await call<{ items: Notification[] }>('/v1/notifications?limit=20', { token: 'demo-alice' })).items.map((n) => n.id);

const clients: PdClient[] = [];
/** A page's client, observing the feed and the bell. */
function open(options: Partial<ClientOptions> = {}): PdClient {
  const client = createClient({ baseUrl: base(), token: 'demo-alice', shareAcrossTabs: false, ...options });
  client.$notifications.listen(() => {});
  client.$unreadCount.listen(() => {});
  clients.push(client);
  return client;
}

/** A visit: opens, waits until it shows the server's state, and closes (which writes the cache). */
async function visit(options: Partial<ClientOptions> = {}): Promise<{ ids: string[]; unread: number }> {
  const client = open(options);
  const state = await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
  const unread = client.$unreadCount.get();
  await client.close();
  return { ids: state.items.map((item) => item.id), unread };
}

/** A fetch that holds every API answer until `release()`: the network has not answered yet. */
function heldFetch() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: typeof fetch = async (input, init) => {
    await gate;
    return fetch(input, init);
  };
  return { fetch: held, release };
}

const key = (userId = 'alice', baseUrl = base()) => `${baseUrl}|${userId}`;

describe('the persisted cache', () => {
  beforeEach(async () => {
    await clearPersisted();
    await control('reset', { seed: 'demo' });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
  });

  it('shows the last visit at once, before the network answers (status cached), then exactly the server’s state', async () => {
    const earlier = await visit();
    const { fetch, release } = heldFetch();
    const client = open({ fetch, userId: 'alice' });
    const cached = await until(client.$notifications, (s) => s.status === 'cached');
    expect(cached.items.map((item) => item.id)).to.deep.equal(earlier.ids);
    await until(client.$unreadCount, (count) => count === earlier.unread);
    release();
    const ready = await until(client.$notifications, (s) => s.status === 'ready');
    expect(ready.items.map((item) => item.id)).to.deep.equal(await serverItems());
  });

  it('keeps the archive and the snoozed views too: the next visit shows them at once, with the changes made meanwhile once it loads', async () => {
    const first = open();
    first.$archived.listen(() => {});
    first.$snoozed.listen(() => {});
    const [a, b, c] = (await until(first.$notifications, (s) => s.status === 'ready' && s.items.length > 2)).items;
    await first.archive(a!.id);
    await first.snooze(b!.id, new Date(Date.now() + 3_600_000));
    await until(first.$archived, (s) => s.status === 'ready' && s.items.length === 1);
    await until(first.$snoozed, (s) => s.status === 'ready' && s.items.length === 1);
    await first.close();
    // Archived elsewhere while the page was closed.
    await call(`/v1/notifications/${c!.id}/archive`, { method: 'POST', token: 'demo-alice' });

    const { fetch, release } = heldFetch();
    const client = open({ fetch, userId: 'alice' });
    client.$archived.listen(() => {});
    client.$snoozed.listen(() => {});
    const archived = await until(client.$archived, (s) => s.status === 'cached');
    expect(archived.items.map((item) => item.id)).to.deep.equal([a!.id]);
    expect((await until(client.$snoozed, (s) => s.status === 'cached')).items.map((item) => item.id)).to.deep.equal([
      b!.id,
    ]);
    release();
    await until(client.$archived, (s) => s.status === 'ready' && s.items.length === 2);
    expect(client.$archived.get().items.map((item) => item.id)).to.have.members([a!.id, c!.id]);
  });

  it('never shows notifications written in another language: a French reader waits for French', async () => {
    const earlier = await visit({ locale: 'en' });
    expect(earlier.unread).to.be.above(0);
    const { fetch, release } = heldFetch();
    const client = open({ fetch, userId: 'alice', locale: 'fr' });
    // The cache was read (its counts show), but not its English notifications.
    await until(client.$unreadCount, (count) => count === earlier.unread);
    expect(client.$notifications.get().status).to.equal('loading');
    expect(client.$notifications.get().items).to.deep.equal([]);
    release();
    const ready = await until(client.$notifications, (s) => s.status === 'ready');
    expect(ready.items.map((item) => item.title)).to.include('Maintenance prévue dimanche');
  });

  it('finds the user of a token it has seen without asking the server, so the cache shows with no request', async () => {
    await visit();
    const { fetch, release } = heldFetch();
    const client = open({ fetch });
    await until(client.$notifications, (s) => s.status === 'cached' && s.items.length > 0);
    release();
  });

  it('a notification dismissed elsewhere while the page was closed disappears; one created shows once', async () => {
    const earlier = await visit();
    const gone = earlier.ids[1]!;
    await call(`/v1/notifications/${gone}`, { method: 'DELETE', token: 'demo-alice' });
    await control('act', {
      action: 'notify',
      userId: 'alice',
      type: 'service-announcement',
      title: 'while away',
      message: '',
    });
    const client = open();
    const state = await until(client.$notifications, (s) => s.status === 'ready' && s.items[0]?.title === 'while away');
    const ids = state.items.map((item) => item.id);
    expect(ids).to.not.include(gone);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.deep.equal(await serverItems());
  });

  it('a cache from before a server reset (another id space) is replaced by the server’s state', async () => {
    await visit();
    await control('reset', { seed: 'empty' });
    const client = open();
    const state = await until(client.$notifications, (s) => s.status === 'ready');
    expect(state.items).to.deep.equal([]);
    expect(client.$unreadCount.get()).to.equal(0);
  });

  it('never mixes users or servers', async () => {
    await visit();
    expect(await readPersisted(key('alice'))).to.not.equal(undefined);
    const { fetch, release } = heldFetch();
    const ben = open({ token: 'demo-ben', userId: 'ben', fetch });
    const elsewhere = open({ baseUrl: base().replace('127.0.0.1', 'localhost'), userId: 'alice', fetch });
    // Opened last, Alice on this server reads her cache last: once it shows, the others have read theirs.
    const alice = open({ userId: 'alice', fetch });
    await until(alice.$notifications, (s) => s.status === 'cached' && s.items.length > 0);
    for (const other of [ben, elsewhere]) {
      expect(other.$notifications.get().status).to.equal('loading');
      expect(other.$notifications.get().items).to.deep.equal([]);
    }
    release();
  });

  it('drops an entry of another schema, a corrupt one and an expired one, and loads as on a first visit', async () => {
    for (const entry of [
      { schema: CACHE_SCHEMA + 1, savedAt: Date.now(), snapshot: { lastEventId: '', areas: {} } },
      {
        schema: CACHE_SCHEMA,
        savedAt: Date.now(),
        snapshot: { lastEventId: 'x', areas: { notifications: { items: [{ id: 1 }] } } },
      },
      'not even an object',
    ]) {
      await writePersisted(key(), entry);
      const client = open({ userId: 'alice' });
      const statuses: string[] = [];
      client.$notifications.subscribe((state) => statuses.push(state.status));
      await until(client.$notifications, (s) => s.status === 'ready');
      expect(statuses).to.not.include('cached');
      await client.close();
      expect(await readPersisted(key())).to.not.deep.equal(entry);
    }
    await visit();
    const client = open({ userId: 'alice', persistMaxAgeMs: 0 });
    const statuses: string[] = [];
    client.$notifications.subscribe((state) => statuses.push(state.status));
    await until(client.$notifications, (s) => s.status === 'ready');
    expect(statuses).to.not.include('cached');
  });

  it('is forgotten on a user switch and on sign-out (close with forget)', async () => {
    const client = open();
    await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    await eventually(async () => expect(await readPersisted(key('alice'))).to.not.equal(undefined));
    client.setToken('demo-ben');
    await eventually(async () => expect(await readPersisted(key('alice'))).to.equal(undefined));
    await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    await eventually(async () => expect(await readPersisted(key('ben'))).to.not.equal(undefined));
    await client.close({ forget: true });
    expect(await readPersisted(key('ben'))).to.equal(undefined);
  });

  it('writes what the page shows while it stays open (a second after a change), for a visit that ends without close()', async () => {
    const client = open();
    await until(client.$notifications, (s) => s.status === 'ready' && s.items.length > 0);
    await control('act', {
      action: 'notify',
      userId: 'alice',
      type: 'service-announcement',
      title: 'kept',
      message: '',
    });
    await until(client.$notifications, (s) => s.items[0]?.title === 'kept');
    await eventually(async () => {
      const entry = (await readPersisted(key())) as {
        snapshot: { areas: { notifications: { items: Notification[] } } };
      };
      expect(entry.snapshot.areas.notifications.items[0]?.title).to.equal('kept');
    });
  });

  it('stores nothing with persist: false', async () => {
    await visit({ persist: false });
    expect(await readPersisted(key())).to.equal(undefined);
  });
});
