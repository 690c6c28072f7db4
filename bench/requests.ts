/**
 * What a page load costs in requests: every request a page makes to the API
 * (HTTP under `/v1/`, the event stream included, and any WebSocket) from
 * navigation until the page has settled (it shows the server's data, its
 * realtime link is up, and no request is waiting for its answer), in Chromium
 * against a reference server started for the run. Our pages: a bell alone, a
 * feed (its bell and first page), and the demo host page (`npm start`) in one
 * tab and in three tabs of one browser. The peers' headless clients (Novu,
 * Knock) run the same two first pages against a stub of their endpoints.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { startDemo } from '../examples/vanilla/serve.js';
import { browserBundle } from '../scripts/browser-bundle.js';
import { launchChromium } from '../scripts/chromium.js';
import { installPeers } from './peers.js';

/** The requests of one tab: `METHOD /path` (or `WebSocket /path`) in the order the page opened them. */
export interface TabRequests {
  /** Sent by the client measured (pd-notify's client and elements, or the peer's client). */
  requests: string[];
  /** Sent by the host page's own script (the demo's tracks table), not by the client. */
  host: string[];
}

export interface RequestCase {
  /** What the page is. */
  page: string;
  tabs: TabRequests[];
  /** The client's requests over every tab. */
  total: number;
}

export type OurCase = 'bell' | 'bellAndFeed' | 'demo' | 'demoReload' | 'demoThreeTabs' | 'demoThreeTabsAtOnce';

export interface PeerRequests {
  name: string;
  versions: Record<string, string>;
  bell: RequestCase;
  bellAndFeed: RequestCase;
}

export interface RequestResults {
  ours: Record<OurCase, RequestCase>;
  peers: PeerRequests[];
}

const TOKEN = 'demo-alice';
const BUNDLE = '/pd-notify.js';
/** Matches BUNDLE, and the demo's bundle, whose name carries a hash of its content (examples/vanilla/serve.ts). */
export const OUR_BUNDLE = /^\/pd-notify(\.[0-9a-f]{16})?\.js$/;

/** How long any one wait may take before the run fails (a page that never settles). */
const WAIT_MS = 20_000;

// ---------------------------------------------------------------------------
// Recording a page's requests

interface Recorded {
  line: string;
  byHost: boolean;
  /** Stays open: never waited for. */
  open: boolean;
  done: boolean;
}

/**
 * Records a page's requests from now on: HTTP requests under `/v1/` of
 * `apiOrigin` (fetches, the event stream) and every WebSocket the page opens
 * (through the DevTools protocol: puppeteer does not report them as requests).
 * `bundle` matches the path of the script whose requests are the measured
 * client's; what any other script sends is the host page's own.
 */
export async function record(page: Page, apiOrigin: string, bundle: RegExp) {
  /** In the order the page opened them. */
  const recorded: Recorded[] = [];
  const http = new Map<HTTPRequest, Recorded>();
  const sockets = new Map<string, Recorded>();
  let waiters: (() => void)[] = [];
  const pending = () => recorded.filter((entry) => !entry.done && !entry.open);
  const changed = () => {
    if (pending().length > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };

  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== apiOrigin || !url.pathname.startsWith('/v1/')) return;
    // The first script frame that sent it: the client's bundle, or the host page's own script.
    let stack = request.initiator()?.stack;
    while (stack && stack.callFrames.length === 0) stack = stack.parent;
    const sender = new URL(stack?.callFrames[0]?.url || apiOrigin).pathname;
    const entry = {
      line: `${request.method()} ${url.pathname}`,
      byHost: !bundle.test(sender),
      open: url.pathname === '/v1/events',
      done: false,
    };
    recorded.push(entry);
    http.set(request, entry);
  });
  const finished = (request: HTTPRequest) => {
    const entry = http.get(request);
    if (entry) entry.done = true;
    changed();
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);

  const devtools = await page.createCDPSession();
  devtools.on('Network.webSocketCreated', ({ requestId, url }) => {
    const entry = { line: `WebSocket ${new URL(url).pathname}`, byHost: false, open: false, done: false };
    recorded.push(entry);
    sockets.set(requestId, entry);
  });
  const handshaken = ({ requestId }: { requestId: string }) => {
    const entry = sockets.get(requestId);
    if (entry) entry.done = true;
    changed();
  };
  devtools.on('Network.webSocketHandshakeResponseReceived', handshaken);
  devtools.on('Network.webSocketClosed', handshaken);
  await devtools.send('Network.enable');

  return {
    /**
     * Resolves once no HTTP request but the event stream waits for its answer
     * and every WebSocket has had its handshake; fails after WAIT_MS.
     */
    whenQuiet: (): Promise<void> => {
      if (pending().length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          const lines = pending().map((entry) => entry.line);
          reject(new Error(`still waiting for ${lines.join(', ')} after ${WAIT_MS} ms`));
        }, WAIT_MS);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    requests: (): TabRequests => ({
      requests: recorded.filter((entry) => !entry.byHost).map((entry) => entry.line),
      host: recorded.filter((entry) => entry.byHost).map((entry) => entry.line),
    }),
  };
}

