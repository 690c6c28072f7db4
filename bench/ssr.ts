/**
 * Server-rendered first paint against the client-only page (examples/ssr, `?render=client`),
 * in Chromium with 300 ms of latency on every request the browser makes (the page, its
 * script, the token, the API and the stream): the time from navigation to the frame where
 * the bell first shows the user's unread count, and the layout shift until the elements run.
 * Each visit in a browser context of its own (nothing persisted).
 */
import { startSsrExample } from '../examples/ssr/serve.js';
import { launchChromium } from '../scripts/chromium.js';
import { repeat, type Summary } from './stats.js';

export interface SsrResults {
  latencyMs: number;
  /** ms from navigation to the bell showing the count. */
  countOnScreen: { server: Summary; client: Summary };
  /** The layout shift (the sum of Chromium's `layout-shift` entries) until the elements run, per run. */
  layoutShift: { server: number[]; client: number[] };
}

const LATENCY_MS = 300;

/** Injected before the page: the first frame with the count on screen, the layout shift, and when the elements ran. */
const WATCH = (expected: string) => `
  window.pdSsr = { shownAt: null, shift: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.pdSsr.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const frame = () => {
    const badge = document.querySelector('pd-activity-feed')?.shadowRoot?.querySelector('.badge');
    if (badge && !badge.hidden && badge.textContent === ${JSON.stringify(expected)}) {
      window.pdSsr.shownAt = performance.now();
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

export async function benchSsr(): Promise<SsrResults> {
  const server = await startSsrExample(0);
  const browser = await launchChromium();
  try {
    const expected = String(server.store.counts('alice').unreadNotifications);
    const layoutShift = { server: [] as number[], client: [] as number[] };
    const visit = async (render: 'server' | 'client'): Promise<number> => {
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: LATENCY_MS,
          downloadThroughput: -1,
          uploadThroughput: -1,
        });
        await page.evaluateOnNewDocument(WATCH(expected));
        await page.goto(`${server.url}/${render === 'client' ? '?render=client' : ''}`, {
          waitUntil: 'domcontentloaded',
        });
        await page.waitForFunction(() => (window as { pdSsr?: { shownAt: number | null } }).pdSsr?.shownAt, {
          polling: 20,
        });
        // Until the elements run: the feed's bell is its button (a link until then when rendered on the server).
        await page.waitForFunction(
          () => document.querySelector('pd-activity-feed')?.shadowRoot?.querySelector('button.bell'),
          { polling: 20 },
        );
        const { shownAt, shift } = (await page.evaluate('window.pdSsr')) as { shownAt: number; shift: number };
        layoutShift[render].push(shift);
        return shownAt;
      } finally {
        await context.close();
      }
    };
    const countOnScreen = {
      server: await repeat(() => visit('server'), { warmup: 1, runs: 5 }),
      client: await repeat(() => visit('client'), { warmup: 1, runs: 5 }),
    };
    // The runs measured (the warm-up's left out).
    const measured = { server: layoutShift.server.slice(-5), client: layoutShift.client.slice(-5) };
    return { latencyMs: LATENCY_MS, countOnScreen, layoutShift: measured };
  } finally {
    await browser.close();
    await server.close();
  }
}
