// Browser tests (`*.browser.test.ts`) in one engine per run, PD_BROWSER: chromium (the
// default), firefox or webkit; `npm test` runs all three, one after the other. Against a
// reference server started for the run (control API on): tests read its URL from
// `window.PD_SERVER_URL`, and the engine from `window.PD_ENGINE`.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { register } from 'tsx/esm/api';
import { CHROME_ARGS, ENGINES, ENGINE_NAMES, findChrome, findFirefox, installHint } from './scripts/browsers.mjs';

register();
const engine = process.env.PD_BROWSER ?? 'chromium';
if (!ENGINES.includes(engine)) throw new Error(`PD_BROWSER=${engine}: choose one of ${ENGINES.join(', ')}`);

/** The launcher of the chosen engine (named as wtr reports it). */
async function launcher() {
  if (engine === 'webkit') return (await import('./scripts/webkit-launcher.mjs')).webkitLauncher();
  const executablePath = engine === 'firefox' ? findFirefox() : findChrome();
  if (!executablePath) throw new Error(installHint(engine));
  const options =
    engine === 'firefox'
      ? { browser: 'firefox', executablePath, headless: true }
      : { executablePath, args: CHROME_ARGS };
  return Object.assign(chromeLauncher({ launchOptions: options }), { name: ENGINE_NAMES[engine] });
}

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

/**
 * The demo host page (examples/vanilla/index.html) on this server's origin, as `npm start` serves
 * it beside the reference server: its bundle is the elements' source, and its API calls (`/v1/…`,
 * `/control/…`, the event stream included) pass through to the run's reference server.
 */
const demoPage = {
  name: 'pd-demo-page',
  serve(context) {
    if (context.path === '/pd-notify.js') return { body: "import '/packages/elements/src/index.ts';", type: 'js' };
    return undefined;
  },
};
/**
 * `/examples/vanilla/index.html?csp`: the demo page under the strict Content Security Policy
 * `npm start` serves it with (examples/strict-csp.ts), with a first script that records the
 * page's violations (examples/vanilla/test/browser/csp-watch.js).
 */
