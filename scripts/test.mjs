// `npm test`: every suite (node's test runner, then @web/test-runner in Chromium),
// ending with one plain totals line "N passed, N failed" over all of them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { INSTALL_HINT, findChrome } from './find-chrome.mjs';

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

/** Adds a suite's counts; a runner that failed without reporting a failed test counts as one failure. */
function addSuite(exitStatus, countsFile) {
  const counts = readCounts(countsFile) ?? { passed: 0, failed: 0, skipped: 0 };
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  if (exitStatus !== 0 && counts.failed === 0) totals.failed++;
}

// 1. Node-side suites.
const nodeFiles = [
  ...testFiles('packages', false),
  ...testFiles('examples', false),
  ...testFiles('stories', false),
  ...testFiles('bench', false),
  ...testFiles('chaos', false),
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
addSuite(nodeRun.status, `${RESULTS}/node.json`);

// 2. Browser suites in Chromium.
const browserFiles = testFiles('packages', true);
if (browserFiles.length > 0) {
  const chrome = findChrome();
  if (!chrome) {
    console.error(`\n${INSTALL_HINT}\n`);
    totals.failed++;
  } else {
    const run = spawnSync(
      process.execPath,
      ['--conditions=source', 'node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.js'],
      {
        stdio: 'inherit',
        env: { ...process.env, CHROME_PATH: chrome, PD_TEST_RESULTS: `${RESULTS}/browser.json` },
      },
    );
    addSuite(run.status, `${RESULTS}/browser.json`);
  }
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
