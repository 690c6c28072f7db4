/**
 * `npm run bench`: sizes (ours and the peers'), the elements in Chromium, the
 * store, the reference server under load, the requests of a page load (ours
 * and the peers'), offline first (the bell from the persisted cache, and its
 * size), what a page sends while the API is down, and the server-rendered first paint. Writes bench/results.json, prints the tables and rewrites them
 * in docs/benchmarks.md. `npm run bench -- --only=size,store` runs some
 * sections: they replace those of the last results, marked with their date.
 * Timings are medians of several runs after a warm-up, with min and max.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { findChrome } from '../scripts/browsers.mjs';
import { benchBrowser } from './browser.js';
import { benchOffline } from './offline.js';
import { benchOutage } from './outage.js';
import { benchPeers } from './peers.js';
import { benchServer } from './server.js';
import { benchSsr } from './ssr.js';
import { BUDGETS, LANGUAGE_PACKS, OUR_ENTRIES, languagePack, measure } from './size.js';
import { formattedFigures, writeFigures, type Results } from './markdown.js';
import { benchRequests } from './requests.js';
import { oneMinuteLoad } from './stats.js';
import { benchStore } from './store.js';

const SECTIONS = ['size', 'peers', 'browser', 'store', 'server', 'requests', 'offline', 'outage', 'ssr'] as const;
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

const resultsFile = new URL('results.json', import.meta.url).pathname;
const load = { start: oneMinuteLoad(), end: 0 };
const measured: Results = { date: new Date().toISOString(), machine: { ...machine(), load } };

if (wanted('size') || wanted('peers')) {
  measured.size = {};
  for (const [name, code] of Object.entries(OUR_ENTRIES)) {
    const budget = BUDGETS[name as keyof typeof OUR_ENTRIES];
    measured.size[name] = { ...(await measure(code)), ...(budget ? { budget } : {}) };
  }
  measured.languages = {};
  for (const language of LANGUAGE_PACKS) measured.languages[language] = await measure(languagePack(language));
}
if (wanted('peers')) measured.peers = await benchPeers();
if (wanted('browser')) measured.browser = await benchBrowser();
if (wanted('store')) measured.store = await benchStore();
if (wanted('server')) measured.server = await benchServer();
if (wanted('requests')) measured.requests = await benchRequests();
if (wanted('offline')) measured.offline = await benchOffline();
if (wanted('outage')) measured.outage = await benchOutage();
if (wanted('ssr')) measured.ssr = await benchSsr();
load.end = oneMinuteLoad();

/** A partial run replaces its sections of the last results, each marked with the date it was measured again. */
function merged(): Results {
  if (!only || !existsSync(resultsFile)) return measured;
  const last = JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
  const { date, machine: _machine, ...sections } = measured;
  const remeasured = Object.fromEntries(Object.keys(sections).map((section) => [section, date]));
  return { ...last, ...sections, remeasured: { ...last.remeasured, ...remeasured } };
}
const results = merged();

// Formatted as the linter wants it (short lists of requests on one line).
const prettierOptions = (await resolveConfig(resultsFile)) ?? {};
writeFileSync(
  resultsFile,
  await format(JSON.stringify(results, null, 2), { ...prettierOptions, filepath: resultsFile }),
);
console.log(await formattedFigures(measured));
console.log('\nwritten: bench/results.json');
await writeFigures(results);
console.log('written: the figures of docs/benchmarks.md');
