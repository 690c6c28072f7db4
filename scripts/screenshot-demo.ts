/**
 * `npm run screenshot`: docs/demo.png, the demo page with the feed open, taken in
 * Chromium from `npm start`'s server (no activity generator, so it is repeatable).
 */
import { startDemo } from '../examples/vanilla/serve.js';
import { launchChromium } from './chromium.js';

const server = await startDemo(0);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 700, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/`);
  await page.waitForFunction(
    () => document.querySelector('pd-activity-feed')?.shadowRoot?.querySelector('.badge')?.textContent === '8',
  );
  await page.evaluate(() =>
    document.querySelector('pd-activity-feed')!.shadowRoot!.querySelector<HTMLButtonElement>('.bell')!.click(),
  );
  await page.waitForFunction(
    () => (document.querySelector('pd-activity-feed')?.shadowRoot?.querySelectorAll('article').length ?? 0) > 4,
  );
  await page.evaluate(() => document.getAnimations().forEach((animation) => animation.finish()));
  await page.screenshot({ path: 'docs/demo.png' });
  console.log('docs/demo.png written');
} finally {
  await browser.close();
  await server.close();
}
