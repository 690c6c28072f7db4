/**
 * The fault scenarios: each drives the page and the server, then checks that
 * every tab ends in the server's true state with no duplicate rows and no lost
 * user action. `offlineMs` is short inside npm test and a full minute in
 * `npm run chaos`; `timeScale` shrinks the client's backoff, its request
 * timeout and the windows measured with them (1/20 inside npm test, 1 in
 * `npm run chaos`).
 */
import type { Page } from 'puppeteer-core';
import { probesWithin } from '../packages/client/src/health.js';
import type { ChaosRig, Report } from './harness.js';

export interface ScenarioOptions {
  offlineMs: number;
  timeScale: number;
}

export interface Scenario {
  name: string;
  run(rig: ChaosRig, options: ScenarioOptions): Promise<Report>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ids of Alice's notifications as the page holds them: unread ones, and ones with an invitation to accept. */
async function targets(page: Page) {
  return page.evaluate(() => {
    const { items } = window.pdChaos.state();
    return { unread: items.filter((item) => !item.read).map((item) => item.id), all: items.map((item) => item.id) };
  });
}

function invitationNotification(rig: ChaosRig): string {
  return rig.server.store
    .listNotifications('alice', { limit: 100 })
    .items.find((item) => item.actions.includes('accept-invite'))!.id;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'stream dropped mid-event',
    async run(rig) {
      await rig.openTab();
      const sent = await rig.burst('cut', 10);
      await rig.control('faults', { stream: { cutNextEvent: true } });
      sent.push(...(await rig.burst('cut after', 10)));
      return rig.settle(this.name, sent);
    },
  },
  {
    name: 'server restart with a new id space',
    async run(rig) {
      await rig.openTab();
      const sent = await rig.burst('before restart', 10);
      await rig.control('restart');
      sent.push(...(await rig.burst('after restart', 10)));
      return rig.settle(this.name, sent);
    },
  },
  {
    name: '503 with Retry-After during a burst',
    async run(rig) {
      await rig.openTab();
      await rig.control('faults', { error: { status: 503, retryAfter: '1', times: 4, pathPrefix: '/v1' } });
      await rig.control('streams/drop');
      const sent = await rig.burst('during 503', 20, 10);
      return rig.settle(this.name, sent);
    },
  },
  {
    name: '3 s latency while marking read, dismissing, accepting',
    async run(rig) {
      const page = await rig.openTab();
      const { unread } = await targets(page);
      const invite = invitationNotification(rig);
      const toRead = unread.filter((id) => id !== invite).slice(0, 3);
      const toDismiss = unread.filter((id) => id !== invite && !toRead.includes(id)).slice(0, 2);
      await rig.control('faults', { latencyMs: 3000 });
      await page.evaluate(
        (read, dismiss, accept) => {
          for (const id of read) window.pdChaos.markRead(id);
          for (const id of dismiss) window.pdChaos.dismiss(id);
          window.pdChaos.accept(accept);
        },
        toRead,
        toDismiss,
        invite,
      );
      const sent = await rig.burst('slow', 5);
      return rig.settle(this.name, sent, 40_000);
    },
  },
  {
    name: 'malformed JSON in the stream',
    async run(rig) {
      await rig.openTab();
      const sent = await rig.burst('before bad json', 5);
      await rig.control('faults', { stream: { malformedNext: true } });
      sent.push(...(await rig.burst('after bad json', 5)));
      return rig.settle(this.name, sent);
    },
  },
  {
    name: 'stall without heartbeats',
    async run(rig) {
      const page = await rig.openTab();
      await rig.control('faults', { stream: { stall: true } });
      const sent = await rig.burst('during stall', 5);
      // The watchdog (twice the 500 ms heartbeat) gives up on the silent stream and reconnects.
      await page.waitForFunction(() => window.pdChaos.state().connection !== 'live', { polling: 50 });
      await rig.control('faults', undefined, 'DELETE');
      sent.push(...(await rig.burst('after stall', 5)));
      return rig.settle(this.name, sent);
    },
  },
  {
    name: 'offline and back',
    async run(rig, { offlineMs }) {
      const page = await rig.openTab();
      const { unread } = await targets(page);
      await page.setOfflineMode(true);
      const sent = await rig.burst('while offline', 10);
      // An action while offline is kept, shown pending, and sent once back online: the server ends with it.
      await page.evaluate((id) => window.pdChaos.markRead(id), unread[0]!);
      await pause(Math.max(0, offlineMs - 10 * 20));
      await page.setOfflineMode(false);
      sent.push(...(await rig.burst('back online', 5)));
      return rig.settle(this.name, sent, 30_000);
    },
  },
  {
    name: 'ten tabs at once',
    async run(rig) {
      await Promise.all(Array.from({ length: 10 }, () => rig.openTab()));
      const sent = await rig.burst('ten tabs', 20);
      const report = await rig.settle(this.name, sent);
      const streams = await rig.streams();
      if (!report.mismatch && streams !== 1) report.mismatch = `${streams} streams open for ten tabs, not one`;
      return report;
    },
  },
  {
    name: 'leader tab closed mid-burst',
    async run(rig) {
      for (let i = 0; i < 4; i++) await rig.openTab(); // the first one holds the stream
      const sent = await rig.burst('before close', 10);
      await rig.closeTab(rig.tabs[0]!);
      sent.push(...(await rig.burst('after close', 10)));
      const report = await rig.settle(this.name, sent);
      const streams = await rig.streams();
      if (!report.mismatch && streams !== 1) report.mismatch = `${streams} streams open after the leader left, not one`;
      return report;
    },
  },
];

