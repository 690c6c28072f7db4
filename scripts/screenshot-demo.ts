/**
 * `npm run screenshot`: docs/demo.png, the demo page with the feed open, and the
 * element docs' screenshots (docs/elements/images/: the triggers on light and dark
 * host headers, the feed on a dark header, the French modal, the demo at 360 px),
 * taken in Chromium from `npm start`'s server (no activity generator, so they
 * are repeatable).
 */
import type { Page } from 'puppeteer-core';
import { startDemo } from '../examples/vanilla/serve.js';
import { launchChromium } from './chromium.js';

const server = await startDemo(0);
const browser = await launchChromium();

/** A host page of our own on the demo server: `body` inside a provider for Alice, in `lang` (and `dir`). */
async function hostPage(page: Page, body: string, lang = 'en', dir = 'ltr'): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.setContent(`<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
    <style>body { margin: 0; font-family: system-ui, sans-serif; background: #f6f6f9; }
      header { display: flex; align-items: center; gap: 0.75rem; padding: 0.75rem 1.25rem; }
      header strong { flex: 1; }</style>
    <script type="module" src="${server.url}/pd-notify.js"></script></head>
    <body><pd-provider base-url="${server.url}" token="demo-alice">${body}</pd-provider></body></html>`);
}

const feedBadge = (selector = 'pd-activity-feed') =>
  `document.querySelector('${selector}')?.shadowRoot?.querySelector('.badge')?.textContent === '8'`;

async function openFeed(page: Page): Promise<void> {
  await page.evaluate(() =>
    document.querySelector('pd-activity-feed')!.shadowRoot!.querySelector<HTMLButtonElement>('.bell')!.click(),
  );
  await page.waitForFunction(
    () => (document.querySelector('pd-activity-feed')?.shadowRoot?.querySelectorAll('article').length ?? 0) > 4,
  );
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.getAnimations().forEach((animation) => animation.finish()));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

try {
  const page = await browser.newPage();

  /** The demo page at `width` × `height` with the feed open. */
  const demoWithFeedOpen = async (width: number, height: number, path: string) => {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(feedBadge());
    await openFeed(page);
    await settle(page);
    await page.screenshot({ path });
  };

  await demoWithFeedOpen(1100, 700, 'docs/demo.png');

  await page.setViewport({ width: 720, height: 150, deviceScaleFactor: 1 });
  await hostPage(
    page,
    ['#ffffff;color:#1d1d22', '#111827;color:#f9fafb']
      .map(
        (style) => `<header style="background:${style}"><strong>Producer Dashboard</strong>
          <pd-bell-badge counter="invitations"></pd-bell-badge><pd-activity-feed></pd-activity-feed></header>`,
      )
      .join(''),
  );
  await page.waitForFunction(feedBadge());
  await settle(page);
  await page.screenshot({ path: 'docs/elements/images/pd-bell-badge-headers.png' });

  await page.setViewport({ width: 720, height: 640, deviceScaleFactor: 1 });
  await hostPage(
    page,
    `<div style="background:#0b0f19;min-height:100vh"><header style="background:#111827;color:#f9fafb">
      <strong>Producer Dashboard</strong>
      <pd-bell-badge counter="invitations" theme="dark"></pd-bell-badge><pd-activity-feed theme="dark"></pd-activity-feed>
    </header></div>`,
  );
  await page.waitForFunction(feedBadge());
  await openFeed(page);
  await settle(page);
  await page.screenshot({ path: 'docs/elements/images/pd-activity-feed-dark-header.png' });

  await page.setViewport({ width: 720, height: 620, deviceScaleFactor: 1 });
  await hostPage(page, `<pd-invitations></pd-invitations>`, 'fr');
  await page.evaluate(() => document.querySelector('pd-invitations')!.show());
  await page.waitForFunction(
    () =>
      document
        .querySelector('pd-invitations')
        ?.shadowRoot?.querySelector('pd-invite-card')
        ?.shadowRoot?.querySelector('[part=accept]')
        ?.textContent?.trim() === 'Accepter',
  );
  await settle(page);
  await page.screenshot({ path: 'docs/elements/images/pd-invitations-french.png' });

  await demoWithFeedOpen(360, 740, 'docs/elements/images/pd-activity-feed-narrow.png');

  // Arabic, right to left: the feed, the modal and the form, their texts and the server's in Arabic.
  await page.setViewport({ width: 720, height: 640, deviceScaleFactor: 1 });
  await hostPage(
    page,
    `<header><strong>Producer Dashboard</strong><pd-activity-feed></pd-activity-feed></header>`,
    'ar',
    'rtl',
  );
  await page.waitForFunction(feedBadge());
  await openFeed(page);
  await page.waitForFunction(() =>
    [...document.querySelector('pd-activity-feed')!.shadowRoot!.querySelectorAll('article h3')].some(
      (title) => title.textContent === 'صيانة مجدولة يوم الأحد',
    ),
  );
  await settle(page);
  await page.screenshot({ path: 'docs/elements/images/pd-activity-feed-arabic.png' });

  await hostPage(page, `<pd-invitations></pd-invitations>`, 'ar', 'rtl');
  await page.evaluate(() => document.querySelector('pd-invitations')!.show());
  await page.waitForFunction(() => {
    const accept = document
      .querySelector('pd-invitations')
      ?.shadowRoot?.querySelector('pd-invite-card')
      ?.shadowRoot?.querySelector('[part=accept]');
    return accept !== null && accept !== undefined && accept.textContent?.trim() !== 'Accept';
  });
  await settle(page);
  await page.screenshot({ path: 'docs/elements/images/pd-invitations-arabic.png' });

  await page.setViewport({ width: 720, height: 900, deviceScaleFactor: 1 });
  await hostPage(page, `<main style="padding:1rem"><pd-preferences-form></pd-preferences-form></main>`, 'ar', 'rtl');
  await page.waitForFunction(() => {
    const form = document.querySelector('pd-preferences-form')?.shadowRoot;
    const title = form?.querySelector('h2')?.textContent?.trim();
    return Boolean(title && title !== 'Notification preferences' && form?.querySelector('input'));
  });
  await settle(page);
  await page.screenshot({ path: 'docs/elements/images/pd-preferences-form-arabic.png' });

  console.log('docs/demo.png and docs/elements/images/*.png written');
} finally {
  await browser.close();
  await server.close();
}
