/**
 * The figures of a `npm run bench` run as Markdown tables: printed by the run,
 * and, after a full run, written into docs/benchmarks.md (between the figures
 * markers) so the page always shows the last numbers and their machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import type { BrowserResults } from './browser.js';
import type { OfflineResults } from './offline.js';
import type { SsrResults } from './ssr.js';
import type { OutageResults } from './outage.js';
import type { PeerResult } from './peers.js';
import type { RequestCase, RequestResults } from './requests.js';
import type { ServerResults, Throughput } from './server.js';
import type { Size } from './size.js';
import { kb, ms, type Percentiles, type Summary } from './stats.js';
import type { StoreResults } from './store.js';

/** A run's results: the sections it ran. */
export interface Results {
  date: string;
  machine: {
    os: string;
    cpu: string;
    memoryGb: number;
    node: string;
    chromium: string | null;
    /** The 1-minute load average when the run started and ended (absent from older runs). */
    load?: { start: number; end: number };
  };
  size?: Record<string, Size & { budget?: number }>;
  /** Each language's texts, loaded on demand. */
  languages?: Record<string, Size>;
  peers?: PeerResult[];
  browser?: BrowserResults;
  store?: StoreResults;
  server?: ServerResults;
  requests?: RequestResults;
  offline?: OfflineResults;
  outage?: OutageResults;
  ssr?: SsrResults;
  /** Sections measured again alone (`--only`) since the run above: the date of each. */
  remeasured?: Record<string, string>;
}

const DOC = new URL('../docs/benchmarks.md', import.meta.url);
const START = '<!-- figures:start (written by npm run bench) -->';
const END = '<!-- figures:end -->';

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const timing = (s: Summary) => [ms(s.median), ms(s.min), ms(s.max)];
const spread = (p: Percentiles) => [ms(p.p50), ms(p.p95), ms(p.max), p.count.toLocaleString('en')];

const isSocket = (line: string) => line.startsWith('WebSocket ');
/** A case's count: HTTP requests (the event stream is one), plus WebSockets when there are any; per tab when several. */
function requestCount(c: RequestCase): string {
  const count = (lines: string[]) => {
    const sockets = lines.filter(isSocket).length;
    return `${lines.length - sockets}${sockets ? ` + ${sockets} WebSocket` : ''}`;
  };
  const all = c.tabs.flatMap((tab) => tab.requests);
  return c.tabs.length > 1 ? `${count(all)} (${c.tabs.map((tab) => count(tab.requests)).join(' + ')})` : count(all);
}
/** A list of requests as code, ids in paths shown as placeholders. */
const requestList = (lines: string[]) =>
  lines.map((line) => `\`${line.replace(/\/users\/[^/]+\/feeds\/[^/]+$/, '/users/{user}/feeds/{feed}')}\``).join(', ');

/** A section's heading, with the date it was measured again when a partial run replaced it. */
function heading(r: Results, section: keyof Results, title: string): string[] {
  const again = r.remeasured?.[section];
  return again
    ? ['', `### ${title}`, '', `Measured again on ${again.slice(0, 10)}, alone (\`--only=${section}\`).`]
    : ['', `### ${title}`];
}