/**
 * Faults at startup: the page opens while something is broken, and must end in
 * the server's state once it is repaired, without a reload.
 */
export const STARTUP_SCENARIOS: Scenario[] = [
  {
    name: 'start: /v1/me failing four times (503)',
    async run(rig) {
      await rig.control('faults', { error: { status: 503, times: 4, pathPrefix: '/v1/me' } });
      await rig.openTab({ connected: false });
      const sent = await rig.burst('me failing', 5);
      return rig.settle(this.name, sent, 30_000);
    },
  },
  {
    name: 'start: first page of notifications failing four times (500)',
    async run(rig) {
      await rig.control('faults', { error: { status: 500, times: 4, pathPrefix: '/v1/notifications' } });
      await rig.openTab({ connected: false });
      const sent = await rig.burst('page failing', 5);
      return rig.settle(this.name, sent, 30_000);
    },
  },
  {
    name: 'start: stream refused (503, Retry-After)',
    async run(rig) {
      await rig.control('faults', { error: { status: 503, retryAfter: '2', times: 2, pathPrefix: '/v1/events' } });
      await rig.openTab({ connected: false });
      const sent = await rig.burst('stream refused', 5);
      return rig.settle(this.name, sent, 30_000);
    },
  },
  {
    name: 'start: no stream endpoint (404)',
    async run(rig) {
      await rig.control('faults', { error: { status: 404, times: 1, pathPrefix: '/v1/events' } });
      await rig.openTab({ connected: false });
      const sent = await rig.burst('no stream', 5);
      return rig.settle(this.name, sent, 30_000);
    },
  },
  {
    name: 'start: token expired (401, then a fresh one)',
    async run(rig) {
      await rig.openTab({ connected: false, expiredFirst: true });
      const sent = await rig.burst('expired token', 5);
      return rig.settle(this.name, sent);
    },
  },
  {
    name: 'start: server unreachable when the page opens',
    async run(rig) {
      const page = await rig.openTab({ connected: false, unreachable: true });
      const sent = await rig.burst('unreachable', 5);
      await page.waitForFunction(() => window.pdChaos.state().connectionError !== null, { polling: 100 });
      rig.restoreApi(page);
      sent.push(...(await rig.burst('reachable', 5)));
      return rig.settle(this.name, sent, 40_000);
    },
  },
];

/**
 * Offline-first: what a page shows from its persisted cache, and changes made
 * while the server cannot be reached, across reloads, tabs and user switches.
 */
