// `npm test`: every suite (node's test runner, then @web/test-runner in Chromium,
// Firefox and WebKit, one engine after the other), then each suite's counts and duration,
// ending with one plain totals line "N passed, N failed[, N skipped]" over all of them
// (CI reads that last line).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINES, ENGINE_NAMES, hasEngine, installHint } from './browsers.mjs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

function testFiles(dir, browser) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist')
      found.push(...testFiles(path, browser));
    else if (entry.name.endsWith('.test.ts') && entry.name.endsWith('.browser.test.ts') === browser) found.push(path);
  }
  return found.sort();
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Each suite's counts, failed tests and duration, for the summary. */
const suites = [];

/** A runner's counts; a runner that failed without reporting a failed test, or reported nothing, counts as one failure. */
function countsOf(exitStatus, countsFile) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [], ...readCounts(countsFile) };
  if (exitStatus !== 0 && counts.failed === 0) {
    counts.failed++;
    counts.failures.push(`the runner exited with ${exitStatus} and reported no failed test`);
  } else if (readCounts(countsFile) === null) {
    counts.failed++;
    counts.failures.push('the runner reported no results');
  }
  return counts;
}

/** Runs node with `args`, its output shown as it comes: its exit status and how long it took. */
function timed(args, env = {}) {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: run.status, ms: performance.now() - start };
}

/** Adds a suite's counts to the totals and the summary. */
function addSuite(name, counts, ms) {
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  suites.push({ name, ms, ...counts });
}

// 1. Node-side suites.
const nodeFiles = [
  ...testFiles('packages', false),
  ...testFiles('examples', false),
  ...testFiles('stories', false),
  ...testFiles('bench', false),
  ...testFiles('chaos', false),
  ...testFiles('scripts', false),
];
const nodeRun = timed([
  '--conditions=source',
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/node-count-reporter.mjs',
  `--test-reporter-destination=${RESULTS}/node.json`,
  ...nodeFiles,
]);
addSuite('node', countsOf(nodeRun.status, `${RESULTS}/node.json`), nodeRun.ms);

// 2. Browser suites, one engine after the other (two cores: one browser at a time).
const browserFiles = [...testFiles('packages', true), ...testFiles('examples', true), ...testFiles('stories', true)];
/**
 * WebKit's MiniBrowser still drops its WebDriver session now and then ("the browser
 * disconnected", "invalid session id": once in four full runs after the style-sheet crash
 * was fixed), taking the rest of its run with it: it gets a fresh browser every 6 files,
 * and a batch that lost its browser (its only failures are a lost session, or its runner went
 * down reporting nothing) runs once more, named in the summary.
 */
const BATCH = { webkit: 6 };
const LOST_BROWSER = /browser disconnected|invalid session id/i;

/** Runs `files` in `engine` (once more if the browser went away and nothing else failed): counts, time, rerun. */
function runBatch(engine, files, results) {
  const run = () => {
    rmSync(results, { force: true });
    const args = [
      '--conditions=source',
      'node_modules/@web/test-runner/dist/bin.js',
      '--config',
      'web-test-runner.config.js',
    ];
    return timed([...args, '--files', ...files], { PD_BROWSER: engine, PD_TEST_RESULTS: results });
  };
  let done = run();
  let counts = countsOf(done.status, results);
  let ms = done.ms;
  // Lost: the runner reported nothing (it went down with its browser), or only lost sessions.
  const reported = readCounts(results);
  const lost = counts.failed > 0 && (!reported || counts.failures.every((failure) => LOST_BROWSER.test(failure)));
  if (lost) {
    console.log(
      `\n── ${ENGINE_NAMES[engine]}: the browser went away (${counts.failures.join('; ')}): these files once more ──\n`,
    );
    done = run();
    counts = countsOf(done.status, results);
    ms += done.ms;
  }
  return { counts, ms, rerun: lost };
}

if (browserFiles.length > 0) {
  for (const engine of ENGINES) {
    const name = ENGINE_NAMES[engine];
    if (!hasEngine(engine)) {
      console.error(`\n${installHint(engine)}\n`);
      addSuite(name, { passed: 0, failed: 1, skipped: 0, failures: [installHint(engine)] }, 0);
      continue;
    }
    console.log(`\n── Browser tests in ${name} ──\n`);
    const size = BATCH[engine] ?? browserFiles.length;
    const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
    let ms = 0;
    const reruns = [];
    for (let at = 0; at < browserFiles.length; at += size) {
      const files = browserFiles.slice(at, at + size);
      const batch = runBatch(engine, files, `${RESULTS}/browser-${engine}-${at}.json`);
      for (const key of Object.keys(totals)) counts[key] += batch.counts[key];
      counts.failures.push(...batch.counts.failures);
      ms += batch.ms;
      if (batch.rerun) reruns.push(`files ${at + 1}-${at + files.length}`);
    }
    addSuite(name, counts, ms);
    if (reruns.length) suites.at(-1).note = `run twice (the browser went away): ${reruns.join(', ')}`;
  }
}

/** "42.0s", or "3m 07s" from a minute on. */
function duration(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

console.log('\nBy suite (passed / failed / skipped, duration):');
for (const suite of suites) {
  const counts = `${suite.passed} / ${suite.failed} / ${suite.skipped}`;
  console.log(`  ${suite.name.padEnd(9)} ${counts.padEnd(16)} ${duration(suite.ms)}`);
  for (const failure of suite.failures) console.log(`    ✗ ${suite.name}: ${failure}`);
  if (suite.note) console.log(`    ↻ ${suite.name}: ${suite.note}`);
}
console.log(`  ${'in all'.padEnd(9)} ${''.padEnd(16)} ${duration(suites.reduce((sum, suite) => sum + suite.ms, 0))}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
