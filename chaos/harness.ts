/**
 * Runs the pd-notify page in Chromium against the reference server, injects
 * faults, and compares what every tab shows with what the server stored.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, HTTPRequest, Page } from 'puppeteer-core';
import type { ClientOptions, Notification } from '@pd-notify/client';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { browserBundle } from '../scripts/browser-bundle.js';
import { scriptPage } from '../scripts/script-page.js';
import { launchChromium } from '../scripts/chromium.js';
import type { Chaos, PageState } from './page.js';

declare global {
  interface Window {
    pdChaos: Chaos;
  }
}

/** One API request a page sent: when, and whether the server answered it (null while waiting). */
export interface SentRequest {
  path: string;
  at: number;
  answered: boolean | null;
}

/** What a scenario did and what the page ended with. */
export interface Report {
  scenario: string;
  eventsSent: number;
  /** Of the events sent, how many the page shows at the end (in every tab). */
  eventsShown: number;
  actionsMade: number;
  /** Actions the page reported done whose effect the server has. */
  actionsConfirmed: number;
  /** Actions the page reported failed (shown to the user; the page rolled them back). */
  actionsFailed: number;
  /** Why the page's final state differs from the server's; null when they agree. */
  mismatch: string | null;
}

interface ServerItem {
  id: string;
  title: string;
  readAt: string | null;
  actionTaken?: string | null;
}

const HEARTBEAT_MS = 500;

/** Request headers that belong to one connection, not passed on when the rig sends a page's request itself. */
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'upgrade']);

/** What each verb leaves on the server's item (docs/protocol.md). */
const VERB_EFFECTS: Record<string, (item: Notification) => boolean> = {
  'bulk read': (item) => item.readAt !== null,
  'bulk unread': (item) => item.readAt === null,
  'bulk seen': (item) => item.seenAt != null,
  'bulk archive': (item) => item.archivedAt != null,
  'bulk unarchive': (item) => item.archivedAt == null,
  snooze: (item) => item.snoozedUntil != null,
};

/** A server, a browser, and the helpers scenarios use. */
export class ChaosRig {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly token = 'demo-alice';
  /** The timing of every tab's client, unless a tab says otherwise. */
  timing: Pick<ClientOptions, 'failureBackoff' | 'requestTimeoutMs'> = {};
  #tabs: Page[] = [];

  private constructor(server: RunningServer, browser: Browser) {
    this.server = server;
    this.browser = browser;
  }

  static async start(): Promise<ChaosRig> {
    const script = await browserBundle(new URL('page.ts', import.meta.url));
    const instrument = readFileSync(new URL('instrument.js', import.meta.url), 'utf8');
    const server = await startServer({
      port: 0,
      seed: 'demo',
      control: true,
      rateLimit: false,
      heartbeatMs: HEARTBEAT_MS,
      retryMs: 200,
      extraHandler: scriptPage('/', [
        { path: '/instrument.js', code: instrument },
        { path: '/chaos.js', code: script, module: true },
      ]),
    });
    const browser = await launchChromium();
    return new ChaosRig(server, browser);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }

