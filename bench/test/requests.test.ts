/**
 * The requests of a page load are not timings: they are checked here, so a
 * change that adds one fails npm test. A bell costs the event stream (whose
 * `ready` event carries the counts) and `/v1/me` (the user's key for sharing
 * one stream among tabs); the feed adds exactly its first page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../scripts/chromium.js';
import { measureElement, startPagesServer } from '../requests.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startPagesServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

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
});
