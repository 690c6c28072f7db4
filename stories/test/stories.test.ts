/**
 * The story smoke test: builds Storybook statically (the build the visual
 * baselines reuse), then loads every story in Chromium and fails on a render
 * error, a page error, a console error or an axe violation, and on arg tables
 * that show what is not the elements' public API. Docs pages render every
 * story of their element, with its interaction steps.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchChromium } from '../../scripts/chromium.js';
import {
  DOCS_RENDERED,
  PHASE_RECORDER,
  STORY_BROWSERS,
  axeViolations,
  browserPool,
  openStory,
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
/** Stories and docs pages are checked STORY_BROWSERS at a time, each in a browser of its own (one page at a time in each). */
let browsers: BrowserPool;

before(async () => {
  server = await serve(build);
  browsers = await browserPool(STORY_BROWSERS, () => launchChromium());
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

  // Stories side by side; docs pages one at a time (a page of many stories, whose steps wait with
  // time limits of their own, gets the machine to itself).
  describe('stories', { concurrency: STORY_BROWSERS }, () => {
    for (const story of stories) {
      it(`${story.title} › ${story.name}: renders without errors and is axe-clean`, () =>
        browsers.use(async (browser) => {
          const { page, errors, shownError } = await openStory(
            browser,
            `${server.origin}/iframe.html?id=${story.id}&viewMode=story`,
          );
          try {
            assert.equal(shownError, null, `Storybook shows an error: ${shownError}`);
            assert.deepEqual(await axeViolations(page), [], 'axe violations');
            assert.deepEqual(errors, []);
          } finally {
            await page.close();
          }
        }));
    }
  });

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
