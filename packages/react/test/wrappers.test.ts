/**
 * Every element of custom-elements.json has a React component, with an onPd… prop
 * for each of its events: each component is rendered with React in Chromium, and
 * each event dispatched on the element must reach its prop.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { browserBundle } from '../../../scripts/browser-bundle.js';
import { launchChromium } from '../../../scripts/chromium.js';
import { propName } from './names.js';

declare global {
  interface Window {
    pdWrapper(tag: string, events: string[]): { rendered: string | null; heard: string[] };
    pdBadges(): Promise<{ tag: string; property: string; attribute: string | null }[]>;
  }
}

const manifest = JSON.parse(readFileSync(new URL('../../elements/custom-elements.json', import.meta.url), 'utf8')) as {
  modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

let browser: Browser;
let page: Page;

before(async () => {
  const script = await browserBundle(new URL('./wrappers.page.ts', import.meta.url));
  browser = await launchChromium();
  page = await browser.newPage();
  await page.addScriptTag({ content: script, type: 'module' });
  await page.waitForFunction(() => 'pdWrapper' in window);
});

after(() => browser?.close());

describe('@pd-notify/react', () => {
  it('finds the elements in the manifest (so the checks below are not vacuous)', () => {
    assert.ok(elements.length >= 8, `the manifest lists ${elements.length} elements`);
  });

  for (const element of elements) {
    const tag = element.tagName!;
    const events = (element.events ?? []).map((event) => event.name);
    it(`renders <${tag}>; ${events.length ? events.map(propName).join(', ') : 'no events'}`, async () => {
      const { rendered, heard } = await page.evaluate((t, e) => window.pdWrapper(t, e), tag, events);
      assert.equal(rendered, tag, `no component renders <${tag}>`);
      assert.deepEqual(
        heard,
        events.map((event) => `${propName(event)} ${event}`),
      );
    });
  }

  it("PdBellBadge and PdActivityFeed take badge=\"unseen\" (typed 'unread' | 'unseen')", async () => {
    assert.deepEqual(await page.evaluate(() => window.pdBadges()), [
      { tag: 'pd-bell-badge', property: 'unseen', attribute: 'unseen' },
      { tag: 'pd-activity-feed', property: 'unseen', attribute: 'unseen' },
    ]);
  });
});
