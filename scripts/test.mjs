// `npm test`: every suite (node's test runner, then @web/test-runner in Chromium,
// Firefox and WebKit, one engine after the other), ending with one plain totals line
// "N passed, N failed[, N skipped]" over all of them (CI reads that last line).
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
/** Each suite's counts and failed tests, for the summary. */
const suites = [];

/** A runner's counts; a runner that failed without reporting a failed test counts as one failure. */
function countsOf(exitStatus, countsFile) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [], ...readCounts(countsFile) };
  if (exitStatus !== 0 && counts.failed === 0) {
    counts.failed++;
    counts.failures.push(`the runner exited with ${exitStatus} and reported no failed test`);
  }
  return counts;
}

/** Adds a suite's counts to the totals and the summary. */
function addSuite(name, counts) {
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  suites.push({ name, ...counts });
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
const nodeRun = spawnSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs',
    `--test-reporter-destination=${RESULTS}/node.json`,
    ...nodeFiles,
  ],
  { stdio: 'inherit' },
);
addSuite('node', countsOf(nodeRun.status, `${RESULTS}/node.json`));

// 2. Browser suites, in each engine in turn (two cores: one browser at a time).
const browserFiles = testFiles('packages', true);
/**
 * WebKit's MiniBrowser has dropped its WebDriver session a dozen files into a run
 * (always at a file's start, never in a test): it gets a fresh browser every 6 files.
 */
const BATCH = { webkit: 6 };

/** Runs `files` in `engine`; a runner that stops without reporting a failed test lost its browser, and runs once more. */
function runBatch(engine, files, results) {
  const run = () => {
    rmSync(results, { force: true });
    const args = [
      '--conditions=source',
      'node_modules/@web/test-runner/dist/bin.js',
      '--config',
      'web-test-runner.config.js',
    ];
    return spawnSync(process.execPath, [...args, '--files', ...files], {
      stdio: 'inherit',
      env: { ...process.env, PD_BROWSER: engine, PD_TEST_RESULTS: results },
    });
  };
  let status = run().status;
  let rerun = false;
  // A test that fails is never run again: only a runner that reported no failure.
  if (status !== 0 && !(readCounts(results)?.failed > 0)) {
    console.log(
      `\n── ${ENGINE_NAMES[engine]} stopped without reporting a failed test (its browser went away): once more ──\n`,
    );
    status = run().status;
    rerun = true;
  }
  return { counts: countsOf(status, results), rerun };
}

if (browserFiles.length > 0) {
  for (const engine of ENGINES) {
    const name = ENGINE_NAMES[engine];
    if (!hasEngine(engine)) {
      console.error(`\n${installHint(engine)}\n`);
      addSuite(name, { passed: 0, failed: 1, skipped: 0, failures: [installHint(engine)] });
      continue;
    }
    console.log(`\n── Browser tests in ${name} ──\n`);
    const size = BATCH[engine] ?? browserFiles.length;
    const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
    let reruns = 0;
    for (let at = 0; at < browserFiles.length; at += size) {
      const batch = runBatch(engine, browserFiles.slice(at, at + size), `${RESULTS}/browser-${engine}-${at}.json`);
      for (const key of Object.keys(totals)) counts[key] += batch.counts[key];
      counts.failures.push(...batch.counts.failures);
      if (batch.rerun) reruns++;
    }
    addSuite(
      reruns ? `${name} (${reruns} batch${reruns > 1 ? 'es' : ''} run twice: the browser went away)` : name,
      counts,
    );
  }
}

console.log('\nBy suite (passed / failed / skipped):');
for (const suite of suites) {
  console.log(`  ${suite.name.padEnd(9)} ${suite.passed} / ${suite.failed} / ${suite.skipped}`);
  for (const failure of suite.failures) console.log(`    ✗ ${suite.name}: ${failure}`);
}
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
