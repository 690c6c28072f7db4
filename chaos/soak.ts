/**
 * The soak: tens of thousands of notifications over a simulated day (the
 * server's clock advanced as they come) with the stream cut every few hundred
 * events, in one Chromium tab. Reports the page's JS heap at start, middle and
 * end (after a full GC), checks the page ends in the server's state, and that
 * removing the elements releases every interval, timeout, global listener,
 * channel and stream they held.
 */
import type { Page } from 'puppeteer-core';
import { ChaosRig } from './harness.js';

declare global {
  interface Window {
    pdLive: () => { intervals: number; timeouts: number; listeners: string[]; channels: number };
  }
}

export interface SoakOptions {
  events: number;
  /** Events per batch; the stream is cut after every batch. */
  batch: number;
}

export interface SoakReport {
  events: number;
  /** Streams the page opened again after its first one (counted from its requests to /v1/events). */
  reconnects: number;
  heapMb: { start: number; middle: number; end: number };
  /** Why the page's final state differs from the server's, or what the removed elements left behind; null when all is well. */
  mismatch: string | null;
}

const DAY = 86_400_000;

/** The page's used JS heap after a full GC, in MB. */
async function heapMb(page: Page): Promise<number> {
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
  const { JSHeapUsedSize = 0 } = await page.metrics();
  return Math.round((JSHeapUsedSize / 1024 / 1024) * 10) / 10;
}

/** The page's loaded window against the server's newest notifications, counts and badge. */
async function windowDifference(rig: ChaosRig, page: Page): Promise<string | null> {
  const state = await page.evaluate(() => window.pdChaos.state());
  return ChaosRig.difference(state, await rig.truth(), { window: true });
}

async function until(check: () => Promise<string | null>, timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs;
  let last = await check();
  while (last && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await check();
  }
  return last;
}

export async function soak(rig: ChaosRig, { events, batch }: SoakOptions): Promise<SoakReport> {
  await rig.reset('empty');
  const page = await rig.openTab();
  const baseline = await page.evaluate(() => {
    void window.pdChaos.unmount();
    return window.pdLive();
  });
  await page.evaluate((url, token) => window.pdChaos.mount(url, token), rig.server.url, rig.token);
  await page.waitForFunction(() => window.pdChaos.state().connection === 'live', { polling: 100 });
  let reconnects = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/events') reconnects++;
  });
  const batches = Math.ceil(events / batch);
  const heap = { start: await heapMb(page), middle: 0, end: 0 };
  let mismatch: string | null = null;
  for (let round = 1; round <= batches && !mismatch; round++) {
    await rig.control('act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: `Soak ${round}`,
      message: '',
      count: batch,
    });
    await rig.control('clock/advance', { ms: Math.round(DAY / batches) });
    const before = reconnects;
    await rig.control('streams/drop');
    mismatch = await until(async () => {
      const back = reconnects > before && (await rig.streams()) === 1;
      return back ? windowDifference(rig, page) : `the stream did not come back after cut ${round}`;
    }, 20_000);
    if (round === Math.ceil(batches / 2)) heap.middle = await heapMb(page);
  }
  heap.end = await heapMb(page);
  if (!mismatch) {
    await page.evaluate(() => window.pdChaos.unmount());
    mismatch = await until(async () => {
      const live = await page.evaluate(() => window.pdLive());
      const streams = await rig.streams();
      const left: string[] = [];
      if (live.intervals > baseline.intervals) left.push(`${live.intervals - baseline.intervals} interval(s)`);
      if (live.timeouts > baseline.timeouts) left.push(`${live.timeouts - baseline.timeouts} pending timeout(s)`);
      const extra = live.listeners.filter((listener) => !baseline.listeners.includes(listener));
      if (extra.length) left.push(`listeners ${extra.join(', ')}`);
      if (live.channels > baseline.channels) left.push(`${live.channels - baseline.channels} BroadcastChannel(s)`);
      if (streams) left.push(`${streams} stream(s) open on the server`);
      return left.length ? `after removal the page still holds ${left.join('; ')}` : null;
    }, 5000);
  }
  return { events: batches * batch, reconnects, heapMb: heap, mismatch };
}
