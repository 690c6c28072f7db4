/**
 * `npm run bench`: sizes (ours and the peers'), the elements in Chromium, the
 * store, and the reference server under load. Writes bench/results.json and
 * prints a table. `npm run bench -- --only=size,store` runs some sections.
 * Timings are medians of several runs after a warm-up, with min and max.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { findChrome } from '../scripts/find-chrome.mjs';
import { benchBrowser, type BrowserResults } from './browser.js';
import { benchPeers, type PeerResult } from './peers.js';
import { benchServer, type ServerResults } from './server.js';
import { BUDGETS, OUR_ENTRIES, measure, type Size } from './size.js';
import { writeFigures, type FullResults } from './markdown.js';
import { kb, ms, type Percentiles, type Summary } from './stats.js';
import { benchStore, type StoreResults } from './store.js';

const SECTIONS = ['size', 'peers', 'browser', 'store', 'server'] as const;
type Section = (typeof SECTIONS)[number];

const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const unknown = only?.filter((name) => !SECTIONS.includes(name as Section));
if (unknown?.length) {
  console.error(`unknown section(s): ${unknown.join(', ')}; choose among ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (section: Section) => !only || only.includes(section);

function machine() {
  const chrome = findChrome();
  let chromium: string | null;
  try {
    chromium = chrome
      ? execFileSync(chrome, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
      : null;
  } catch {
    chromium = null;
  }
  return {
    os: `${platform()} ${release()} ${arch()}`,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    chromium,
  };
}

interface Results {
  date: string;
  machine: ReturnType<typeof machine>;
  size?: Record<string, Size & { budget?: number }>;
  peers?: PeerResult[];
  browser?: BrowserResults;
  store?: StoreResults;
  server?: ServerResults;
}

const results: Results = { date: new Date().toISOString(), machine: machine() };

if (wanted('size') || wanted('peers')) {
  results.size = {};
  for (const [name, code] of Object.entries(OUR_ENTRIES)) {
    const budget = BUDGETS[name as keyof typeof OUR_ENTRIES];
    results.size[name] = { ...(await measure(code)), ...(budget ? { budget } : {}) };
  }
}
if (wanted('peers')) results.peers = await benchPeers();
if (wanted('browser')) results.browser = await benchBrowser();
if (wanted('store')) results.store = await benchStore();
if (wanted('server')) results.server = await benchServer();

writeFileSync(new URL('results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
print(results);
console.log('\nwritten: bench/results.json');
if (!only) {
  await writeFigures(results as FullResults);
  console.log('written: the figures of docs/benchmarks.md');
}

function table(title: string, head: string[], rows: string[][]): void {
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

function timing(summary: Summary): string[] {
  return [ms(summary.median), ms(summary.min), ms(summary.max)];
}

function spread(p: Percentiles): string[] {
  return [ms(p.p50), ms(p.p95), ms(p.max), String(p.count)];
}

function print(r: Results): void {
  const m = r.machine;
  console.log(
    `pd-notify benchmarks, ${r.date}\n${m.os}; ${m.cpu}; ${m.memoryGb} GB; Node ${m.node}; ${m.chromium ?? 'no Chromium'}`,
  );
  if (r.size) {
    table(
      'Size (KB; minified ESM with every dependency; what a page loads at start)',
      ['entry', 'min', 'gzip', 'brotli', 'budget (gzip)', 'on demand (min)'],
      Object.entries(r.size).map(([name, s]) => [
        name,
        kb(s.min),
        kb(s.gzip),
        kb(s.brotli),
        s.budget ? `${kb(s.budget)} ${s.gzip <= s.budget ? 'ok' : 'OVER'}` : '',
        s.lazy ? kb(s.lazy) : '',
      ]),
    );
  }
  if (r.peers && r.size) {
    const ours = { client: r.size.client!, inbox: r.size['pd-activity-feed']! };
    table(
      'Peers (same bundler settings; ratio = their gzip ÷ ours: our client, or our <pd-activity-feed>)',
      ['peer', 'versions', 'min', 'gzip', 'ratio'],
      r.peers.map((peer) => [
        peer.name,
        Object.values(peer.versions).join(', '),
        kb(peer.size.min),
        kb(peer.size.gzip),
        `${(peer.size.gzip / ours[peer.kind].gzip).toFixed(1)}×`,
      ]),
    );
  }
  if (r.browser) {
    const b = r.browser;
    table(
      'Feed in Chromium: mount to painted rows (ms)',
      ['notifications', 'median', 'min', 'max'],
      Object.entries(b.render).map(([count, s]) => [count, ...timing(s)]),
    );
    table(
      'Scrolling 10,000 rows, 180 px per frame (ms between frames)',
      ['', 'p50', 'p95', 'max', 'frames'],
      [['frame interval', ...spread(b.scroll.frameIntervals)]],
    );
    console.log(`frames over 50 ms: ${b.scroll.longFrames}; most rows in the DOM at once: ${b.scroll.maxRowsInDom}`);
    console.log(
      `JS heap: ${b.heap.baselineMb} MB before, ${b.heap.with10kMb} MB with a 10,000-row feed (${b.heap.forTheFeedMb} MB for it)`,
    );
    table(
      'Realtime: server emits → bell shows it (ms)',
      ['transport', 'p50', 'p95', 'max', 'events'],
      [
        ['SSE', ...spread(b.latency.sse)],
        ['polling (every 250 ms)', ...spread(b.latency.polling)],
      ],
    );
  }
  if (r.store) {
    table(
      'Store (ms)',
      ['', 'median', 'min', 'max'],
      [
        ['apply 10,000 stream events', ...timing(r.store.applyEvents)],
        ['merge a 10,000-item resync', ...timing(r.store.mergeResync)],
      ],
    );
  }
  if (r.server) {
    table(
      'Reference server: one event to N open streams (ms until each has it)',
      ['streams', 'p50', 'p95', 'max', 'deliveries'],
      Object.entries(r.server.fanOut).map(([count, p]) => [count, ...spread(p)]),
    );
    console.log(`GET /v1/notifications?limit=20: ${r.server.listRequestsPerSecond} requests/s (32 concurrent)`);
  }
}
