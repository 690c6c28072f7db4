/**
 * What the story tests share: one static Storybook build (made once for the
 * sources as they are, whichever test file asks first, and reused by the
 * others), a static server for it, and opening a story in Chromium until it
 * has rendered and played.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, '.test-results/storybook');
const STAMP = join(OUT, '.sources-hash');
const LOCK = `${OUT}.lock`;

/** What the build is made from: the stories and their config, the packages' sources, the manifest, the lockfile. */
const SOURCES = ['.storybook', 'stories', 'packages'];
const SKIP = new Set(['node_modules', 'dist', join(ROOT, 'stories/test'), join(ROOT, 'stories/baselines')]);

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (SKIP.has(entry.name) || SKIP.has(path)) continue;
    if (entry.isDirectory()) found.push(...sourceFiles(path));
    else found.push(path);
  }
  return found;
}

function sourcesHash(): string {
  const hash = createHash('sha256');
  const files = [...SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))), join(ROOT, 'package-lock.json')].sort();
  for (const file of files) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Blocks until `done()` (another test file building), checking every 200 ms. */
function blockUntil(done: () => boolean, timeoutMs: number): boolean {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    Atomics.wait(cell, 0, 0, 200);
  }
  return true;
}

export interface Build {
  ok: boolean;
  /** The build's output when it failed. */
  log: string;
  /** Where the static Storybook is. */
  dir: string;
}

/**
 * The static Storybook of the current sources in `.test-results/storybook`:
 * built unless a build of the same sources is already there (the smoke test and
 * the visual baselines share one), one builder at a time.
 */
export function storybookBuild(): Build {
  const hash = sourcesHash();
  const fresh = () => read(STAMP) === hash;
  if (fresh()) return { ok: true, log: '', dir: OUT };
  mkdirSync(join(ROOT, '.test-results'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building: use its build when it is done (or take over a lock left by a crash).
      const stale = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10 * 60_000;
      if (stale) rmSync(LOCK, { recursive: true, force: true });
      else blockUntil(() => statSync(LOCK, { throwIfNoEntry: false }) === undefined, 10 * 60_000);
      if (fresh()) return { ok: true, log: '', dir: OUT };
    }
  }
  try {
    rmSync(OUT, { recursive: true, force: true });
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', OUT, '--quiet'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
    );
    if (build.status !== 0) return { ok: false, log: build.stderr || build.stdout, dir: OUT };
    writeFileSync(STAMP, hash);
    return { ok: true, log: '', dir: OUT };
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
  importPath: string;
}

