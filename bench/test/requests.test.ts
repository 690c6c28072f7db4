/**
 * The requests of a page load are not timings: they are checked here, so a
 * change that adds one fails npm test. A bell costs the event stream (whose
 * `ready` event carries the counts) and `/v1/me` (the user's key for sharing
 * one stream among tabs); the feed adds exactly its first page. The demo page
 * loads each area once on a fresh profile; its reload (the persisted cache)
 * costs the stream alone; a second and a third tab make no request, whether
 * they open after the first has settled or while it is still loading.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Browser } from 'puppeteer-core';
import { startDemo } from '../../examples/vanilla/serve.js';
import { launchChromium } from '../../scripts/chromium.js';
import { demoCase, measure, measureElement, serverState, startPagesServer } from '../requests.js';

let server: RunningServer;
let demo: RunningServer;
let browser: Browser;

before(async () => {
  [server, demo] = await Promise.all([startPagesServer(), startDemo(0)]);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all([server?.close(), demo?.close()]);
});

const DEMO_FIRST_VISIT = [
  'GET /v1/me',
  'GET /v1/events',
  'GET /v1/notifications',
  'GET /v1/invitations',
  'GET /v1/preferences',
  'GET /v1/syncs',
];

describe('the requests of a page load, in Chromium (bench/requests.ts)', () => {
  it('a bell in a provider: /v1/me and the event stream, nothing else', async () => {
    const measured = await measureElement(browser, server, 'bell');
    assert.deepEqual(measured.tabs, [{ requests: ['GET /v1/me', 'GET /v1/events'], host: [] }]);
  });

  it('an opened feed in a provider: the same and its first page, nothing else', async () => {
    const measured = await measureElement(browser, server, 'bellAndFeed');
    assert.deepEqual(measured.tabs, [
      { requests: ['GET /v1/me', 'GET /v1/events', 'GET /v1/notifications'], host: [] },
    ]);
  });

  it('the demo page on a fresh profile: /v1/me once, the stream, and each area it shows once', async () => {
    const measured = await measure(browser, demoCase(demo, await serverState(demo.url), 1));
    assert.deepEqual(
      measured.tabs.map((tab) => tab.requests),
      [DEMO_FIRST_VISIT],
    );
  });

  it('the demo page reloaded (the persisted cache): the stream alone', async () => {
    const measured = await measure(browser, demoCase(demo, await serverState(demo.url), 1, 'reload'));
    assert.deepEqual(
      measured.tabs.map((tab) => tab.requests),
      [['GET /v1/events']],
    );
  });

  for (const opening of ['settled', 'at-once'] as const) {
    it(`the demo page in three tabs (${opening === 'settled' ? 'each settled before the next' : 'opened together'}): the others make no request`, async () => {
      const measured = await measure(browser, demoCase(demo, await serverState(demo.url), 3, opening));
      assert.deepEqual(
        measured.tabs.map((tab) => tab.requests),
        [DEMO_FIRST_VISIT, [], []],
      );
    });
  }
});