export type Recorder = Awaited<ReturnType<typeof record>>;

/**
 * Names a script can use in a settle condition: `client` (the pd-notify client
 * of the page's provider, asked through the context protocol as the elements
 * ask for it; reading a store does not observe it), `badge(selector)` (an
 * element's badge text), `rows` (the feed's rendered rows) and `peer` (the
 * state a peer's page exposes).
 */
const IN_PAGE = `
  let client;
  const asker = document.querySelector('pd-provider')?.firstElementChild;
  if (asker) {
    const request = new Event('context-request', { bubbles: true, composed: true });
    Object.assign(request, { context: Symbol.for('pd-notify/client'), subscribe: false, callback: (value) => (client = value) });
    asker.dispatchEvent(request);
  }
  const badge = (selector) => document.querySelector(selector)?.shadowRoot?.querySelector('.badge')?.textContent?.trim() ?? '';
  const rows = document.querySelector('pd-activity-feed')?.shadowRoot?.querySelectorAll('article').length ?? 0;
  const peer = window.peer;
`;

/** Waits until `condition` (a script over IN_PAGE's names) holds in the page with no request waiting for an answer. */
export async function settle(page: Page, recorder: Recorder, condition: string): Promise<void> {
  const holds = new Function(`${IN_PAGE}; return Boolean(${condition});`) as () => boolean;
  for (;;) {
    await page.waitForFunction(holds, { timeout: WAIT_MS });
    await recorder.whenQuiet();
    if (await page.evaluate(holds)) return;
  }
}

export interface PageCase {
  page: string;
  url: string;
  apiOrigin: string;
  /** Matches the path of the measured client's script. */
  bundle: RegExp;
  /** When the page has settled (a script over IN_PAGE's names). */
  settled: string;
  /** What a user does once the page is open (opening the feed). */
  act?: (page: Page) => Promise<void>;
  tabs?: number;
  /**
   * `settled` (default): each tab settles before the next opens; `at-once`: every
   * tab opens before any has settled; `reload`: one tab settles, then only its
   * reload is counted (a visit with the persisted cache of the first).
   */
  opening?: 'settled' | 'at-once' | 'reload';
}