const strictCspDemo = {
  name: 'pd-strict-csp-demo',
  async transform(context) {
    if (context.path !== '/examples/vanilla/index.html' || !context.URL.searchParams.has('csp')) return undefined;
    const { strictCsp } = await import('./examples/strict-csp.ts');
    const watch = '<script src="/examples/vanilla/test/browser/csp-watch.js"></script>';
    return {
      body: context.body.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${watch}`),
      // The artwork comes from the reference server's own origin (the API passes through this one).
      headers: { 'Content-Security-Policy': strictCsp({ imageOrigins: [server.url] }), 'Cache-Control': 'no-store' },
      transformCache: false,
    };
  },
};
function toReferenceServer(ctx, next) {
  if (!/^\/(v1|control)\//.test(ctx.path)) return next();
  ctx.respond = false;
  const target = new URL(ctx.url, server.url);
  // Settles once the answer's head is written, so the runner logs its real status.
  return new Promise((resolve) => {
    const upstream = request(target, { method: ctx.method, headers: { ...ctx.req.headers, host: target.host } });
    upstream.on('response', (response) => {
      ctx.status = response.statusCode ?? 502;
      ctx.res.writeHead(ctx.status, response.headers);
      response.pipe(ctx.res);
      resolve();
    });
    upstream.on('error', () => {
      if (!ctx.res.headersSent) ctx.status = 502;
      ctx.res.destroy();
      resolve();
    });
    ctx.res.on('close', () => upstream.destroy());
    ctx.req.pipe(upstream);
  });
}

/**
 * The static Storybook of the current sources under `/storybook/` (for the stories' browser test):
 * built when a stories file is among those to run (or every file is) and no build of the same
 * sources is there (`npm test` has made it in its Node suite by then).
 */
let storybookDir = null;
const storybook = {
  name: 'pd-storybook',
  async serverStart() {
    const files = process.argv.includes('--files');
    if (files && !process.argv.some((arg) => arg.includes('stories/'))) return;
    const { storybookBuild } = await import('./stories/test/storybook.ts');
    const build = storybookBuild();
    if (!build.ok) throw new Error(`Storybook did not build:\n${build.log}`);
    storybookDir = build.dir;
  },
};
async function fromStorybook(ctx, next) {
  if (!ctx.path.startsWith('/storybook/')) return next();
  const file = normalize(join(storybookDir ?? '', ctx.path.slice('/storybook/'.length) || 'index.html'));
  if (!storybookDir || !file.startsWith(storybookDir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    ctx.status = 404;
    return undefined;
  }
  ctx.type = extname(file);
  ctx.body = readFileSync(file);
  return undefined;
}

/**
 * `press-keys` ({ keys: ['Shift', 'Tab'] }): holds every key but the last, presses the last,
 * releases them. wtr's `send-keys` cannot do that over WebDriver classic (WebKit): it refuses
 * `down`/`up` there, and `press: 'Shift+Tab'` would type the characters "S", "h", "i"... one by
 * one. WebDriver's own key actions can: webdriverio's `keys([...])` presses the keys down in
 * order and lets them all up together, a chord. Puppeteer (Chromium, Firefox) holds and
 * releases the keys itself.
 */
const pressKeys = {
  name: 'pd-press-keys',
  async executeCommand({ command, payload, session }) {
    if (command !== 'press-keys') return undefined;
    const keys = payload?.keys;
    if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => typeof key === 'string')) {
      throw new Error('press-keys: give { keys: [...held, pressed] }');
    }
    if (session.browser.type === 'webdriver') {
      await session.browser.sendKeys(session.id, keys);
      return true;
    }
    if (session.browser.type === 'puppeteer') {
      const { keyboard } = session.browser.getPage(session.id);
      const held = keys.slice(0, -1);
      for (const key of held) await keyboard.down(key);
      await keyboard.press(keys.at(-1));
      for (const key of held.reverse()) await keyboard.up(key);
      return true;
    }
    throw new Error(`press-keys: not supported for browser type ${session.browser.type}`);
  },
};

/** Writes the run's totals and failed tests for scripts/test.mjs (PD_TEST_RESULTS). */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
      const walk = (suite, file, path) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped++;
          else if (test.passed) counts.passed++;
          else {
            counts.failed++;
            counts.failures.push(`${file}: ${[...path, test.name].join(' > ')}`);
          }
        }
        for (const inner of suite.suites) walk(inner, file, [...path, inner.name]);
      };
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        if (session.testResults) walk(session.testResults, file, []);
        if (!session.passed && session.errors.length > 0) {
          counts.failed++;
          counts.failures.push(`${file}: ${session.errors.map((error) => error.message).join('; ')}`);
        }
      }
      if (process.env.PD_TEST_RESULTS) writeFileSync(process.env.PD_TEST_RESULTS, JSON.stringify(counts));
    },
  };
}

export default {
  files: [
    'packages/*/test/**/*.browser.test.ts',
    'examples/*/test/**/*.browser.test.ts',
    'stories/test/**/*.browser.test.ts',
  ],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: Number(process.env.PD_TESTS_FINISH_TIMEOUT ?? 300_000),
  testFramework: { config: { timeout: 15_000 } },
  middleware: [toReferenceServer, fromStorybook],
  plugins: [
    referenceServer,
    storybook,
    demoPage,
    strictCspDemo,
    pressKeys,
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
  window.PD_ENGINE = ${JSON.stringify(engine)};
  // The browser reports "ResizeObserver loop completed with undelivered notifications" when a
  // virtualized list measures rows and resizes within one frame: a notice that some resize
  // callbacks moved to the next frame (w3c/csswg-drafts#5488), not an error. Only it is ignored.
  window.addEventListener('error', (event) => {
    if (/^ResizeObserver loop/.test(event.message)) event.stopImmediatePropagation();
  }, { capture: true });
</script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  browsers: [await launcher()],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
