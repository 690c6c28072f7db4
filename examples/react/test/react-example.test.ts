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
import { strictCsp } from '../../strict-csp.js';
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
  it('is served under the strict Content Security Policy', async () => {
    const answer = await fetch(`${server.url}/`);
    assert.equal(answer.headers.get('content-security-policy'), strictCsp());
    // Chromium logs each refused script, style or string-to-HTML as a console error.
    assert.deepEqual(pageErrors, []);
  });

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
            .find((r) => r.querySelector('[id$="-title"]').textContent === 'Ben Okafor commented on “Midnight Drive”');
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

  it('renderRow: a comment’s row is the app’s React content (a portal); the other rows are the feed’s own', async () => {
    const rows = async () =>
      (await inPage(`
        return [...document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article')].map((row) => ({
          name: row.querySelector('[id="' + row.getAttribute('aria-labelledby') + '"]').textContent,
          quote: row.querySelector('.comment-row blockquote')?.textContent ?? null,
          ownTitle: row.querySelector('h3') !== null,
        }));`)) as { name: string; quote: string | null; ownTitle: boolean }[];
    await inPage(`q(document.querySelector('pd-activity-feed'), '.bell').click()`);
    await eventually(async () => assert.ok((await rows()).some((row) => row.quote !== null)));
    const comment = (await rows()).find((row) => row.name === 'Ben Okafor commented on “Midnight Drive”')!;
    assert.equal(
      comment.quote,
      'The kick clips at 1:42. Can you pull the sub down about 2 dB before I print the stems?',
    );
    assert.equal(comment.ownTitle, false);
    assert.ok((await rows()).filter((row) => row.quote === null).every((row) => row.ownTitle));
    assert.deepEqual(pageErrors, []);
    await page.keyboard.press('Escape');
  });

  it('renderRow: the app’s Reply is its own (not the row’s) and a Tab stop of the current row only; a group of comments keeps the feed’s title, its members the app’s rows', async () => {
    const replies = () =>
      inPage(`
        return [...document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article')]
          .filter((row) => row.querySelector('.comment-row button'))
          .map((row) => ({ current: row.tabIndex === 0, tabIndex: row.querySelector('.comment-row button').tabIndex }));`) as Promise<
        { current: boolean; tabIndex: number }[]
      >;
    // Two comments on one track: a group over the demo's rows.
    for (const text of ['First take', 'Second take']) server.store.comment('ben', 'midnight-drive', text);
    await inPage(`q(document.querySelector('pd-activity-feed'), '.bell').click()`);
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-activity-feed'), 'article h3').textContent`),
        'Ben Okafor left 2 comments on “Midnight Drive”',
      ),
    );
    // The app's button: in the Tab order of the current row only (none is current: the first row is).
    await eventually(async () => {
      const found = await replies();
      assert.ok(found.length > 0);
      for (const reply of found) assert.equal(reply.tabIndex, reply.current ? 0 : -1);
    });
    await inPage(`q(document.querySelector('pd-activity-feed'), '[part="group-toggle"]').click()`);
    await eventually(async () => assert.equal((await replies()).length, 3));
    await inPage(`
      const rows = document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article');
      rows[1].querySelector('.comment-row button').click();`);
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('message').textContent`), 'Reply to Ben Okafor'),
    );
    // The row did not open (opening closes the panel).
    assert.equal(
      await inPage(`return q(document.querySelector('pd-activity-feed'), '#panel').matches(':popover-open')`),
      true,
    );
    assert.deepEqual(pageErrors, []);
    await page.keyboard.press('Escape');
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
