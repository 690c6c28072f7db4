/**
 * The React example (examples/react, built with Vite) in Chromium against the
 * reference server: the @pd-notify/react components render, and their typed
 * event props reach the app.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, openRecordedPage, type RecordedPage } from '../../../scripts/chromium.js';
import { eventually } from '../../../packages/client/test/eventually.js';
import { startReactExample } from '../serve.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let inPage: RecordedPage['inPage'];

before(async () => {
  server = await startReactExample(0, join(root, '.test-results/react-example'));
  browser = await launchChromium();
  ({ page, errors: pageErrors, inPage } = await openRecordedPage(browser, `${server.url}/`));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('examples/react (Vite) in Chromium', () => {
  it('renders the header: both badges with live counts', async () => {
    await eventually(async () =>
      assert.equal(await inPage(`return q(document.querySelector('pd-activity-feed'), '.badge').textContent`), '8'),
    );
    await eventually(async () =>
      assert.equal(await inPage(`return q(document.querySelector('pd-bell-badge'), '.badge').textContent`), '3'),
    );
  });

  it('onPdNavigate: opening a row reaches the React app', async () => {
    await inPage(`q(document.querySelector('pd-activity-feed'), '.bell').click()`);
    await eventually(async () =>
      assert.equal(
        await inPage(`
          const row = [...document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article')]
            .find((r) => r.querySelector('h3').textContent === 'Ben Okafor commented on “Midnight Drive”');
          if (!row) return false;
          row.click();
          return true;`),
        true,
      ),
    );
    await eventually(async () =>
      assert.equal(
        await inPage(`return document.getElementById('message').textContent`),
        'Open midnight-drive (comments)',
      ),
    );
  });

  it('onPdInviteAccepted: accepting in the modal reaches the React app', async () => {
    await page.keyboard.press('Escape');
    await inPage(`q(document.querySelector('pd-bell-badge'), 'button').click()`);
    await eventually(async () =>
      assert.equal(
        await inPage(`
          const card = [...document.querySelector('pd-invitations').shadowRoot.querySelectorAll('pd-invite-card')]
            .find((c) => c.invitation.track.name === 'Low Tide');
          if (!card) return false;
          q(card, '[part=accept]').click();
          return true;`),
        true,
      ),
    );
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('message').textContent`), 'Accepted Low Tide (edit)'),
    );
    assert.deepEqual(pageErrors, []);
  });
});