  /** Control API call. */
  async control(path: string, body?: unknown, method = 'POST'): Promise<unknown> {
    const response = await fetch(`${this.server.url}/control/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
    return response.json().catch(() => null);
  }

  /** A fresh store (the demo seed by default) and no tabs open. */
  async reset(seed: 'demo' | 'empty' = 'demo'): Promise<void> {
    for (const tab of this.#tabs) await tab.close().catch(() => {});
    this.#tabs = [];
    for (const context of this.#contexts.splice(0)) await context.close().catch(() => {});
    await this.control('reset', { seed });
  }

  #contexts: BrowserContext[] = [];
  #sent = new WeakMap<Page, SentRequest[]>();

  /** The API requests `page` sent since it opened (opened with `record`). */
  sent(page: Page): readonly SentRequest[] {
    return this.#sent.get(page) ?? [];
  }

  #record(page: Page): void {
    const sent: SentRequest[] = [];
    const entries = new Map<unknown, SentRequest>();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith('/v1/')) return;
      const entry = { path, at: Date.now(), answered: null };
      sent.push(entry);
      entries.set(request, entry);
    });
    page.on('response', (response) => {
      const entry = entries.get(response.request());
      if (entry) entry.answered = response.status() < 500;
    });
    page.on('requestfailed', (request) => {
      const entry = entries.get(request);
      if (entry) entry.answered = false;
    });
    this.#sent.set(page, sent);
  }

  /**
   * Opens a tab with the page mounted for Alice; resolves once it is connected
   * and shows the server's state, or at once with `connected: false` (a
   * scenario of faults at startup).
   * `expiredFirst`: the page's token source gives an expired token first.
   * `unreachable`: every request to the API fails as if the server were down,
   * until `restoreApi(page)`. `fresh`: in a browser profile of its own (a first
   * visit: no persisted cache, no other tab). `record`: its API requests are
   * kept for `sent(page)`. `timing`: the client's backoff and request timeout.
   */
  async openTab({
    connected = true,
    expiredFirst = false,
    unreachable = false,
    fresh = false,
    record = false,
    timing = this.timing,
  }: {
    connected?: boolean;
    expiredFirst?: boolean;
    unreachable?: boolean;
    fresh?: boolean;
    record?: boolean;
    timing?: Pick<ClientOptions, 'failureBackoff' | 'requestTimeoutMs'>;
  } = {}): Promise<Page> {
    const context = fresh ? await this.browser.createBrowserContext() : null;
    if (context) this.#contexts.push(context);
    const page = await (context ?? this.browser).newPage();
    if (record) this.#record(page);
    await page.goto(`${this.server.url}/`);
    // Polling by time: hidden tabs get no animation frames, puppeteer's default.
    await page.waitForFunction(() => 'pdChaos' in window, { polling: 100 });
    if (unreachable) await this.cutApi(page);
    await page.evaluate(
      (url, token, expired, clientTiming) =>
        window.pdChaos.mount(url, token, { expiredFirst: expired, timing: clientTiming }),
      this.server.url,
      this.token,
      expiredFirst,
      timing,
    );
    if (connected) {
      // Connected, and showing the server's state (not an earlier visit's, persisted in this browser).
      await page.waitForFunction(
        () => {
          const state = window.pdChaos.state();
          return ['live', 'polling'].includes(state.connection) && state.statuses.at(-1) === 'ready';
        },
        { polling: 100, timeout: 15_000 },
      );
    }
    this.#tabs.push(page);
    return page;
  }

  /** Fails every request of `page` to the API (connection refused) until `restoreApi(page)`. */
  async cutApi(page: Page): Promise<void> {
    await this.#intercept(page);
    this.#cut.add(page);
  }

  /** The API answers `page` again. */
  restoreApi(page: Page): void {
    this.#cut.delete(page);
  }

  /**
   * Sends `page`'s requests to `path` on to the server, but holds the answers
   * back until `release()` (a slow way back): the server has made the change,
   * and what follows it on the stream reaches the page before its answer.
   * `answered(count)` resolves once the server has answered `count` of them
   * (or they failed on the way: the page is then told the request failed).
   */
  async holdAnswers(page: Page, path: string): Promise<{ answered(count: number): Promise<void>; release(): void }> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let answers = 0;
    const waiting = new Set<{ count: number; resolve: () => void }>();
    const answered = () => {
      answers++;
      for (const waiter of waiting) {
        if (answers < waiter.count) continue;
        waiting.delete(waiter);
        waiter.resolve();
      }
    };
    this.#holds.set(page, {
      path,
      pass: async (request) => {
        try {
          const response = await fetch(request.url(), {
            method: request.method(),
            headers: Object.entries(request.headers()).filter(([name]) => !HOP_BY_HOP.has(name)),
            // Chromium leaves a body out of the interception event; it is fetched apart.
            body: request.postData() ?? (await request.fetchPostData()) ?? null,
          }).finally(answered);
          const body = Buffer.from(await response.arrayBuffer());
          await released;
          // The body came decoded: its encoding and length are not the server's any more.
          const headers = [...response.headers].filter(
            ([name]) => !['content-encoding', 'content-length'].includes(name),
          );
          await request.respond({ status: response.status, headers: Object.fromEntries(headers), body });
        } catch {
          await request.abort('failed').catch(() => {});
        }
      },
    });
    await this.#intercept(page);
    return {
      answered: (count) =>
        answers >= count ? Promise.resolve() : new Promise((resolve) => waiting.add({ count, resolve })),
      release: () => {
        this.#holds.delete(page);
        release();
      },
    };
  }

  /** Routes `page`'s requests through the rig (once per page): refused while cut, answers held for `holdAnswers`. */
  async #intercept(page: Page): Promise<void> {
    if (this.#intercepted.has(page)) return;
    this.#intercepted.add(page);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const path = new URL(request.url()).pathname;
      const hold = this.#holds.get(page);
      if (this.#cut.has(page) && path.startsWith('/v1/')) void request.abort('connectionrefused');
      else if (hold && path === hold.path) void hold.pass(request);
      else void request.continue();
    });
  }

  #cut = new Set<Page>();
  #holds = new Map<Page, { path: string; pass: (request: HTTPRequest) => Promise<void> }>();
  #intercepted = new WeakSet<Page>();

  /** Reloads the page and mounts it again (a visit after closing it), without waiting for the connection. */
  async reload(page: Page, { expiredFirst = false } = {}): Promise<void> {
    await page.reload();
    await page.waitForFunction(() => 'pdChaos' in window, { polling: 100 });
    await page.evaluate(
      (url, token, expired, timing) => window.pdChaos.mount(url, token, { expiredFirst: expired, timing }),
      this.server.url,
      this.token,
      expiredFirst,
      this.timing,
    );
  }

  get tabs(): readonly Page[] {
    return this.#tabs;
  }

  async closeTab(page: Page): Promise<void> {
    this.#tabs = this.#tabs.filter((tab) => tab !== page);
    await page.close();
  }

  /** Creates `count` notifications for Alice titled `<prefix> 1…count`, `spacingMs` apart. */
  async burst(prefix: string, count: number, spacingMs = 20): Promise<string[]> {
    const titles: string[] = [];
    for (let i = 1; i <= count; i++) {
      const title = `${prefix} ${i}`;
      await this.control('act', { action: 'notify', userId: 'alice', type: 'comment', title, message: '' });
      titles.push(title);
      if (spacingMs) await new Promise((resolve) => setTimeout(resolve, spacingMs));
    }
    return titles;
  }

  /** Open streams per user, as the server counts them. */
  async streams(): Promise<number> {
    const state = (await this.control('state', undefined, 'GET')) as { streams: Record<string, number> };
    return state.streams.alice ?? 0;
  }

  /** Every notification the server holds for Alice, newest first, and her counts, read from its store (no faults on the way). */
  async truth(): Promise<{ items: ServerItem[]; unread: number }> {
    const store = this.server.store;
    const items: ServerItem[] = [];
    let cursor: string | undefined;
    do {
      const page = store.listNotifications('alice', { limit: 100, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { items, unread: store.counts('alice').unreadNotifications };
  }

  /**
   * Why `state` differs from the server's `truth`, or null. With `window`, the
   * page may hold only the newest notifications (older ones not loaded): they
   * must be the server's newest, in its order.
   */
  static difference(
    state: PageState,
    truth: { items: ServerItem[]; unread: number },
    { window = false } = {},
  ): string | null {
    const ids = state.items.map((item) => item.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (duplicates.length) return `duplicate rows: ${duplicates.join(', ')}`;
    if (state.hasMore && !window) return 'not every page is loaded';
    const expected = window ? truth.items.slice(0, state.items.length) : truth.items;
    const held = new Map(state.items.map((item) => [item.id, item]));
    const missing = expected.filter((item) => !held.has(item.id));
    if (missing.length) return `missing: ${missing.map((item) => item.title).join(', ')}`;
    const stored = new Set(expected.map((item) => item.id));
    const extra = state.items.filter((item) => !stored.has(item.id));
    if (extra.length) return `not on the server: ${extra.map((item) => item.title).join(', ')}`;
    const misplaced = expected.findIndex((item, index) => item.id !== ids[index]);
    if (misplaced >= 0) {
      return `row ${misplaced} is ${state.items[misplaced]!.title}, the server's is ${expected[misplaced]!.title}`;
    }
    const retitled = expected.filter((item) => held.get(item.id)!.title !== item.title);
    if (retitled.length)
      return `titles differ: ${retitled.map((item) => `${item.id} shows “${held.get(item.id)!.title}”`).join(', ')}`;
    const readDiffers = expected.filter((item) => held.get(item.id)!.read !== (item.readAt !== null));
    if (readDiffers.length) return `read flags differ: ${readDiffers.map((item) => item.title).join(', ')}`;
    if (state.unread !== truth.unread) return `unread count ${state.unread}, server ${truth.unread}`;
    const badge = truth.unread === 0 ? '' : truth.unread > 99 ? '99+' : String(truth.unread);
    if (state.badge !== badge) return `badge "${state.badge}", server count ${truth.unread}`;
    if (state.pending > 0) return `${state.pending} change(s) still waiting for the connection`;
    const pending = state.actions.filter((action) => action.outcome === 'pending');
    if (pending.length) return `actions still pending: ${pending.map((a) => `${a.kind} ${a.id}`).join(', ')}`;
    return null;
  }