/** Loads the page in `tabs` tabs of one fresh browser context (a fresh profile), as `c.opening` says. */
export async function measure(browser: Browser, c: PageCase): Promise<RequestCase> {
  const context = await browser.createBrowserContext();
  try {
    const tabs: { page: Page; recorder: Recorder }[] = [];
    const open = async (): Promise<{ page: Page; recorder: Recorder }> => {
      const page = await context.newPage();
      const recorder = await record(page, c.apiOrigin, c.bundle);
      await page.goto(c.url);
      await c.act?.(page);
      return { page, recorder };
    };
    if (c.opening === 'reload') {
      const first = await open();
      await settle(first.page, first.recorder, c.settled);
      const recorder = await record(first.page, c.apiOrigin, c.bundle);
      await first.page.reload();
      await c.act?.(first.page);
      tabs.push({ page: first.page, recorder });
    } else {
      for (let index = 0; index < (c.tabs ?? 1); index++) {
        const tab = await open();
        tabs.push(tab);
        if (c.opening !== 'at-once') await settle(tab.page, tab.recorder, c.settled);
      }
    }
    // Every tab shows the data, with nothing in flight, once the last one has joined.
    for (const tab of tabs) await settle(tab.page, tab.recorder, c.settled);
    const perTab = tabs.map((tab) => tab.recorder.requests());
    return { page: c.page, tabs: perTab, total: perTab.reduce((sum, tab) => sum + tab.requests.length, 0) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// Our pages

/** A page with every element bundled and `body` inside a provider. */
function pageHtml(origin: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module" src="${BUNDLE}"></script></head>
<body><pd-provider base-url="${origin}" token="${TOKEN}">${body}</pd-provider></body></html>`;
}

const PAGES: Record<string, string> = {
  '/bell.html': '<pd-bell-badge></pd-bell-badge>',
  '/feed.html': '<pd-activity-feed></pd-activity-feed>',
};

/** The reference server (demo seed) serving the bell and feed pages, on one origin. */
export async function startPagesServer(): Promise<RunningServer> {
  const bundle = await browserBundle(new URL('../packages/elements/src/index.ts', import.meta.url));
  return startServer({
    port: 0,
    seed: 'demo',
    control: true,
    rateLimit: false,
    extraHandler: (_request, url) => {
      if (url.pathname === BUNDLE) {
        return new Response(bundle, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
      }
      const body = PAGES[url.pathname];
      if (body === undefined) return undefined;
      return new Response(pageHtml(url.origin, body), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    },
  });
}

/** What the server holds for Alice, asked from Node (not the page's requests). */
export async function serverState(origin: string) {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${origin}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const counts = await get<{ unreadNotifications: number; pendingInvitations: number }>('/v1/counts');
  const page = await get<{ items: unknown[] }>('/v1/notifications?limit=20');
  return { unread: counts.unreadNotifications, pending: counts.pendingInvitations, firstPage: page.items.length };
}

type ServerState = Awaited<ReturnType<typeof serverState>>;

const LIVE = `client?.$connection.get().status === 'live'`;

/** The feed's dropdown, opened as a user does (its rows render only while it is open). */
async function openFeed(page: Page): Promise<void> {
  const bell = 'pd-activity-feed >>> .bell';
  await page.waitForSelector(bell, { timeout: WAIT_MS });
  await page.$eval(bell, (button) => (button as HTMLButtonElement).click());
}

function bellCase(server: RunningServer, state: ServerState): PageCase {
  return {
    page: '<pd-bell-badge> in a <pd-provider>',
    url: `${server.url}/bell.html`,
    apiOrigin: server.url,
    bundle: OUR_BUNDLE,
    settled: `${LIVE} && badge('pd-bell-badge') === '${state.unread}'`,
  };
}

function feedCase(server: RunningServer, state: ServerState): PageCase {
  return {
    page: '<pd-activity-feed> in a <pd-provider>, opened (its bell and its first page)',
    url: `${server.url}/feed.html`,
    apiOrigin: server.url,
    bundle: OUR_BUNDLE,
    settled: `${LIVE} && badge('pd-activity-feed') === '${state.unread}' && rows === ${state.firstPage}`,
    act: openFeed,
  };
}

const OPENINGS = {
  settled: 'each settled before the next opens',
  'at-once': 'opened together',
  reload: 'reloaded once settled (the persisted cache of the first visit)',
} as const;

/** The demo page in `tabs` tabs of one browser, opened as `opening` says. */
export function demoCase(
  server: RunningServer,
  state: ServerState,
  tabs: number,
  opening: keyof typeof OPENINGS = 'settled',
): PageCase {
  const many = `${tabs} tabs of one browser, ${OPENINGS[opening]}`;
  return {
    page: `the demo page (examples/vanilla, npm start), ${tabs === 1 ? (opening === 'reload' ? OPENINGS.reload : 'one tab') : many}`,
    url: `${server.url}/`,
    apiOrigin: server.url,
    bundle: OUR_BUNDLE,
    settled: [
      LIVE,
      `badge('pd-activity-feed') === '${state.unread}'`,
      `badge('pd-bell-badge[counter=invitations]') === '${state.pending}'`,
      `client?.$notifications.get().status === 'ready'`,
      `client?.$invitations.get().status === 'ready'`,
      `client?.$preferences.get().status === 'ready'`,
      `document.querySelectorAll('#tracks tbody tr').length > 0`,
    ].join(' && '),
    tabs,
    opening,
  };
}

/** The bell alone, or the feed with its bell, on a server from `startPagesServer()` (what `npm test` checks). */
export async function measureElement(
  browser: Browser,
  server: RunningServer,
  which: 'bell' | 'bellAndFeed',
): Promise<RequestCase> {
  const state = await serverState(server.url);
  return measure(browser, which === 'bell' ? bellCase(server, state) : feedCase(server, state));
}

// ---------------------------------------------------------------------------
// The peers: their headless clients against a stub of their endpoints

const SCRATCH = new URL('scratch/', import.meta.url);

interface PeerPage {
  name: string;
  packages: string[];
  /** The page's script: sets `window.peer = { count, rows, live }` as the client answers. */
  entry: string;
}

/**
 * Each peer's client as its documentation shows it for a bell (the unread
 * count, kept live) and, with `?feed`, the first page of the feed too.
 */
const PEER_PAGES: PeerPage[] = [
  {
    name: 'Novu (@novu/js)',
    packages: ['@novu/js'],
    // A custom socketUrl makes Novu pick socket.io (self-hosted); `cloud` keeps the WebSocket Novu Cloud uses.
    entry: `import { Novu } from '@novu/js';
const peer = (window.peer = { count: null, rows: null, live: false });
const novu = new Novu({
  applicationIdentifier: 'bench-app',
  subscriberId: 'alice',
  apiUrl: location.origin,
  socketUrl: 'ws://' + location.host + '/novu-socket',
  socketOptions: { socketType: 'cloud' },
});
novu.on('socket.connect.resolved', ({ error }) => (peer.live = !error));
novu.on('notifications.unread_count_changed', ({ result }) => (peer.count = result.total));
novu.notifications.count({ read: false, archived: false }).then(({ data }) => (peer.count = data.count));
if (location.search.includes('feed'))
  novu.notifications.list({ limit: 20 }).then(({ data }) => (peer.rows = data.notifications.length));
`,
  },
  {
    name: 'Knock (@knocklabs/client)',
    packages: ['@knocklabs/client'],
    // The feed request answers the bell too: its metadata carries the unread count.
    entry: `import Knock from '@knocklabs/client';
const peer = (window.peer = { count: null, rows: null, live: false });
const knock = new Knock('pk_test_bench', { host: location.origin });
knock.authenticate('alice', 'bench-user-token');
knock.client().socket.onOpen(() => (peer.live = true));
const feed = knock.feeds.initialize('7d4c5e2a-1b3f-4c6d-9e8f-0a1b2c3d4e5f');
feed.listenForUpdates();
feed.fetch().then(() => {
  const state = feed.getState();
  peer.count = state.metadata.unread_count;
  if (location.search.includes('feed')) peer.rows = state.items.length;
});
`,
  },
];

const peerScript = (index: number) => `/peer-${index}.js`;

/** A WebSocket server's side of the handshake, then `onText` for each text frame (small frames, as these clients send). */
function acceptWebSocket(
  req: IncomingMessage,
  socket: Duplex,
  onText: (text: string, send: (text: string) => void) => void,
) {
  const accept = createHash('sha1')
    .update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
    .digest('base64');
  const protocol = req.headers['sec-websocket-protocol']?.split(',')[0]?.trim();
  socket.write(
    [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${accept}`,
      ...(protocol ? [`Sec-WebSocket-Protocol: ${protocol}`] : []),
      '',
      '',
    ].join('\r\n'),
  );
  const frame = (opcode: number, payload: Buffer) => {
    const length = payload.length;
    const header =
      length < 126
        ? Buffer.from([0x80 | opcode, length])
        : Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff]);
    socket.write(Buffer.concat([header, payload]));
  };
  const send = (text: string) => frame(0x1, Buffer.from(text));
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 2) return;
      const opcode = buffered[0]! & 0x0f;
      let length = buffered[1]! & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      const masked = (buffered[1]! & 0x80) !== 0;
      const start = offset + (masked ? 4 : 0);
      if (buffered.length < start + length) return;
      const payload = Buffer.from(buffered.subarray(start, start + length));
      if (masked) for (let i = 0; i < length; i++) payload[i]! ^= buffered[offset + (i % 4)]!;
      buffered = buffered.subarray(start + length);
      if (opcode === 0x1) onText(payload.toString('utf8'), send);
      else if (opcode === 0x9) frame(0xa, payload);
      else if (opcode === 0x8) {
        frame(0x8, payload);
        socket.end();
      }
    }
  });
  socket.on('error', () => {});
}

