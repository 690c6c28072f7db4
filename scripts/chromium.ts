/**
 * Chromium for the suites and scripts that drive it themselves with
 * puppeteer-core (the Storybook smoke test, the examples, the benchmarks, the
 * chaos suite, the screenshot), found the way `npm test` finds it.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { CHROME_ARGS, findChrome, installHint } from './browsers.mjs';

/** Launches Chromium with the project's flags (and `extraArgs`), or says how to install it. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const chrome = findChrome();
  if (!chrome) throw new Error(installHint('chromium'));
  return puppeteer.launch({ executablePath: chrome, args: [...CHROME_ARGS, ...extraArgs] });
}

export interface RecordedPage {
  page: Page;
  /** Uncaught errors and console errors of the page, in order. */
  errors: string[];
  /** Runs `script` in the page with `q(host, selector)`, a querySelector that looks inside shadow roots. */
  inPage<T>(script: string): Promise<T>;
}

/** Opens `url` in a new page that records its errors. */
export async function openRecordedPage(
  browser: Browser,
  url: string,
  viewport?: { width: number; height: number },
): Promise<RecordedPage> {
  const page = await browser.newPage();
  if (viewport) await page.setViewport(viewport);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push((error as Error).message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  const inPage = <T>(script: string): Promise<T> =>
    page.evaluate(`(() => {
      const q = (host, selector) => (host.shadowRoot ?? host).querySelector(selector);
      ${script}
    })()`) as Promise<T>;
  return { page, errors, inPage };
}
