/**
 * Visual baselines: a screenshot of every story in Chromium, in every theme and
 * language of `support/globals.ts` (`BASELINE_THEMES` × `BASELINE_LOCALES`;
 * a story that fixes its own theme, language or direction is taken once per
 * look it can have), compared with the PNGs committed in `stories/baselines/`.
 * A story that looks different fails, with the list of what changed, pictures
 * of the difference in `.test-results/baselines/`, and the command that accepts
 * the change on purpose:
 *
 *   npm run baselines                          every story (writes changed and new PNGs, removes orphans)
 *   BASELINES_ONLY=pd-toaster,card--leaving npm run baselines   the stories whose id contains one of these
 *
 * Rendering is made deterministic: an 800×600 window at 1× scale, the page's
 * clock fixed at Monday 9 March 2026, 10:00 UTC (dates in the demo data and
 * relative times), time zone UTC, fonts loaded, images decoded (lazy ones too),
 * animations and transitions run to their end (endless ones held at their
 * start), the text caret hidden. Fonts are the machine's: Debian's DejaVu
 * (system-ui and sans-serif) here and in CI; another machine's fonts give other
 * pixels, so baselines are made on Debian (see stories/README.md).
 *
 * Stories are taken STORY_BROWSERS at a time (2 unless set; 1 takes them one by
 * one), each in a Chromium process of its own that shows one page at a time, so
 * every page has the focus (two pages in one browser do not both: focus rings).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../scripts/chromium.js';
import { BASELINE_LOCALES, BASELINE_THEMES, DEFAULT_LOOK, LANGUAGES, type Look } from '../support/globals.js';
import {
  ROOT,
  STORY_BROWSERS,
  axeViolations,
  browserPool,
  globalsParam,
  openStory,
  serve,
  storyIndex,
  storybookBuild,
  type BrowserPool,
  type IndexEntry,
} from './storybook.js';

const BASELINES = join(ROOT, 'stories/baselines');
const RESULTS = join(ROOT, '.test-results/baselines');
const UPDATE = process.env.UPDATE_BASELINES === '1';
/** Only the stories whose id contains one of these (comma-separated) texts. */
const ONLY = process.env.BASELINES_ONLY ?? '';
const only = (id: string): boolean => ONLY.split(',').some((part) => id.includes(part.trim()));
const ACCEPT = ONLY
  ? `BASELINES_ONLY=${ONLY} npm run baselines`
  : 'npm run baselines (or BASELINES_ONLY=<part of a story id>[,…] npm run baselines for some)';

/** The window every story is taken in. */
const VIEWPORT = { width: 800, height: 600, deviceScaleFactor: 1 };
/** pixelmatch's colour distance under which two pixels are the same (0 to 1; antialiased pixels never count). */
const THRESHOLD = 0.1;
/** Pixels that may differ before a story counts as changed: noise, never a changed glyph, border or colour. */
const MAX_DIFF_PIXELS = 8;
/** The page's "now": Monday 9 March 2026, 10:00 UTC. */
const NOW = Date.UTC(2026, 2, 9, 10, 0, 0);

/** The looks every story is taken in. */
const LOOKS: Look[] = BASELINE_LOCALES.flatMap((locale) =>
  BASELINE_THEMES.map((theme) => ({ theme, locale, dir: LANGUAGES[locale].dir })),
);

/** A baseline's file name: `<story id>.<theme>[-<locale> unless English][-<dir> unless the language's].png`. */
function fileName(storyId: string, look: Look): string {
  const locale = look.locale === 'en' ? '' : `-${look.locale}`;
  const dir = look.dir === LANGUAGES[look.locale].dir ? '' : `-${look.dir}`;
  return `${storyId}.${look.theme}${locale}${dir}.png`;
}

const build = storybookBuild();
const stories = storyIndex(build).filter((entry) => entry.type === 'story' && only(entry.id));

let server: Awaited<ReturnType<typeof serve>>;
/** Stories are taken STORY_BROWSERS at a time, each in a browser of its own (one page at a time in each). */
let browsers: BrowserPool;
/** Every baseline file this run took, and the ones that differ. */
const taken = new Set<string>();
const changed: string[] = [];
/** Each story's test, settled once it has ended (the orphans are known once all have). */
const ended = stories.map(() => {
  let resolve!: () => void;
  return { promise: new Promise<void>((done) => (resolve = done)), resolve };
});

before(async () => {
  server = await serve(build);
  browsers = await browserPool(STORY_BROWSERS, () =>
    launchChromium(['--lang=en-US', '--font-render-hinting=none', '--hide-scrollbars']),
  );
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  mkdirSync(BASELINES, { recursive: true });
});

after(async () => {
  await browsers?.close();
  server?.close();
});

/**
 * The page's clock, from before its first script: `Date` starts at NOW and runs
 * on (timers are the browser's own). In-page code is a string: tsx would wrap
 * a function's inner names in a helper the page does not have.
 */
const FIXED_CLOCK = `(() => {
  const RealDate = Date;
  const offset = ${NOW} - RealDate.now();
  function FixedDate(...args) {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    return args.length === 0 ? new RealDate(RealDate.now() + offset) : new RealDate(...args);
  }
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = () => RealDate.now() + offset;
  FixedDate.parse = RealDate.parse;
  FixedDate.UTC = RealDate.UTC;
  globalThis.Date = FixedDate;
})();`;

/** Before the page loads: the window, the clock and the time zone. */
async function prepare(page: Page): Promise<void> {
  await page.setViewport(VIEWPORT);
  await page.emulateTimezone('UTC');
  await page.evaluateOnNewDocument(FIXED_CLOCK);
}

