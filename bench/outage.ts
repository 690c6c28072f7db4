/**
 * What a page sends while the API is down: the demo page (examples/vanilla, as
 * `npm start` serves it) in Chromium, for a minute of outage, its API requests
 * counted by who sent them (pd-notify's bundle, or the host page's own script):
 * reloaded with its persisted cache while every API request answers 503;
 * reloaded with its cache while the API cannot be reached (connection refused);
 * and a first visit (a fresh profile) while it cannot be reached.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { RunningServer } from '@pd-notify/mock-server';
import { startDemo } from '../examples/vanilla/serve.js';
import { launchChromium } from '../scripts/chromium.js';
import { demoCase, OUR_BUNDLE, record, serverState, settle } from './requests.js';

export interface OutageCase {
  visit: string;
  /** pd-notify's requests in the outage, and how many of each. */
  ours: number;
  byPath: Record<string, number>;
  /** The host page's own (the demo's tracks table), not counted as ours. */
  host: number;
}

export interface OutageResults {
  outageMs: number;
  cases: OutageCase[];
}

const OUTAGE_MS = 60_000;

type Failure = '503' | 'unreachable';

const CASES: { visit: string; cached: boolean; failure: Failure }[] = [
  { visit: 'reloaded with its persisted cache, every API request answered 503', cached: true, failure: '503' },
  { visit: 'reloaded with its persisted cache, the API unreachable', cached: true, failure: 'unreachable' },
  { visit: 'a first visit (a fresh profile), the API unreachable', cached: false, failure: 'unreachable' },
];

async function faults(server: RunningServer, body?: unknown): Promise<void> {
  const response = await fetch(`${server.url}/control/faults`, {
    method: body === undefined ? 'DELETE' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control faults: ${response.status}`);
}

/** Every API request of `page` fails as if the server were down (connection refused). */
async function cutApi(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (new URL(request.url()).pathname.startsWith('/v1/')) void request.abort('connectionrefused');
    else void request.continue();
  });
}

async function measureOutage(browser: Browser, demo: RunningServer, c: (typeof CASES)[number], outageMs: number) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const url = `${demo.url}/`;
    if (c.cached) {
      const first = await record(page, demo.url, OUR_BUNDLE);
      await page.goto(url);
      await settle(page, first, demoCase(demo, await serverState(demo.url), 1).settled);
    }
    if (c.failure === '503') await faults(demo, { error: { status: 503, times: 1_000_000, pathPrefix: '/v1' } });
    else await cutApi(page);
    const recorder = await record(page, demo.url, OUR_BUNDLE);
    await (c.cached ? page.reload() : page.goto(url));
    // The outage is what is measured: its length is the bench's, not a wait for a condition.
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    const { requests, host } = recorder.requests();
    const byPath: Record<string, number> = {};
    for (const line of requests) byPath[line] = (byPath[line] ?? 0) + 1;
    return { visit: c.visit, ours: requests.length, byPath, host: host.length };
  } finally {
    await context.close();
    await faults(demo);
  }
}

export async function benchOutage(outageMs = OUTAGE_MS): Promise<OutageResults> {
  const demo = await startDemo(0);
  const browser = await launchChromium();
  try {
    const cases: OutageCase[] = [];
    for (const c of CASES) cases.push(await measureOutage(browser, demo, c, outageMs));
    return { outageMs, cases };
  } finally {
    await browser.close();
    await demo.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchOutage(Number(process.env.OUTAGE_MS ?? OUTAGE_MS)), null, 2));
}