export const OFFLINE_SCENARIOS: Scenario[] = [
  {
    name: 'offline: reopened while the server is down (cached state, then the server’s)',
    async run(rig) {
      const first = await rig.openTab();
      const before = await rig.settle(this.name, []);
      if (before.mismatch) return before;
      const shown = await first.evaluate(() => window.pdChaos.state().items.map((item) => item.id));
      await rig.closeTab(first);
      const sent = await rig.burst('while closed', 3);
      const page = await rig.openTab({ connected: false, unreachable: true });
      await page.waitForFunction(() => window.pdChaos.state().statuses.includes('cached'), { polling: 50 });
      const cached = await page.evaluate(() => window.pdChaos.state().items.map((item) => item.id));
      if (JSON.stringify(cached) !== JSON.stringify(shown)) {
        return { ...before, scenario: this.name, mismatch: 'the cached state is not what the last visit showed' };
      }
      rig.restoreApi(page);
      return rig.settle(this.name, sent, 30_000);
    },
  },
  {
    name: 'offline: reloaded at once, cut off, it shows what it showed last',
    async run(rig) {
      const page = await rig.openTab();
      const before = await rig.settle(this.name, []);
      if (before.mismatch) return before;
      // An event the page shows, then a reload before its debounced write: only the write made as it hides keeps it.
      const sent = await rig.burst('just before the reload', 1, 0);
      await page.waitForFunction(
        (title) => window.pdChaos.state().items.some((item) => item.title === title),
        { polling: 20 },
        sent[0]!,
      );
      const shown = await page.evaluate(() => window.pdChaos.state().items.map((item) => item.id));
      await rig.cutApi(page);
      await rig.reload(page);
      // Cut off, it shows what it kept, or (nothing kept) the error of a page that cannot load.
      await page.waitForFunction(
        () => ['cached', 'error'].some((status) => window.pdChaos.state().statuses.includes(status)),
        { polling: 50 },
      );
      const { items, statuses } = await page.evaluate(() => window.pdChaos.state());
      const cached = statuses.includes('cached') ? items.map((item) => item.id) : null;
      if (JSON.stringify(cached) !== JSON.stringify(shown)) {
        return {
          ...before,
          scenario: this.name,
          mismatch: 'the cached state is not what the page showed before the reload',
        };
      }
      rig.restoreApi(page);
      return rig.settle(this.name, sent);
    },
  },
  {
    name: 'offline: changes made offline survive a reload and are applied once',
    async run(rig) {
      const page = await rig.openTab();
      const { unread } = await targets(page);
      await rig.cutApi(page);
      await page.evaluate(
        (read, dismiss) => {
          window.pdChaos.markRead(read);
          window.pdChaos.dismiss(dismiss);
        },
        unread[0]!,
        unread[1]!,
      );
      await page.waitForFunction(() => window.pdChaos.state().pending === 2, { polling: 50 });
      const sent = await rig.burst('cut off', 3);
      await rig.reload(page);
      // After the reload, still cut off: the changes are shown again from where they were kept.
      await page.waitForFunction(
        (read, dismiss) => {
          const state = window.pdChaos.state();
          return (
            state.pending === 2 &&
            state.items.some((item) => item.id === read && item.read) &&
            !state.items.some((item) => item.id === dismiss)
          );
        },
        { polling: 50, timeout: 10_000 },
        unread[0]!,
        unread[1]!,
      );
      rig.restoreApi(page);
      const report = await rig.settle(this.name, sent);
      const stored = (await rig.truth()).items;
      if (!report.mismatch && !stored.find((item) => item.id === unread[0])?.readAt) {
        report.mismatch = 'the change made offline is not on the server';
      }
      if (!report.mismatch && stored.some((item) => item.id === unread[1])) {
        report.mismatch = 'the notification dismissed offline is still on the server';
      }
      return report;
    },
  },
  {
    name: 'offline: two tabs act on the same notification',
    async run(rig) {
      const [one, two] = [await rig.openTab(), await rig.openTab()];
      const { unread } = await targets(one);
      for (const tab of [one, two]) await rig.cutApi(tab);
      await one.evaluate((id) => window.pdChaos.markRead(id), unread[0]!);
      await two.evaluate((id) => window.pdChaos.markRead(id), unread[0]!);
      await one.evaluate((id) => window.pdChaos.dismiss(id), unread[1]!);
      await two.evaluate((id) => window.pdChaos.dismiss(id), unread[1]!);
      const sent = await rig.burst('two tabs cut off', 3);
      for (const tab of [one, two]) rig.restoreApi(tab);
      const report = await rig.settle(this.name, sent);
      if (!report.mismatch && report.actionsFailed > 0)
        report.mismatch = `${report.actionsFailed} change(s) reported failed`;
      return report;
    },
  },
  {
    name: 'offline: a change the server refuses when sent again is rolled back alone',
    async run(rig) {
      const page = await rig.openTab();
      const { unread } = await targets(page);
      const invite = invitationNotification(rig);
      const invitationId = rig.server.store
        .listNotifications('alice', { limit: 100 })
        .items.find((i) => i.id === invite)!.invitationId!;
      await rig.cutApi(page);
      await page.evaluate(
        (accept, read) => {
          window.pdChaos.accept(accept);
          window.pdChaos.markRead(read);
        },
        invite,
        unread.find((id) => id !== invite)!,
      );
      await page.waitForFunction(() => window.pdChaos.state().pending === 2, { polling: 50 });
      // Meanwhile, another session declines the invitation.
      rig.server.store.declineInvitation('alice', invitationId);
      const sent = await rig.burst('refused later', 3);
      rig.restoreApi(page);
      const report = await rig.settle(this.name, sent);
      if (!report.mismatch && (report.actionsFailed !== 1 || report.actionsConfirmed !== 1)) {
        report.mismatch = `expected the accept refused and the read applied, got ${report.actionsFailed} failed, ${report.actionsConfirmed} confirmed`;
      }
      return report;
    },
  },
  {
    name: 'offline: a cache written by an older schema is dropped, never shown',
    async run(rig) {
      const page = await rig.openTab();
      await rig.settle(this.name, []);
      // The visit ends, its state written (a page writes what it shows as it closes or reloads, which would
      // replace an entry put there before); then the entry is one an older version of the page wrote.
      await page.evaluate(() => window.pdChaos.unmount());
      await page.evaluate(
        (key) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('pd-notify');
            open.onsuccess = () => {
              const transaction = open.result.transaction('cache', 'readwrite');
              transaction.objectStore('cache').put({ schema: 0, savedAt: Date.now(), rows: ['an old shape'] }, key);
              transaction.oncomplete = () => resolve();
              transaction.onerror = () => reject(transaction.error);
            };
          }),
        `${rig.server.url}|alice`,
      );
      const sent = await rig.burst('older schema', 3);
      await rig.reload(page);
      const report = await rig.settle(this.name, sent);
      const { statuses } = await page.evaluate(() => window.pdChaos.state());
      if (!report.mismatch && statuses.includes('cached')) report.mismatch = 'the older cache was shown';
      return report;
    },
  },
  {
    name: 'offline: a user switch while changes wait never sends them with the new token',
    async run(rig) {
      const page = await rig.openTab();
      const { unread } = await targets(page);
      await rig.cutApi(page);
      await page.evaluate((id) => window.pdChaos.markRead(id), unread[0]!);
      await page.waitForFunction(() => window.pdChaos.state().pending === 1, { polling: 50 });
      await page.evaluate(() => window.pdChaos.setToken('demo-ben'));
      rig.restoreApi(page);
      await page.waitForFunction(() => window.pdChaos.state().connection === 'live', { polling: 50 });
      const aliceItem = () =>
        rig.server.store.listNotifications('alice', { limit: 100 }).items.find((i) => i.id === unread[0]);
      if (aliceItem()?.readAt) {
        return { ...(await rig.settle(this.name, [])), mismatch: 'Alice’s change was sent while Ben was signed in' };
      }
      // Alice signs in again: her change, kept in this browser, is sent now.
      await page.evaluate(() => window.pdChaos.setToken('demo-alice'));
      const sent = await rig.burst('alice is back', 3);
      const report = await rig.settle(this.name, sent);
      if (!report.mismatch && !aliceItem()?.readAt)
        report.mismatch = 'Alice’s kept change was not sent after she came back';
      return report;
    },
  },
];

