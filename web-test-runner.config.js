// Browser tests (`*.browser.test.ts`) in real Chromium, against a reference server
// started for the run (control API on). Tests read its URL from `window.PD_SERVER_URL`.
import { writeFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';
import { CHROME_ARGS, INSTALL_HINT, findChrome } from './scripts/find-chrome.mjs';

register();
const chrome = findChrome();
if (!chrome) throw new Error(INSTALL_HINT);

let server;
const referenceServer = {
  name: 'pd-reference-server',
  async serverStart() {
    const { startServer } = await import('./packages/mock-server/src/index.ts');
    server = await startServer({ seed: 'demo', control: true, heartbeatMs: 1000, rateLimit: false });
  },
  async serverStop() {
    await server?.close();
  },
};

/** Writes the run's totals for scripts/test.mjs (PD_TEST_RESULTS). */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else counts.failed++;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && session.errors.length > 0) counts.failed++;
      }
      if (process.env.PD_TEST_RESULTS) writeFileSync(process.env.PD_TEST_RESULTS, JSON.stringify(counts));
    },
  };
}

export default {
  files: ['packages/*/test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: Number(process.env.PD_TESTS_FINISH_TIMEOUT ?? 300_000),
  // PD_TEST_GREP runs only the tests whose title matches (mocha's grep).
  testFramework: {
    config: { timeout: 15_000, ...(process.env.PD_TEST_GREP ? { grep: process.env.PD_TEST_GREP } : {}) },
  },
  plugins: [
    referenceServer,
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: 'tsconfig.wtr.json',
      define: { 'process.env.NODE_ENV': '"development"' },
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"></head><body>
<script>
  window.PD_SERVER_URL = ${JSON.stringify(server?.url ?? '')};
  // The browser reports "ResizeObserver loop completed with undelivered notifications" when a
  // virtualized list measures rows and resizes within one frame: a notice that some resize
  // callbacks moved to the next frame (w3c/csswg-drafts#5488), not an error. Only it is ignored.
  window.addEventListener('error', (event) => {
    if (/^ResizeObserver loop/.test(event.message)) event.stopImmediatePropagation();
  }, { capture: true });
</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  browsers: [chromeLauncher({ launchOptions: { executablePath: chrome, args: CHROME_ARGS } })],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