/** The build's stories (and docs pages). */
export function storyIndex(build: Build): IndexEntry[] {
  if (!build.ok) return [];
  const index = JSON.parse(readFileSync(join(build.dir, 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(index.entries);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves the build on a free local port. */
export async function serve(build: Build): Promise<{ origin: string; close(): void }> {
  const server = createServer((req, res) => {
    if (req.url === '/favicon.ico') return void res.writeHead(204).end(); // browsers ask; the build has an SVG one
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    try {
      const body = readFileSync(join(build.dir, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => server.close(),
  };
}

/** The toolbar's globals in a story URL (`theme:dark;locale:fr`). */
export const globalsParam = (globals: Record<string, string>): string =>
  Object.entries(globals)
    .map(([key, value]) => `${key}:${value}`)
    .join(';');

/**
 * How many browsers a story suite runs side by side: `STORY_BROWSERS`, else 2
 * (1 on a single core). Each is a Chromium process of its own showing one page
 * at a time, so every page has the focus (focus rings), as with one browser.
 */
export const STORY_BROWSERS = Math.max(1, Number(process.env.STORY_BROWSERS) || Math.min(2, availableParallelism()));

export interface BrowserPool {
  /** Runs `work` with a browser no other work is using (waiting for one to be free). */
  use<T>(work: (browser: Browser) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `count` browsers from `launch`, lent to one piece of work at a time. */
export async function browserPool(count: number, launch: () => Promise<Browser>): Promise<BrowserPool> {
  const browsers = await Promise.all(Array.from({ length: count }, launch));
  const free = [...browsers];
  const waiting: ((browser: Browser) => void)[] = [];
  return {
    async use(work) {
      const browser = free.shift() ?? (await new Promise<Browser>((resolve) => waiting.push(resolve)));
      try {
        return await work(browser);
      } finally {
        const next = waiting.shift();
        if (next) next(browser);
        else free.push(browser);
      }
    },
    async close() {
      await Promise.all(browsers.map((browser) => browser.close()));
    },
  };
}

export interface OpenStory {
  page: Page;
  /** Page errors, console errors and failed requests, in order. */
  errors: string[];
  /** The error Storybook shows instead of the story, if any. */
  shownError: string | null;
  /** The globals the story itself fixes (`globals` in its CSF), which the toolbar cannot change. */
  storyGlobals: Record<string, string>;
}

/**
 * Opens a story of the build in a new page and waits until Storybook has
 * rendered it and run its play function, and its elements have rendered.
 */
export async function openStory(
  browser: Browser,
  url: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<OpenStory> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${(error as Error).message}`));
  page.on('console', (message) => {
    // A failed request is reported below with its URL.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(`console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await prepare?.(page);
  await page.goto(url);
  // Storybook's render phases end in "completed" (or "errored"), after the play function.
  await page.waitForFunction(
    () => {
      const phase = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__
        ?.currentRender?.phase;
      return phase === 'completed' || phase === 'errored' || phase === 'finished';
    },
    { timeout: 30_000 },
  );
  await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount, { timeout: 10_000 });
  const { shownError, storyGlobals } = await page.evaluate(() => {
    const render = (
      window as { __STORYBOOK_PREVIEW__?: { currentRender?: { story?: { storyGlobals?: Record<string, string> } } } }
    ).__STORYBOOK_PREVIEW__?.currentRender;
    return {
      shownError: document.body.classList.contains('sb-show-errordisplay')
        ? (document.querySelector('#error-message')?.textContent ?? 'error')
        : null,
      storyGlobals: render?.story?.storyGlobals ?? {},
    };
  });
  return { page, errors, shownError, storyGlobals };
}

/**
 * axe's violations in the story (`#storybook-root`), once the animations that
 * end have ended, with the story's own axe options (`parameters.a11y.options`,
 * as the a11y addon runs it: a story that turns a rule off says why there).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    // The document's animations leave out those in shadow roots: each root is asked.
    const roots: (Document | ShadowRoot)[] = [document];
    for (let at = 0; at < roots.length; at++) {
      for (const element of roots[at]!.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    const running = roots
      .flatMap((root) => root.getAnimations())
      .filter((animation) => animation.playState === 'running');
    await Promise.all(
      running
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => {})),
    );
    const { axe, __STORYBOOK_PREVIEW__: preview } = window as unknown as {
      axe: {
        run: (
          context: Element,
          options: object,
        ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
      };
      __STORYBOOK_PREVIEW__?: { currentRender?: { story?: { parameters?: { a11y?: { options?: object } } } } };
    };
    const options = preview?.currentRender?.story?.parameters?.a11y?.options ?? {};
    const result = await axe.run(document.querySelector('#storybook-root')!, options);
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/**
 * Records every story render's phases (Storybook's `storyRenderPhaseChanged`, by
 * story id) in `window.__pdPhases`, in the page and in every frame: installed
 * before Storybook creates its channel. In-page code is a string (tsx would wrap
 * inner function names in a helper the page does not have).
 */
export const PHASE_RECORDER = `(() => {
  const phases = {};
  window.__pdPhases = phases;
  let channel;
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => {
      channel = value;
      const emit = value.emit.bind(value);
      value.emit = (name, ...args) => {
        if (name === 'storyRenderPhaseChanged') {
          const { storyId, renderId, newPhase } = args[0];
          const renders = (phases[storyId] ??= {});
          (renders[renderId] ??= []).push(newPhase);
        }
        return emit(name, ...args);
      };
    },
  });
})();`;

/**
 * In the page, for a docs page: whether each story of \`ids\` has rendered (its
 * latest render ended), its play function included for those in \`playing\`;
 * else what is missing.
 */
export const DOCS_RENDERED = `(ids, playing) => {
  const windows = [window, ...[...document.querySelectorAll('iframe')].map((frame) => frame.contentWindow)];
  const missing = [];
  for (const id of ids) {
    const renders = windows.flatMap((w) => Object.values((w && w.__pdPhases && w.__pdPhases[id]) || {}));
    const last = renders.at(-1) ?? [];
    const ended = last.includes('completed') || last.includes('finished');
    const played = !playing.includes(id) || last.includes('played');
    if (last.includes('errored')) missing.push(id + ': errored');
    else if (!ended || !played) missing.push(id + ': ' + (last.join(' > ') || 'not rendered'));
  }
  return missing;
}`;