/**
 * Resolves once what is on screen is final: fonts loaded, every image (in shadow
 * roots too, lazy ones loaded now) decoded, endless animations (in shadow roots
 * too: a loading ring) held at their start and the others ended, then two frames
 * drawn.
 */
const SETTLED = `(async () => {
  await document.fonts.ready;
  const images = [];
  // The document's animations leave out those in shadow roots: each root is asked.
  const roots = [];
  const collect = (root) => {
    roots.push(root);
    images.push(...root.querySelectorAll('img'));
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) collect(element.shadowRoot);
  };
  collect(document);
  for (const image of images) image.loading = 'eager';
  await Promise.all(images.map((image) => image.decode().catch(() => {})));
  const running = roots.flatMap((root) => root.getAnimations()).filter((animation) => animation.playState === 'running');
  for (const animation of running) {
    if (animation.effect?.getComputedTiming().endTime !== Infinity) continue;
    animation.pause();
    animation.currentTime = 0;
  }
  await Promise.all(running.map((animation) => (animation.playState === 'running' ? animation.finished : null)));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
})()`;

async function settle(page: Page): Promise<void> {
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  await page.evaluate(SETTLED);
}

/** How `png` differs from its baseline: null when it does not (beyond noise). */
function compare(file: string, png: Buffer): string | null {
  let expected: PNG;
  try {
    expected = PNG.sync.read(readFileSync(join(BASELINES, file)));
  } catch {
    return 'no baseline yet';
  }
  const actual = PNG.sync.read(png);
  if (actual.width !== expected.width || actual.height !== expected.height) {
    writeFileSync(join(RESULTS, file.replace(/\.png$/, '.actual.png')), png);
    return `size ${expected.width}×${expected.height} → ${actual.width}×${actual.height}`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const pixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: THRESHOLD,
  });
  if (pixels <= MAX_DIFF_PIXELS) return null;
  writeFileSync(join(RESULTS, file.replace(/\.png$/, '.actual.png')), png);
  writeFileSync(join(RESULTS, file.replace(/\.png$/, '.diff.png')), PNG.sync.write(diff));
  return `${pixels} pixels differ`;
}

const pick = (globals: Record<string, string>): Partial<Look> =>
  Object.fromEntries(Object.entries(globals).filter(([key]) => ['theme', 'locale', 'dir'].includes(key)));

/** Every look of `story` in `browser` is as its baseline and axe-clean. */
async function looksAsItsBaselines(story: IndexEntry, browser: Browser): Promise<void> {
  const differences: string[] = [];
  /** The globals the story fixes itself, known once it has been opened. */
  let fixed: Partial<Look> | null = null;
  const done = new Set<string>();
  for (const look of LOOKS) {
    if (fixed && done.has(fileName(story.id, { ...look, ...fixed }))) continue;
    const url = `${server.origin}/iframe.html?id=${story.id}&viewMode=story&globals=${globalsParam({ ...look })}`;
    const { page, errors, shownError, storyGlobals } = await openStory(browser, url, prepare);
    try {
      fixed = pick(storyGlobals);
      const file = fileName(story.id, { ...look, ...fixed });
      if (done.has(file)) continue;
      done.add(file);
      taken.add(file);
      assert.equal(shownError, null, `Storybook shows an error: ${shownError}`);
      assert.deepEqual(errors, [], `${file}: errors while rendering`);
      await settle(page);
      const png = Buffer.from(await page.screenshot({ fullPage: true, captureBeyondViewport: true }));
      // The smoke test checks the look a story opens in; the other looks are checked here.
      const opening = fileName(story.id, { ...DEFAULT_LOOK, ...fixed });
      if (file !== opening) assert.deepEqual(await axeViolations(page), [], `${file}: axe violations`);
      const difference = compare(file, png);
      if (!difference) continue;
      if (UPDATE) writeFileSync(join(BASELINES, file), png);
      else differences.push(`${file}: ${difference}`);
    } finally {
      await page.close();
    }
  }
  changed.push(...differences);
  assert.deepEqual(
    differences,
    [],
    `${story.title} › ${story.name} looks different (pictures in .test-results/baselines/). ` +
      `If that is intended, accept it with: ${ACCEPT}`,
  );
}

describe('Visual baselines', { concurrency: STORY_BROWSERS }, () => {
  it('has a Storybook build', () => {
    assert.ok(build.ok, build.log);
    assert.ok(stories.length > 0, ONLY ? `no story id contains any of "${ONLY}"` : 'no stories found');
  });

  stories.forEach((story, at) => {
    it(`${story.title} › ${story.name}: looks as its baselines, axe-clean in each look`, async () => {
      try {
        await browsers.use((browser) => looksAsItsBaselines(story, browser));
      } finally {
        ended[at]!.resolve();
      }
    });
  });

  it('has a baseline for every story, and none for a story that is gone', async () => {
    await Promise.all(ended.map(({ promise }) => promise));
    const orphans = ONLY ? [] : readdirSync(BASELINES).filter((file) => file.endsWith('.png') && !taken.has(file));
    if (UPDATE) for (const file of orphans) rmSync(join(BASELINES, file));
    const report = [
      ...[...changed].sort().map((line) => `  changed: ${line}`),
      ...(UPDATE ? [] : orphans.map((file) => `  orphan:  ${file} (its story is gone)`)),
    ];
    assert.deepEqual(
      report,
      [],
      `\n${report.join('\n')}\n\nStories look different from stories/baselines/ (actual and diff pictures in ` +
        `.test-results/baselines/). Review them; to accept the new look on purpose, run: ${ACCEPT}\n`,
    );
  });
});