  /**
   * Waits until every open tab agrees with the server (loading all pages), up
   * to `timeoutMs`; then reports the scenario.
   */
  async settle(scenario: string, sent: string[], timeoutMs = 20_000): Promise<Report> {
    const deadline = Date.now() + timeoutMs;
    let mismatch: string | null = 'not checked';
    let states: PageState[] = [];
    let truth = await this.truth();
    while (Date.now() < deadline) {
      truth = await this.truth();
      states = [];
      for (const tab of this.#tabs) {
        await tab.evaluate(() => window.pdChaos.loadAll());
        states.push(await tab.evaluate(() => window.pdChaos.state()));
      }
      mismatch = states.map((state) => ChaosRig.difference(state, truth)).find((found) => found !== null) ?? null;
      if (!mismatch) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const shown = Math.min(
      ...states.map((state) => sent.filter((title) => state.items.some((item) => item.title === title)).length),
    );
    const actions = states.flatMap((state) => state.actions);
    const onServer = new Map(truth.items.map((item) => [item.id, item]));
    const confirmed = actions.filter(
      (action) =>
        action.outcome === 'done' &&
        (action.kind === 'read'
          ? onServer.get(action.id)?.readAt != null
          : action.kind === 'dismiss'
            ? !onServer.has(action.id)
            : action.kind in VERB_EFFECTS
              ? this.#verbHolds(action.kind, action.changed ?? [])
              : onServer.get(action.id)?.actionTaken === 'accept-invite'),
    ).length;
    const done = actions.filter((action) => action.outcome === 'done').length;
    if (!mismatch && confirmed !== done) mismatch = `${done - confirmed} action(s) reported done are not on the server`;
    return {
      scenario,
      eventsSent: sent.length,
      eventsShown: states.length ? shown : 0,
      actionsMade: actions.length,
      actionsConfirmed: confirmed,
      actionsFailed: actions.filter((action) => action.outcome === 'failed').length,
      mismatch,
    };
  }

  /**
   * Whether the server has a verb's effect on every item its answer changed
   * (archived and snoozed ones included), or a later change of it (another
   * session's, a snooze's wake, a deletion).
   */
  #verbHolds(kind: string, changed: readonly { id: string; version: number }[]): boolean {
    return changed.every((ref) => {
      let item: Notification;
      try {
        item = this.server.store.getNotification('alice', ref.id);
      } catch {
        return true; // deleted since
      }
      return item.version > ref.version || VERB_EFFECTS[kind]!(item);
    });
  }
}

/** The scenario table, as `npm run chaos` prints it. */
export function formatReports(reports: readonly Report[]): string {
  const head = ['scenario', 'events sent', 'shown', 'actions', 'confirmed', 'failed', 'result'];
  const rows = reports.map((r) => [
    r.scenario,
    String(r.eventsSent),
    String(r.eventsShown),
    String(r.actionsMade),
    String(r.actionsConfirmed),
    String(r.actionsFailed),
    r.mismatch ? `MISMATCH: ${r.mismatch}` : 'ok',
  ]);
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
