/**
 * The elements in Chromium: render time of 100 / 1,000 / 10,000 notifications,
 * frame intervals while scrolling 10,000 rows, the JS heap they take, and the
 * realtime latency from the server to the bell (SSE and polling).
 */
import type { Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { browserBundle } from '../scripts/browser-bundle.js';
import { scriptPage } from '../scripts/script-page.js';
import { launchChromium } from '../scripts/chromium.js';
import type { Bench } from './page.js';
import { percentiles, repeat, summarize, type Percentiles, type Summary } from './stats.js';

export interface BrowserResults {
  /** ms from mounting the feed to the painted frame, by notification count. */
  render: Record<string, Summary>;
  scroll: { frameIntervals: Percentiles; longFrames: number; maxRowsInDom: number };
  heap: { baselineMb: number; with10kMb: number; forTheFeedMb: number };
  /** ms from the control API call that emits an event to the bell's text showing it. */
  latency: Record<'sse' | 'polling', Percentiles>;
}

declare global {
  interface Window {
    pdBench: Bench;
    pdBadgeSeen: Record<number, number>;
    pdBadgeStop: () => void;
  }
}

async function control(server: RunningServer, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${server.url}/control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status}`);
}

/**
 * Emits `events` notifications for Alice, one every `spacingMs`, while the page
 * watches the bell; each event's latency is from just before its control call
 * to the first time the bell showed at least its count.
 */
async function latency(page: Page, server: RunningServer, transport: 'sse' | 'polling', events = 200, spacingMs = 25) {
  await control(server, 'reset', { seed: 'empty' });
  await page.evaluate((url, mode) => window.pdBench.watchBadge(url, mode), server.url, transport);
  const sentAt: number[] = [];
  for (let i = 1; i <= events; i++) {
    sentAt[i] = performance.timeOrigin + performance.now();
    await control(server, 'act', { action: 'notify', userId: 'alice', type: 'comment', title: 'Latency', message: '' });
    await new Promise((resolve) => setTimeout(resolve, spacingMs));
  }
  await page.waitForFunction((count) => Object.keys(window.pdBadgeSeen).map(Number).includes(count), {}, events);
  const seen = await page.evaluate(() => window.pdBadgeSeen);
  await page.evaluate(() => window.pdBadgeStop());
  const counts = Object.keys(seen)
    .map(Number)
    .sort((a, b) => a - b);
  const latencies = sentAt.slice(1).map((sent, index) => {
    const shown = counts.find((count) => count >= index + 1)!;
    return seen[shown]! - sent;
  });
  return percentiles(latencies);
}

export async function benchBrowser(): Promise<BrowserResults> {
  const script = await browserBundle(new URL('page.ts', import.meta.url));
  const server = await startServer({
    port: 0,
    seed: 'empty',
    control: true,
    rateLimit: false,
    extraHandler: scriptPage('/', [{ path: '/bench.js', code: script, module: true }]),
  });
  const browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => 'pdBench' in window);

    const render: Record<string, Summary> = {};
    for (const count of [100, 1000, 10_000]) {
      render[String(count)] = await repeat(() => page.evaluate((n) => window.pdBench.render(n), count), {
        warmup: 2,
        runs: 7,
      });
    }
    const scrolled = await page.evaluate(() => window.pdBench.scroll(300));
    const heaps = [];
    for (let run = 0; run < 3; run++) heaps.push(await page.evaluate(() => window.pdBench.heap()));
    const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    const before = summarize(heaps.map((heap) => heap.before)).median;
    const with10k = summarize(heaps.map((heap) => heap.with10k)).median;

    const sse = await latency(page, server, 'sse');
    const polling = await latency(page, server, 'polling');
    return {
      render,
      scroll: {
        frameIntervals: percentiles(scrolled.intervals),
        longFrames: scrolled.intervals.filter((interval) => interval > 50).length,
        maxRowsInDom: scrolled.maxRows,
      },
      heap: { baselineMb: mb(before), with10kMb: mb(with10k), forTheFeedMb: mb(with10k - before) },
      latency: { sse, polling },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