/**
 * The inbox's verbs across tabs: a bulk change whose answer crosses the
 * stream's events, and a snooze that wakes by the server's clock. Last in the
 * run: the snooze moves the server's clock forward, for good.
 */
export const VERB_SCENARIOS: Scenario[] = [
  {
    name: 'a bulk change and a stream event cross',
    async run(rig) {
      const [one, two] = [await rig.openTab(), await rig.openTab()];
      const { items } = await rig.truth();
      const unread = items.filter((item) => item.readAt === null).map((item) => item.id);
      // Read everything up to the top, and archive two unread ones; one read by it is marked unread again elsewhere.
      const [crossed, ...toArchive] = unread.slice(0, 3);
      const held = await rig.holdAnswers(two, '/v1/notifications/bulk');
      await two.evaluate(
        (upToId, archive) => {
          window.pdChaos.bulk('read', { filter: {}, upToId });
          window.pdChaos.bulk('archive', archive);
        },
        items[0]!.id,
        toArchive,
      );
      // The server has made both changes; their answers are held while more happens on the stream.
      await held.answered(2);
      rig.server.store.markUnread('alice', crossed!); // another session
      const sent = await rig.burst('crossing', 5, 0);
      const shownRead = async (tab: Page) => {
        await tab.waitForFunction(
          (titles) => titles.every((title) => window.pdChaos.state().items.some((item) => item.title === title)),
          { polling: 50, timeout: 10_000 },
          sent,
        );
        return tab.evaluate(
          (titles) =>
            window.pdChaos
              .state()
              .items.filter((item) => titles.includes(item.title) && item.read)
              .map((item) => item.title),
          sent,
        );
      };
      const early = [...(await shownRead(one)), ...(await shownRead(two))];
      const stillHeld = await two.evaluate(() =>
        window.pdChaos.state().actions.every((action) => action.outcome === 'pending'),
      );
      held.release();
      const report = await rig.settle(this.name, sent);
      if (!stillHeld) report.mismatch ??= 'the bulk changes were answered before the stream’s events came';
      if (early.length)
        report.mismatch ??= `new notifications shown read while the bulk change was sent: ${early.join(', ')}`;
      if (report.actionsFailed > 0) report.mismatch ??= `${report.actionsFailed} bulk change(s) reported failed`;
      return report;
    },
  },
  {
    name: 'a snoozed item comes back while two tabs are open',
    async run(rig) {
      const one = await rig.openTab();
      await rig.openTab(); // the other tab only watches
      const before = await rig.truth();
      // An unread one below the top: it leaves the count, and comes back on top.
      const snoozed = before.items.find((item, index) => index > 0 && item.readAt === null)!.id;
      const until = new Date(rig.server.store.clock.now() + 5 * 60_000).toISOString();
      await one.evaluate((id, time) => window.pdChaos.snooze(id, time), snoozed, until);
      // Both tabs drop it from the inbox and the count.
      const away = await rig.settle(this.name, []);
      if (away.mismatch) return away;
      if (away.actionsFailed > 0) return { ...away, mismatch: 'the snooze was reported failed' };
      const sent = await rig.burst('while snoozed', 3);
      await rig.control('clock/advance', { ms: 6 * 60_000 });
      // Back on top, unread, once, and counted (rig.settle compares every tab's rows, order, badge and count).
      const report = await rig.settle(this.name, sent);
      const after = await rig.truth();
      if (after.items[0]?.id !== snoozed || after.items[0].readAt !== null)
        report.mismatch ??= 'the server did not bring the snoozed item back on top, unread';
      if (after.unread !== before.unread + sent.length)
        report.mismatch ??= `the server counts ${after.unread} unread, not ${before.unread + sent.length}`;
      return report;
    },
  },
];

