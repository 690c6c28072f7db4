/**
 * Offline-first in Chromium against the reference server with 300 ms of
 * latency on every API request: the time from navigation to the bell showing
 * its count on a first visit (nothing persisted) and on a visit after one (the
 * persisted cache), and the IndexedDB size of 500 notifications.
 */
import type { Browser, Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '@pd-notify/mock-server';
import { browserBundle } from '../scripts/browser-bundle.js';
import { scriptPage } from '../scripts/script-page.js';
import { launchChromium } from '../scripts/chromium.js';
import type { OfflineBench } from './offline-page.js';
import { repeat, type Summary } from './stats.js';

declare global {
  interface Window {
    pdOffline: OfflineBench;
  }
}

export interface OfflineResults {
  latencyMs: number;
  /** ms from navigation to the bell showing the count. */
  bell: { firstVisit: Summary; cached: Summary };
  /** 500 notifications persisted. */
  storage: { notifications: number; entryBytes: number; usageBytes: number };
}

const TOKEN = 'demo-alice';
const LATENCY_MS = 300;

async function control(server: RunningServer, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${server.url}/control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status}`);
}

async function unread(server: RunningServer): Promise<number> {
  const response = await fetch(`${server.url}/v1/counts`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  return ((await response.json()) as { unreadNotifications: number }).unreadNotifications;
}

async function open(browser: Browser, server: RunningServer): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/offline.html`);
  await page.waitForFunction(() => 'pdOffline' in window, { polling: 10 });
  return page;
}

export async function benchOffline(): Promise<OfflineResults> {
  const script = await browserBundle(new URL('offline-page.ts', import.meta.url));
  const server = await startServer({
    port: 0,
    seed: 'demo',
    control: true,
    rateLimit: false,
    extraHandler: scriptPage('/offline.html', [{ path: '/offline.js', code: script, module: true }]),
  });
  const browser = await launchChromium();
  try {
    const key = `${server.url}|alice`;
    const expected = String(await unread(server));
    await control(server, 'faults', { latencyMs: LATENCY_MS });
    /** One visit in a browser context of its own (nothing persisted), or a second visit in the same one. */
    const visit = async (cached: boolean): Promise<number> => {
      const context = await browser.createBrowserContext();
      try {
        if (cached) {
          const first = await context.newPage();
          await first.goto(`${server.url}/offline.html`);
          await first.waitForFunction(() => 'pdOffline' in window, { polling: 10 });
          await first.evaluate(
            (url, token, count) => window.pdOffline.bell(url, token, count),
            server.url,
            TOKEN,
            expected,
          );
          await first.waitForFunction((k) => window.pdOffline.stored(k), { polling: 100 }, key);
          await first.close();
        }
        const page = await context.newPage();
        await page.goto(`${server.url}/offline.html`);
        await page.waitForFunction(() => 'pdOffline' in window, { polling: 10 });
        return await page.evaluate(
          (url, token, count) => window.pdOffline.bell(url, token, count),
          server.url,
          TOKEN,
          expected,
        );
      } finally {
        await context.close();
      }
    };
    const bell = {
      firstVisit: await repeat(() => visit(false), { warmup: 1, runs: 5 }),
      cached: await repeat(() => visit(true), { warmup: 1, runs: 5 }),
    };
    await control(server, 'faults', {});
    await control(server, 'reset', { seed: 'empty' });
    for (let i = 1; i <= 500; i++) {
      await control(server, 'act', {
        action: 'notify',
        userId: 'alice',
        type: 'comment',
        title: `Ben Okafor commented on “Track ${i}”`,
        message: 'The kick clips at 1:42; can you look before the mix goes out?',
      });
    }
    const page = await open(browser, server);
    const stored = await page.evaluate(
      (url, token, k) => window.pdOffline.persist(url, token, 500, k),
      server.url,
      TOKEN,
      key,
    );
    if (stored.stored !== 500) throw new Error(`persisted ${stored.stored} notifications, not 500`);
    return {
      latencyMs: LATENCY_MS,
      bell,
      storage: { notifications: stored.stored, entryBytes: stored.entryBytes, usageBytes: stored.usageBytes },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
