/**
 * One stream per browser and user, in real Chromium: several same-origin
 * documents (iframes, each its own page with its own client) share one stream;
 * when the leader's page goes away another takes over without losing events; a
 * hidden page pauses and catches up; two users on one page stay apart.
 */
import { expect } from '@open-wc/testing';
import { createClient, type PdClient } from '../src/index.js';
import { eventually, until } from './eventually.js';
import { clearPersisted } from './persisted.js';

declare global {
  interface Window {
    PD_SERVER_URL: string;
    client?: PdClient;
    /** The tab's requests (path only). */
    calls?: string[];
    /** What the tab's onNotification heard: title and whether the tab was primary. */
    heard?: [string, boolean][];
    /** The errors the tab's onError heard: kind and status. */
    errors?: [string, number | undefined][];
  }
}

const base = (): string => window.PD_SERVER_URL;

async function control(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
  const response = await fetch(`${base()}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status}`);
  return response.json();
}

const notify = (title: string, userId = 'alice') =>
  control('/control/act', { action: 'notify', userId, type: 'service-announcement', title, message: '' });

async function streams(): Promise<Record<string, number>> {
  return ((await control('/control/state', undefined, 'GET')) as { streams: Record<string, number> }).streams;
}

const frames: HTMLIFrameElement[] = [];

type Election = 'web-locks' | 'broadcast-channel';

/** Opens a "tab": a same-origin document that creates its own client for `token`; `live`: resolves once its link is. */
async function openTabWith(
  election: Election,
  token = 'demo-alice',
  live = true,
): Promise<{ frame: HTMLIFrameElement; client: PdClient; window: Window }> {
  const frame = document.createElement('iframe');
  // The broadcast-channel tabs hide Web Locks before the client loads, as an older browser would.
  const hideLocks =
    election === 'broadcast-channel'
      ? "Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true });"
      : '';
  // An absolute URL: WebKit resolves a root-relative one in a srcdoc document against about:srcdoc.
  const clientUrl = new URL('/packages/client/src/index.ts', location.href).href;
  frame.srcdoc = `<!doctype html><script type="module">
    ${hideLocks}
    const { createClient } = await import(${JSON.stringify(clientUrl)});
    window.calls = [];
    window.heard = [];
    window.errors = [];
    const client = createClient({
      baseUrl: ${JSON.stringify(base())},
      token: ${JSON.stringify(token)},
      hiddenGraceMs: 100,
      fetch: (input, init) => {
        window.calls.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
      onError: (error) => window.errors.push([error.kind, error.status]),
    });
    client.onNotification((notification, { primary }) => window.heard.push([notification.title, primary]));
    for (const store of [client.$notifications, client.$connection, client.$unreadCount]) store.listen(() => {});
    window.client = client;
  </script>`;
  document.body.append(frame);
  frames.push(frame);
  const client = await eventually(() => {
    const found = frame.contentWindow?.client;
    if (!found) throw new Error('the tab has not started yet');
    return found;
  });
  if (live) await until(client.$connection, (state) => state.status === 'live');
  return { frame, client, window: frame.contentWindow! };
}

const titles = (client: PdClient) => client.$notifications.get().items.map((item) => item.title);