/** How a server fails, from the page's side, and how it recovers. */
interface Failure {
  name: string;
  begin(rig: ChaosRig, timeScale: number): Promise<void>;
  /** Whether the tab opens cut off from the API (connection refused). */
  refused?: boolean;
  end(rig: ChaosRig, page: Page): Promise<void>;
}

const clearFaults = async (rig: ChaosRig) => void (await rig.control('faults', undefined, 'DELETE'));
const FAILURES: Failure[] = [
  {
    name: '503',
    begin: async (rig) => void (await rig.control('faults', { error: { status: 503, times: 1e6, pathPrefix: '/v1' } })),
    end: clearFaults,
  },
  {
    name: '500',
    begin: async (rig) => void (await rig.control('faults', { error: { status: 500, times: 1e6, pathPrefix: '/v1' } })),
    end: clearFaults,
  },
  {
    name: 'no answer within the timeout',
    // Answers come after twice the client's timeout: every request times out.
    begin: async (rig, timeScale) => void (await rig.control('faults', { latencyMs: 20_000 * timeScale })),
    end: clearFaults,
  },
  {
    name: 'connection refused',
    begin: async () => {},
    refused: true,
    end: async (rig, page) => rig.restoreApi(page),
  },
];

/**
 * A page opened on a failing server, with the state an earlier visit persisted
 * or on a fresh profile: in the schedule's window (30 s) it sends no more API
 * requests than one probe at a time allows; once the server answers again, no
 * request fails and it shows the server's state, with what happened meanwhile.
 */