export function figuresMarkdown(r: Results): string {
  const m = r.machine;
  const lines = [
    `Measured ${r.date.slice(0, 10)} on ${m.os}, ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, ${m.chromium ?? 'no Chromium'}${m.load ? `; 1-minute load average ${m.load.start} at the start, ${m.load.end} at the end` : ''}.`,
  ];
  if (r.size) {
    lines.push(
      ...heading(r, 'size', 'Size'),
      '',
      'KB of what a page loads at start: minified ESM with every dependency bundled (Lit included), gzip -9 and brotli -11. "On demand" is code behind a dynamic `import()`, loaded only when needed: the other languages’ texts, the preferences editor, and the tab-sharing fallback for pages without Web Locks.',
      '',
      row(['entry', 'min', 'gzip', 'brotli', 'budget (gzip)', 'on demand (min)']),
      row(['---', '--:', '--:', '--:', '--:', '--:']),
      ...Object.entries(r.size).map(([name, s]) =>
        row([
          name,
          kb(s.min),
          kb(s.gzip),
          kb(s.brotli),
          s.budget ? `${kb(s.budget)} ${s.gzip <= s.budget ? '✓' : 'over'}` : '',
          s.lazy ? kb(s.lazy) : '',
        ]),
      ),
    );
  }
  if (r.languages) {
    lines.push(
      '',
      'Each language beyond English loads on demand, the first time an element shows it; its pack is its five text tables (the shared texts, the inbox verbs’, browser notifications’, the help view’s and the preferences form’s), each loaded with the element that uses it:',
      '',
      row(['language', 'min', 'gzip', 'brotli']),
      row(['---', '--:', '--:', '--:']),
      ...Object.entries(r.languages).map(([language, s]) => row([language, kb(s.min), kb(s.gzip), kb(s.brotli)])),
    );
  }
  if (r.peers && r.size) {
    const ours = { client: r.size.client!.gzip, inbox: r.size['pd-activity-feed']!.gzip };
    lines.push(
      ...heading(r, 'peers', 'Peers'),
      '',
      row(['peer', 'versions', 'min', 'gzip', 'ratio']),
      row(['---', '---', '--:', '--:', '--:']),
      ...r.peers.map((p) =>
        row([
          p.name,
          Object.entries(p.versions)
            .map(([name, version]) => `${name} ${version}`)
            .join(', '),
          kb(p.size.min),
          kb(p.size.gzip),
          `${(p.size.gzip / ours[p.kind]).toFixed(1)}×`,
        ]),
      ),
    );
  }
  const b = r.browser;
  if (b) {
    lines.push(
      ...heading(r, 'browser', 'The feed in Chromium'),
      '',
      'Mounting an inline feed to the frame that paints its rows (ms, median of 7 after 2 warm-ups):',
      '',
      row(['notifications', 'median', 'min', 'max']),
      row(['--:', '--:', '--:', '--:']),
      ...Object.entries(b.render).map(([count, s]) => row([Number(count).toLocaleString('en'), ...timing(s)])),
      '',
      `Scrolling the 10,000-row feed by 180 px each frame for 300 frames: frame interval p50 ${ms(b.scroll.frameIntervals.p50)} ms, p95 ${ms(b.scroll.frameIntervals.p95)} ms, max ${ms(b.scroll.frameIntervals.max)} ms; ${b.scroll.longFrames} frames over 50 ms; at most ${b.scroll.maxRowsInDom} rows in the DOM at once.`,
      '',
      `JS heap after a full GC: ${b.heap.baselineMb} MB before, ${b.heap.with10kMb} MB with a 10,000-row feed mounted (${b.heap.forTheFeedMb} MB for it: the notifications in the store and the rendered rows).`,
      '',
      '### Realtime latency',
      '',
      row(['transport', 'p50', 'p95', 'max', 'events']),
      row(['---', '--:', '--:', '--:', '--:']),
      row(['SSE', ...spread(b.latency.sse)]),
      row(['polling every 250 ms', ...spread(b.latency.polling)]),
    );
  }
  if (r.store) {
    lines.push(
      ...heading(r, 'store', 'Store'),
      '',
      row(['', 'median', 'min', 'max']),
      row(['---', '--:', '--:', '--:']),
      row(['apply 10,000 stream events (parse, check, insert in order, publish)', ...timing(r.store.applyEvents)]),
      row(['merge a 10,000-item resync page into 10,000 loaded items', ...timing(r.store.mergeResync)]),
    );
  }
  const sv = r.server;
  if (sv) {
    const { reference, trivial } = sv.list;
    const perSecond = (t: Throughput) => t.requestsPerSecond.toLocaleString('en');
    lines.push(
      ...heading(r, 'server', 'Reference server'),
      '',
      `1-minute load average ${sv.load.start} when this section started, ${sv.load.end} when it ended.`,
      '',
      'One notification to N open streams of one user (5 rounds), ms:',
      '',
      row(['streams', 'p50', 'p95', 'p99', 'max', 'deliveries']),
      row(['--:', '--:', '--:', '--:', '--:', '--:']),
      ...Object.entries(sv.fanOut).map(([count, p]) =>
        row([
          Number(count).toLocaleString('en'),
          ms(p.p50),
          ms(p.p95),
          ms(p.p99),
          ms(p.max),
          p.count.toLocaleString('en'),
        ]),
      ),
      '',
      `\`GET /v1/notifications?limit=20\` (${kb(sv.list.bodyBytes)} KB) from ${sv.list.connections} keep-alive connections, median of ${sv.list.rounds} rounds of ${sv.list.secondsPerRound} s, beside a plain \`node:http\` server answering the same bytes, in alternate rounds:`,
      '',
      row(['server', 'requests/s', 'CPU µs per request']),
      row(['---', '--:', '--:']),
      row(['reference server', perSecond(reference), reference.cpuUsPerRequest]),
      row(['plain node:http', perSecond(trivial), trivial.cpuUsPerRequest]),
      row([
        'reference / plain',
        (reference.requestsPerSecond / trivial.requestsPerSecond).toFixed(2),
        `${(reference.cpuUsPerRequest / trivial.cpuUsPerRequest).toFixed(1)}×`,
      ]),
      '',
      `Memory per open stream (${sv.memoryPerStream.streams.toLocaleString('en')} streams, after a full GC): ${sv.memoryPerStream.heapKb} KB of JS heap and external memory.`,
    );
  }
  const q = r.requests;
  if (q) {
    const peers = q.peers;
    const short = (peer: (typeof peers)[number]) => peer.name.split(' ')[0]!;
    const peerCell = (name: 'bell' | 'bellAndFeed') => peers.map((peer) => requestCount(peer[name]));
    const listed = (name: 'bell' | 'bellAndFeed') =>
      [
        `pd-notify ${requestList(q.ours[name].tabs[0]!.requests)}`,
        ...peers.map((peer) => `${short(peer)} ${requestList(peer[name].tabs[0]!.requests)}`),
      ].join('; ');
    const others = [...q.ours.demoThreeTabs.tabs.slice(1), ...q.ours.demoThreeTabsAtOnce.tabs.slice(1)].map(
      (tab) => requestList(tab.requests) || 'none',
    );
    const joining = others.every((list) => list === others[0])
      ? `each of the others makes ${others[0]}`
      : others.map((list, index) => `tab ${index + 2} makes ${list}`).join('; ');
    const host = [...new Set(q.ours.demo.tabs[0]!.host)];
    lines.push(
      '',
      '### Requests of a page load',
      '',
      "Requests from opening the page until it shows the server's data with its realtime link up: HTTP requests (an event stream is one) and WebSockets.",
      '',
      row([
        'page',
        'pd-notify',
        ...peers.map(
          (peer) =>
            `${short(peer)} (${Object.entries(peer.versions)
              .map(([name, version]) => `${name} ${version}`)
              .join(', ')})`,
        ),
      ]),
      row(['---', '--:', ...peers.map(() => '--:')]),
      row(['a bell', requestCount(q.ours.bell), ...peerCell('bell')]),
      row(["a bell and the feed's first page", requestCount(q.ours.bellAndFeed), ...peerCell('bellAndFeed')]),
      row(['the demo page, one tab (a fresh profile)', requestCount(q.ours.demo), ...peers.map(() => '')]),
      row(['the demo page, reloaded (its persisted cache)', requestCount(q.ours.demoReload), ...peers.map(() => '')]),
      row([
        'the demo page, three tabs, each settled first',
        requestCount(q.ours.demoThreeTabs),
        ...peers.map(() => ''),
      ]),
      row([
        'the demo page, three tabs opened together',
        requestCount(q.ours.demoThreeTabsAtOnce),
        ...peers.map(() => ''),
      ]),
      '',
      `- A bell: ${listed('bell')}.`,
      `- A bell and the feed's first page: ${listed('bellAndFeed')}.`,
      `- The demo page: ${requestList(q.ours.demo.tabs[0]!.requests)}. Reloaded, with what the first visit persisted: ${requestList(q.ours.demoReload.tabs[0]!.requests)}. In three tabs, the first makes the same ones as one tab; ${joining}, whether they open once it has settled or while it is still loading. The demo's own script also asks for ${requestList(host)} for its tracks table on load and every 5 s (not counted: the host page's, not pd-notify's).`,
    );
  }
  const o = r.offline;
  if (o) {
    lines.push(
      ...heading(r, 'offline', 'Offline first'),
      '',
      `From navigation to the bell showing its count, every API request ${o.latencyMs} ms slow (the control API's \`latencyMs\`):`,
      '',
      row(['visit', 'median', 'min', 'max']),
      row(['---', '--:', '--:', '--:']),
      row(['first (nothing persisted)', ...timing(o.bell.firstVisit)]),
      row(['the next (the persisted cache)', ...timing(o.bell.cached)]),
      '',
      `${o.storage.notifications} notifications persisted: ${kb(o.storage.entryBytes)} KB as JSON; the browser reports ${kb(o.storage.usageBytes)} KB of storage used by the origin (Chromium compresses IndexedDB values).`,
    );
  }
  const down = r.outage;
  if (down) {
    lines.push(
      '',
      '### While the API is down',
      '',
      `API requests of the demo page in ${down.outageMs / 1000} s of outage, in Chromium: pd-notify's, and the host page's own (its tracks table, every 5 s).`,
      '',
      row(['visit', 'pd-notify', 'which', "the host page's"]),
      row(['---', '--:', '---', '--:']),
      ...down.cases.map((c) =>
        row([
          c.visit,
          String(c.ours),
          Object.entries(c.byPath)
            .map(([line, count]) => `\`${line}\` ${count}`)
            .join(', '),
          String(c.host),
        ]),
      ),
    );
  }
  const ssr = r.ssr;
  if (ssr) {
    const shifts = (values: number[]) => [...new Set(values.map((value) => value.toFixed(3)))].join(', ');
    lines.push(
      ...heading(r, 'ssr', 'Server-rendered first paint'),
      '',
      `From navigation to the bell showing the user's unread count, every request of the browser ${ssr.latencyMs} ms slow (examples/ssr):`,
      '',
      row(['page', 'median', 'min', 'max', 'layout shift']),
      row(['---', '--:', '--:', '--:', '--:']),
      row(['rendered on the server', ...timing(ssr.countOnScreen.server), shifts(ssr.layoutShift.server)]),
      row(['rendered in the browser', ...timing(ssr.countOnScreen.client), shifts(ssr.layoutShift.client)]),
    );
  }
  return lines.join('\n');
}

/** Markdown formatted as the linter wants it (tables aligned, so they read in a terminal too). */
async function prettierMarkdown(text: string): Promise<string> {
  const options = (await resolveConfig(DOC.pathname)) ?? {};
  return format(text, { ...options, filepath: DOC.pathname });
}

/** The run's figures, aligned for reading. */
export function formattedFigures(results: Results): Promise<string> {
  return prettierMarkdown(figuresMarkdown(results));
}

/** Replaces the figures between the markers of docs/benchmarks.md (formatted as the linter wants). */
export async function writeFigures(results: Results): Promise<void> {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error('docs/benchmarks.md has lost its figures markers');
  const text = `${doc.slice(0, start + START.length)}\n\n${figuresMarkdown(results)}\n\n${doc.slice(end)}`;
  writeFileSync(DOC, await prettierMarkdown(text));
}