interface PeerStub {
  url: string;
  /** Requests the stub had no answer for (the comparison would not be fair). */
  unanswered: string[];
  close(): Promise<void>;
}

/**
 * A stub of the endpoints these clients call, answering plausibly with the
 * same data as our server (`state`): Novu's session, count and notifications;
 * Knock's user feed; each one's WebSocket (Knock's Phoenix channel joins are
 * acknowledged). Serves the peers' pages and scripts on the same origin, as
 * our pages are, so no request is a CORS preflight.
 */
async function startPeerStub(scripts: string[], state: ServerState): Promise<PeerStub> {
  const unanswered: string[] = [];
  const createdAt = (index: number) => new Date(Date.UTC(2026, 10, 23, 9) - index * 3_600_000).toISOString();
  const items = Array.from({ length: state.firstPage }, (_, index) => ({ index, read: index >= state.unread }));
  const novuNotification = ({ index, read }: (typeof items)[number]) => ({
    id: `n${index}`,
    transactionId: `t${index}`,
    subject: `Ben Okafor commented on “Midnight Drive”`,
    body: 'The kick clips at 1:42.',
    to: { id: 's-alice', subscriberId: 'alice' },
    isRead: read,
    isSeen: read,
    isArchived: false,
    isSnoozed: false,
    createdAt: createdAt(index),
    readAt: read ? createdAt(index) : null,
    channelType: 'in_app',
    tags: [],
    data: {},
    severity: 'none',
    workflow: { id: 'w1', identifier: 'comment', name: 'Comment', critical: false, tags: [], severity: 'none' },
  });
  const knockEntry = ({ index, read }: (typeof items)[number]) => ({
    __cursor: `c${index}`,
    __typename: 'FeedItem',
    id: `k${index}`,
    activities: [],
    actors: [{ __typename: 'User', id: 'ben', name: 'Ben Okafor' }],
    blocks: [
      {
        name: 'body',
        type: 'markdown',
        content: 'The kick clips at 1:42.',
        rendered: '<p>The kick clips at 1:42.</p>',
      },
    ],
    data: {},
    inserted_at: createdAt(index),
    updated_at: createdAt(index),
    read_at: read ? createdAt(index) : null,
    seen_at: read ? createdAt(index) : null,
    archived_at: null,
    clicked_at: null,
    interacted_at: null,
    link_clicked_at: null,
    source: { __typename: 'NotificationSource', key: 'comment', version_id: 'v1', categories: [] },
    tenant: null,
    total_activities: 1,
    total_actors: 1,
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const page = /^\/peer-(\d+)\.html$/.exec(url.pathname);
    const script = scripts[Number(/^\/peer-(\d+)\.js$/.exec(url.pathname)?.[1] ?? -1)];
    if (page) {
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="${peerScript(Number(page[1]))}"></script></head><body></body></html>`,
        );
    } else if (script !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (req.method === 'POST' && url.pathname === '/v1/inbox/session') {
      const unreadCount = { total: state.unread, severity: { high: 0, medium: 0, low: 0, none: state.unread } };
      json(201, {
        data: {
          token: 'novu-session-token',
          totalUnreadCount: state.unread,
          unreadCount,
          removeNovuBranding: false,
          isDevelopmentMode: false,
          maxSnoozeDurationHours: 720,
          applicationIdentifier: 'bench-app',
        },
      });
    } else if (req.method === 'GET' && url.pathname === '/v1/inbox/notifications/count') {
      const filters = JSON.parse(url.searchParams.get('filters') ?? '[{}]') as Record<string, unknown>[];
      json(200, { data: filters.map((filter) => ({ count: state.unread, filter })) });
    } else if (req.method === 'GET' && url.pathname === '/v1/inbox/notifications') {
      const limit = Number(url.searchParams.get('limit') ?? 10);
      json(200, { data: items.slice(0, limit).map(novuNotification), hasMore: items.length > limit, filter: {} });
    } else if (req.method === 'GET' && /^\/v1\/users\/[^/]+\/feeds\/[^/]+$/.test(url.pathname)) {
      const pageSize = Number(url.searchParams.get('page_size') ?? 50);
      json(200, {
        entries: items.slice(0, pageSize).map(knockEntry),
        meta: {
          __typename: 'FeedMetadata',
          total_count: items.length,
          unread_count: state.unread,
          unseen_count: state.unread,
        },
        page_info: { __typename: 'PageInfo', after: null, before: null, page_size: pageSize },
      });
    } else {
      unanswered.push(`${req.method} ${url.pathname}`);
      json(404, { error: 'not in the stub' });
    }
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    if (path === '/novu-socket') {
      acceptWebSocket(req, socket, () => {}); // Novu's heartbeat pings need no answer
    } else if (path === '/ws/v1/websocket') {
      // Phoenix (vsn 2): [joinRef, ref, topic, event, payload]; every push (join, heartbeat) is acknowledged.
      acceptWebSocket(req, socket, (text, send) => {
        const [joinRef, ref, topic] = JSON.parse(text) as [string | null, string, string];
        send(JSON.stringify([joinRef, ref, topic, 'phx_reply', { status: 'ok', response: {} }]));
      });
    } else {
      unanswered.push(`WebSocket ${path}`);
      socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the peer stub has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    unanswered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Novu's and Knock's clients, installed into bench/scratch, for a bell and a bell with the feed's first page. */
async function measurePeers(browser: Browser, state: ServerState): Promise<PeerRequests[]> {
  installPeers();
  const scripts: string[] = [];
  for (const [index, peer] of PEER_PAGES.entries()) {
    const entry = new URL(`requests-peer-${index}.js`, SCRATCH);
    writeFileSync(entry, peer.entry);
    scripts.push(await browserBundle(entry));
  }
  const stub = await startPeerStub(scripts, state);
  try {
    const results: PeerRequests[] = [];
    for (const [index, peer] of PEER_PAGES.entries()) {
      const base = {
        apiOrigin: stub.url,
        bundle: new RegExp(`^${peerScript(index).replaceAll('.', '\\.')}$`),
      };
      const bell = await measure(browser, {
        ...base,
        page: `${peer.name}: a bell (the unread count, live)`,
        url: `${stub.url}/peer-${index}.html`,
        settled: `peer.live && peer.count === ${state.unread}`,
      });
      const bellAndFeed = await measure(browser, {
        ...base,
        page: `${peer.name}: a bell and the feed's first page`,
        url: `${stub.url}/peer-${index}.html?feed`,
        settled: `peer.live && peer.count === ${state.unread} && peer.rows === ${state.firstPage}`,
      });
      const versions = Object.fromEntries(
        peer.packages.map((name) => {
          const manifest = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, SCRATCH), 'utf8')) as {
            version: string;
          };
          return [name, manifest.version];
        }),
      );
      results.push({ name: peer.name, versions, bell, bellAndFeed });
    }
    if (stub.unanswered.length) throw new Error(`the peer stub could not answer: ${stub.unanswered.join(', ')}`);
    return results;
  } finally {
    await stub.close();
  }
}

// ---------------------------------------------------------------------------

export async function benchRequests(): Promise<RequestResults> {
  const [pages, demo] = await Promise.all([startPagesServer(), startDemo(0)]);
  const browser = await launchChromium();
  try {
    const demoState = await serverState(demo.url);
    const ours = {
      bell: await measureElement(browser, pages, 'bell'),
      bellAndFeed: await measureElement(browser, pages, 'bellAndFeed'),
      demo: await measure(browser, demoCase(demo, demoState, 1)),
      demoReload: await measure(browser, demoCase(demo, demoState, 1, 'reload')),
      demoThreeTabs: await measure(browser, demoCase(demo, demoState, 3)),
      demoThreeTabsAtOnce: await measure(browser, demoCase(demo, demoState, 3, 'at-once')),
    };
    return { ours, peers: await measurePeers(browser, await serverState(pages.url)) };
  } finally {
    await browser.close();
    await Promise.all([pages.close(), demo.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchRequests(), null, 2));
}
