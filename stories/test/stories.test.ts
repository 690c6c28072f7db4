/**
 * Storybook's build and docs pages: builds Storybook statically (the build the
 * visual baselines and the stories' browser test reuse), then fails on a docs
 * page that does not render every story of its element with its interaction
 * steps, on a page or console error there, and on arg tables that show what is
 * not the elements' public API. Every story itself is checked by visual.test.ts
 * (each look: no error, axe) and stories.browser.test.ts (three engines).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../../scripts/chromium.js';
import {
  DOCS_RENDERED,
  PHASE_RECORDER,
  browserPool,
  serve,
  storyIndex,
  storybookBuild,
  type BrowserPool,
} from './storybook.js';

const build = storybookBuild();
const entries = storyIndex(build);
const stories = entries.filter((entry) => entry.type === 'story');
const docs = entries.filter((entry) => entry.type === 'docs');

let server: Awaited<ReturnType<typeof serve>>;
/** Docs pages are checked one at a time, in a browser of their own. */
let browsers: BrowserPool;

before(async () => {
  server = await serve(build);
  browsers = await browserPool(1, () => launchChromium());
});

after(async () => {
  await browsers?.close();
  server?.close();
});

describe('Storybook', () => {
  it('builds', () => {
    assert.ok(build.ok, build.log);
    assert.ok(stories.length > 0, 'no stories found');
  });

  // Each story is loaded in every look, checked for errors and axe, by visual.test.ts (Chromium) and
  // rendered, played and checked with axe by stories.browser.test.ts (three engines): here, the docs pages,
  // one at a time (a page of many stories, whose steps wait with time limits of their own, gets the
  // machine to itself).
  for (const entry of docs) {
    it(`${entry.title} › Docs: shows every story, each in the state its steps lead to, without private members`, () =>
      browsers.use(async (browser) => {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(`page error: ${(error as Error).message}`));
        try {
          await page.evaluateOnNewDocument(PHASE_RECORDER);
          await page.goto(`${server.origin}/iframe.html?id=${entry.id}&viewMode=docs`);
          const ids = stories.filter((story) => story.importPath === entry.importPath).map((story) => story.id);
          // The stories with interaction steps (a play function), as Storybook prepared them.
          await page.waitForFunction(
            () =>
              (window as { __STORYBOOK_PREVIEW__?: { storyStoreValue?: unknown } }).__STORYBOOK_PREVIEW__
                ?.storyStoreValue,
          );
          const playing = (await page.evaluate(
            `Promise.all(${JSON.stringify(ids)}.map((id) => window.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId: id })))
            .then((stories) => stories.filter((story) => story.playFunction).map((story) => story.id))`,
          )) as string[];
          assert.ok(ids.length > 0, 'no story of this docs page in the index');
          // A story in a frame of its own loads when scrolled to (Storybook's frames are lazy): a reader
          // scrolls, the test loads them all.
          const eagerFrames = `document.querySelectorAll('iframe[loading="lazy"]').forEach((frame) => (frame.loading = 'eager'))`;
          await page
            .waitForFunction(
              `(${eagerFrames}, (${DOCS_RENDERED})(${JSON.stringify(ids)}, ${JSON.stringify(playing)}).length === 0)`,
              {
                timeout: 60_000,
                polling: 250,
              },
            )
            .catch(() => {});
          const missing = (await page.evaluate(
            `(${DOCS_RENDERED})(${JSON.stringify(ids)}, ${JSON.stringify(playing)})`,
          )) as string[];
          assert.deepEqual(missing, [], 'stories not shown in their state on the docs page');
          const table = await page.evaluate(() =>
            [...document.querySelectorAll('.docblock-argstable tbody tr td:first-child')].map(
              (cell) => cell.textContent ?? '',
            ),
          );
          assert.ok(table.length > 0, 'the docs page has no arg table');
          assert.deepEqual(
            table.filter((name) => name.startsWith('#')),
            [],
            'private members in the arg table',
          );
          assert.deepEqual(errors, []);
        } finally {
          await page.close();
        }
      }));
  }
});
