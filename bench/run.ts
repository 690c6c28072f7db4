/**
 * `npm run bench`: sizes (ours and the peers'), the elements in Chromium, the
 * store, the reference server under load, the requests of a page load (ours
 * and the peers'), offline first (the bell from the persisted cache, and its
 * size), and what a page sends while the API is down. Writes bench/results.json and prints the tables (the
 * same ones docs/benchmarks.md shows, rewritten after a full run).
 * `npm run bench -- --only=size,store` runs some sections and only prints them.
 * Timings are medians of several runs after a warm-up, with min and max.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { findChrome } from '../scripts/browsers.mjs';
import { benchBrowser } from './browser.js';
import { benchOffline } from './offline.js';
import { benchOutage } from './outage.js';
import { benchPeers } from './peers.js';
import { benchServer } from './server.js';
import { BUDGETS, OUR_ENTRIES, measure } from './size.js';
import { formattedFigures, writeFigures, type Results } from './markdown.js';
import { benchRequests } from './requests.js';
import { benchStore } from './store.js';

const SECTIONS = ['size', 'peers', 'browser', 'store', 'server', 'requests', 'offline', 'outage'] as const;
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

/** Timings stretch when other work shares the cores: the 1-minute load average, at the start and the end of the run. */
function oneMinuteLoad(): number {
  return Math.round(loadavg()[0]! * 10) / 10;
}

const load = { start: oneMinuteLoad(), end: 0 };
const results: Results = { date: new Date().toISOString(), machine: { ...machine(), load } };

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
if (wanted('requests')) results.requests = await benchRequests();
if (wanted('offline')) results.offline = await benchOffline();
if (wanted('outage')) results.outage = await benchOutage();

load.end = oneMinuteLoad();
console.log(await formattedFigures(results));
// A partial run writes nothing: results.json and the docs hold one full run's figures.
if (!only) {
  // Formatted as the linter wants it (short lists of requests on one line).
  const resultsFile = new URL('results.json', import.meta.url).pathname;
  const prettierOptions = (await resolveConfig(resultsFile)) ?? {};
  writeFileSync(
    resultsFile,
    await format(JSON.stringify(results, null, 2), { ...prettierOptions, filepath: resultsFile }),
  );
  await writeFigures(results);
  console.log('\nwritten: bench/results.json and the figures of docs/benchmarks.md');
}