for (const election of ['web-locks', 'broadcast-channel'] as const)
  describe(`tabs of one browser (${election})`, () => {
    const openTab = (token?: string, live?: boolean) => openTabWith(election, token, live);
    beforeEach(async () => {
      await clearPersisted();
      await control('/control/reset', { seed: 'demo' });
    });
    afterEach(() => {
      for (const frame of frames.splice(0)) frame.remove();
    });

    it('share exactly one stream, and every tab gets every event', async () => {
      const tabs = [await openTab(), await openTab(), await openTab()];
      await eventually(async () => expect((await streams()).alice).to.equal(1));
      await notify('to every tab');
      for (const { client } of tabs) await until(client.$notifications, (s) => s.items[0]?.title === 'to every tab');
      expect((await streams()).alice).to.equal(1);
    });

    it('a tab that joins takes the leader’s state, with no request at all, and shows the same rows', async () => {
      const leader = await openTab();
      await until(leader.client.$notifications, (s) => s.status === 'ready');
      const follower = await openTab();
      const shown = await until(follower.client.$notifications, (s) => s.status === 'ready');
      expect(shown.items.map((item) => item.id)).to.deep.equal(
        leader.client.$notifications.get().items.map((item) => item.id),
      );
      expect(follower.client.$unreadCount.get()).to.equal(leader.client.$unreadCount.get());
      // The leader asked /v1/me once and remembered whose token this is; the rest comes over the channel.
      expect(leader.window.calls).to.include('/v1/me');
      expect(follower.window.calls).to.deep.equal([]);
    });

    if (election === 'web-locks')
      it('tabs opened together ask who the user is once among them, and me() asks nothing more', async () => {
        const tabs = await Promise.all([
          openTab(undefined, false),
          openTab(undefined, false),
          openTab(undefined, false),
        ]);
        for (const { client } of tabs) await until(client.$notifications, (s) => s.status === 'ready');
        const users = await Promise.all(tabs.map(({ client }) => client.me()));
        expect(users.map((user) => user.id)).to.deep.equal(['alice', 'alice', 'alice']);
        const asked = tabs.flatMap((tab) => tab.window.calls!.filter((path) => path === '/v1/me'));
        expect(asked).to.have.length(1);
      });

    it('while the server fails, only the leading tab probes: a tab that joins sends nothing, and both show the server’s state once it answers', async () => {
      const leader = await openTab();
      await until(leader.client.$notifications, (s) => s.status === 'ready');
      await control('/control/faults', { error: { status: 503, times: 1_000_000, pathPrefix: '/v1' } });
      await control('/control/streams/drop');
      await until(leader.client.$connection, (s) => s.error?.status === 503);
      const follower = await openTab(undefined, false);
      // It also shows the invitations, which the leading tab does not hold.
      const stopInvitations = follower.client.$invitations.listen(() => {});
      const start = Date.now();
      // Three seconds of failure: until the leader's next probe falls past them.
      await until(leader.client.$connection, (s) => (s.retryAt ?? 0) > start + 3000, 20_000);
      expect(follower.window.calls, 'the joining tab').to.deep.equal([]);
      expect(follower.client.$notifications.get().items.map((item) => item.id)).to.deep.equal(
        leader.client.$notifications.get().items.map((item) => item.id),
        'it shows what the leading tab holds',
      );
      await control('/control/faults', undefined, 'DELETE');
      await notify('after the outage');
      for (const { client } of [leader, follower])
        await until(client.$notifications, (s) => s.items[0]?.title === 'after the outage', 20_000);
      await until(follower.client.$invitations, (s) => s.status === 'ready' && s.items.length > 0);
      stopInvitations();
    });

    it('a new notification is heard in every tab, and exactly one of them is primary', async () => {
      const tabs = [await openTab(), await openTab(), await openTab()];
      for (const { client } of tabs) await until(client.$notifications, (s) => s.status === 'ready');
      await notify('heard everywhere');
      for (const tab of tabs) await eventually(() => expect(tab.window.heard).to.have.length(1));
      const heard = tabs.map((tab) => tab.window.heard![0]!);
      expect(heard.map(([title]) => title)).to.deep.equal(['heard everywhere', 'heard everywhere', 'heard everywhere']);
      expect(heard.filter(([, primary]) => primary)).to.have.length(1);
    });

    it('a change made offline in one tab is shown pending in every tab, then sent once the browser is back online', async () => {
      const tabs = [await openTab(), await openTab()];
      for (const { client } of tabs) await until(client.$notifications, (s) => s.status === 'ready');
      const target = tabs[1]!.client.$notifications.get().items.find((item) => item.readAt === null)!;
      const setOnline = (online: boolean) => {
        for (const { window: tab } of tabs) {
          Object.defineProperty(tab.navigator, 'onLine', { configurable: true, get: () => online });
          tab.dispatchEvent(new Event(online ? 'online' : 'offline'));
        }
      };
      setOnline(false);
      const reading = tabs[1]!.client.markRead(target.id);
      for (const { client } of tabs) {
        await until(client.$notifications, (s) => s.pending.includes(target.id));
        expect(client.$notifications.get().items.find((item) => item.id === target.id)?.readAt).to.not.equal(null);
        await until(client.$connection, (s) => s.pending === 1);
      }
      setOnline(true);
      await reading;
      const stored = await fetch(`${base()}/v1/notifications?limit=50`, {
        headers: { Authorization: 'Bearer demo-alice' },
      });
      const items = ((await stored.json()) as { items: { id: string; readAt: string | null }[] }).items;
      expect(items.find((item) => item.id === target.id)?.readAt).to.not.equal(null);
      for (const { client } of tabs) await until(client.$connection, (s) => s.pending === 0);
    });

    it('the inbox verbs reach every tab: an archive, a snooze and a bulk read from one show in the other; an archive made offline waits in both, then is sent once', async () => {
      const [one, other] = [await openTab(), await openTab()];
      for (const { client } of [one, other]) await until(client.$notifications, (s) => s.status === 'ready');
      const has = (client: PdClient, id: string) => client.$notifications.get().items.some((item) => item.id === id);
      const [archived, snoozed] = one.client.$notifications.get().items.filter((item) => item.readAt === null);
      await other.client.archive(archived!.id);
      await until(one.client.$notifications, () => !has(one.client, archived!.id));
      await other.client.snooze(snoozed!.id, new Date(Date.now() + 3_600_000));
      await until(one.client.$notifications, () => !has(one.client, snoozed!.id));
      const unread = other.client.$notifications
        .get()
        .items.filter((item) => item.readAt === null)
        .map((item) => item.id);
      expect(unread.length).to.be.above(0);
      await other.client.bulk('read', unread);
      await until(one.client.$notifications, (s) => s.items.every((item) => item.readAt !== null));
      // Offline: shown gone in both tabs at once, pending in both, then sent once.
      const setOnline = (online: boolean) => {
        for (const { window: tab } of [one, other]) {
          Object.defineProperty(tab.navigator, 'onLine', { configurable: true, get: () => online });
          tab.dispatchEvent(new Event(online ? 'online' : 'offline'));
        }
      };
      const later = one.client.$notifications.get().items[0]!;
      setOnline(false);
      const archiving = other.client.archive(later.id);
      for (const { client } of [one, other]) {
        await until(client.$notifications, () => !has(client, later.id));
        await until(client.$connection, (s) => s.pending === 1);
      }
      setOnline(true);
      await archiving;
      const stored = await fetch(`${base()}/v1/notifications?archived=true&limit=50`, {
        headers: { Authorization: 'Bearer demo-alice' },
      });
      const ids = ((await stored.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      expect(ids).to.include.members([archived!.id, later.id]);
      for (const { client } of [one, other]) await until(client.$connection, (s) => s.pending === 0);
      // Sent once between them (by whichever tab replays the shared queue).
      const sent = [one, other].flatMap((tab) =>
        tab.window.calls!.filter((path) => path.endsWith(`/${later.id}/archive`)),
      );
      expect(sent).to.have.length(1);
    });

    it('the archive is a view of its own in every tab: a tab that joins takes it from the leader, and a restore in one leaves it in both', async () => {
      const leader = await openTab();
      leader.client.$archived.listen(() => {});
      await until(leader.client.$archived, (s) => s.status === 'ready');
      const target = leader.client.$notifications.get().items[0]!;
      await leader.client.archive(target.id);
      await until(leader.client.$archived, (s) => s.items.some((item) => item.id === target.id));
      const follower = await openTab();
      follower.client.$archived.listen(() => {});
      const taken = await until(follower.client.$archived, (s) => s.status === 'ready');
      expect(taken.items.map((item) => item.id)).to.deep.equal([target.id]);
      expect(follower.window.calls, 'taken from the leader, not asked of the server').to.deep.equal([]);
      await follower.client.unarchive(target.id);
      for (const { client } of [leader, follower]) {
        await until(client.$archived, (s) => s.items.length === 0);
        await until(client.$notifications, (s) => s.items.some((item) => item.id === target.id));
      }
    });

    it('a preferences save made offline in a tab that does not hold the stream shows saved there once sent', async () => {
      const tabs = [await openTab(), await openTab()];
      const follower = tabs[1]!.client;
      follower.$preferences.listen(() => {});
      const loaded = await until(follower.$preferences, (s) => s.status === 'ready');
      await follower.editPreferences(
        (draft) => void (draft.reminderLeadDays = loaded.server!.reminderLeadDays === 7 ? 1 : 7),
      );
      const wanted = follower.$preferences.get().draft!.reminderLeadDays;
      for (const { window: tab } of tabs) {
        Object.defineProperty(tab.navigator, 'onLine', { configurable: true, get: () => false });
        tab.dispatchEvent(new Event('offline'));
      }
      const saving = follower.savePreferences();
      await until(follower.$preferences, (s) => s.pending && s.status === 'saving');
      for (const { window: tab } of tabs) {
        Object.defineProperty(tab.navigator, 'onLine', { configurable: true, get: () => true });
        tab.dispatchEvent(new Event('online'));
      }
      expect((await saving).reminderLeadDays).to.equal(wanted);
      const shown = await until(follower.$preferences, (s) => s.status === 'saved' && !s.pending);
      expect(shown.dirty).to.equal(false);
      expect(shown.server?.reminderLeadDays).to.equal(wanted);
    });

    it('every tab hears the stream’s errors with their real kind', async () => {
      const tabs = [await openTab(), await openTab()];
      await eventually(async () => expect((await streams()).alice).to.equal(1));
      await control('/control/faults', { error: { status: 500, times: 1, pathPrefix: '/v1/events' } });
      await control('/control/streams/drop');
      for (const tab of tabs) {
        await eventually(() => expect(tab.window.errors).to.deep.include(['server', 500]));
        await until(tab.client.$connection, (state) => state.status === 'live');
      }
    });

    it('when the leader tab closes, another takes over and nothing is lost', async () => {
      const leader = await openTab();
      const others = [await openTab(), await openTab()];
      await eventually(async () => expect((await streams()).alice).to.equal(1));
      leader.frame.remove();
      await notify('during the takeover');
      for (const { client } of others) {
        await until(client.$notifications, (s) => s.items.some((item) => item.title === 'during the takeover'));
        expect(titles(client).filter((title) => title === 'during the takeover')).to.have.length(1);
      }
      await eventually(async () => expect((await streams()).alice).to.equal(1));
      await notify('after the takeover');
      for (const { client } of others)
        await until(client.$notifications, (s) => s.items[0]?.title === 'after the takeover');
    });

    it('a hidden page pauses its stream after the grace period and catches up when shown', async () => {
      const { frame, client } = await openTab();
      const doc = frame.contentDocument!;
      const setHidden = (hidden: boolean) => {
        Object.defineProperty(doc, 'visibilityState', {
          configurable: true,
          get: () => (hidden ? 'hidden' : 'visible'),
        });
        doc.dispatchEvent(new Event('visibilitychange'));
      };
      setHidden(true);
      await until(client.$connection, (state) => state.status === 'offline');
      await eventually(async () => expect((await streams()).alice ?? 0).to.equal(0));
      await notify('while hidden');
      setHidden(false);
      await until(client.$notifications, (s) => s.items[0]?.title === 'while hidden');
      await until(client.$connection, (state) => state.status === 'live');
    });
  });

describe('two users on one page', () => {
  it('never share state', async () => {
    await control('/control/reset', { seed: 'demo' });
    const alice = createClient({ baseUrl: base(), token: 'demo-alice' });
    const ben = createClient({ baseUrl: base(), token: 'demo-ben' });
    const stops = [alice, ben].flatMap((client) => [
      client.$notifications.listen(() => {}),
      client.$connection.listen(() => {}),
    ]);
    try {
      await until(alice.$connection, (state) => state.status === 'live');
      await until(ben.$connection, (state) => state.status === 'live');
      await eventually(async () => expect(await streams()).to.deep.equal({ alice: 1, ben: 1 }));
      await notify('for ben only', 'ben');
      await until(ben.$notifications, (s) => s.items[0]?.title === 'for ben only');
      await notify('for alice only', 'alice');
      await until(alice.$notifications, (s) => s.items[0]?.title === 'for alice only');
      expect(titles(alice)).to.not.include('for ben only');
      expect(titles(ben)).to.not.include('for alice only');
    } finally {
      for (const stop of stops) stop();
      alice.close();
      ben.close();
    }
  });
});