export const FAILING_SERVER_SCENARIOS: Scenario[] = FAILURES.flatMap((failure) =>
  (['a cached visit', 'a first visit'] as const).map((visit): Scenario => ({
    name: `failing server: ${visit} while it fails (${failure.name})`,
    async run(rig, { timeScale }) {
      const timing = {
        failureBackoff: { baseMs: 1000 * timeScale, capMs: 30_000 * timeScale },
        requestTimeoutMs: 10_000 * timeScale,
      };
      const windowMs = 30_000 * timeScale;
      if (visit === 'a cached visit') {
        const earlier = await rig.openTab();
        const healthy = await rig.settle(this.name, []);
        if (healthy.mismatch) return healthy;
        await rig.closeTab(earlier);
      }
      await failure.begin(rig, timeScale);
      const start = Date.now();
      const page = await rig.openTab({
        connected: false,
        fresh: visit === 'a first visit',
        unreachable: failure.refused ?? false,
        record: true,
        timing,
      });
      const sent = await rig.burst('while the server fails', 3);
      // Once its next try is due past the window, nothing more can fall in it.
      await page.waitForFunction(
        (end) => (window.pdChaos.state().retryAt ?? 0) > end,
        { polling: 50, timeout: windowMs * 4 + 15_000 },
        start + windowMs,
      );
      const inWindow = rig.sent(page).filter((request) => request.at <= start + windowMs);
      const allowed = 1 + probesWithin(windowMs, timing.failureBackoff);
      await failure.end(rig, page);
      // The requests sent after the server recovered: those the page sends after a round trip to it made
      // now. Not by the clock: a request is recorded when its event reaches this process, which lags
      // behind the page under load (one sent before the recovery, timed out, counted as after it).
      await page.evaluate(() => 0);
      const recovered = rig.sent(page).length;
      const report = await rig.settle(this.name, sent, 30_000);
      const failedSince = rig
        .sent(page)
        .slice(recovered)
        .filter((request) => request.answered === false);
      const mismatch =
        report.mismatch ??
        (inWindow.length > allowed
          ? `${inWindow.length} API requests in the window, the schedule allows ${allowed}: ${inWindow.map((r) => r.path).join(', ')}`
          : failedSince.length > 0
            ? `requests failed after the server recovered: ${failedSince.map((r) => r.path).join(', ')}`
            : null);
      return { ...report, mismatch };
    },
  })),
);

/** Every scenario, in the order they run (the verbs' last: they move the server's clock for good). */
export const ALL_SCENARIOS: readonly Scenario[] = [
  ...SCENARIOS,
  ...STARTUP_SCENARIOS,
  ...OFFLINE_SCENARIOS,
  ...FAILING_SERVER_SCENARIOS,
  ...VERB_SCENARIOS,
];

/** Runs every scenario on a fresh demo store; collects the reports. */
export async function runScenarios(
  rig: ChaosRig,
  options: ScenarioOptions,
  only: (name: string) => boolean = () => true,
): Promise<Report[]> {
  const reports: Report[] = [];
  // Every tab's client waits between probes on the scenarios' time scale.
  rig.timing = { failureBackoff: { baseMs: 1000 * options.timeScale, capMs: 30_000 * options.timeScale } };
  for (const scenario of ALL_SCENARIOS.filter((candidate) => only(candidate.name))) {
    await rig.reset();
    reports.push(
      await scenario.run(rig, options).catch((error: unknown) => ({
        scenario: scenario.name,
        eventsSent: 0,
        eventsShown: 0,
        actionsMade: 0,
        actionsConfirmed: 0,
        actionsFailed: 0,
        mismatch: `the scenario failed: ${String(error).split('\n')[0]}`,
      })),
    );
  }
  await rig.reset();
  return reports;
}
