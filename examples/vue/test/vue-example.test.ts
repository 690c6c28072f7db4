/**
 * The Vue example (examples/vue, built with Vite) in Chromium against the
 * reference server, served with the strict Content Security Policy: the elements
 * in Vue templates show the server's data, a row the user opens is routed by
 * vue-router (no page load), accepting an invitation and saving preferences
 * change the server, the help view renders, every history route is a page, and
 * nothing breaks the policy.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../../scripts/chromium.js';
import { eventually } from '../../../packages/client/test/eventually.js';
import { acceptInvitation, openHostPage, saveCategoryOff, type HostPage } from '../../host-page.js';
import { startVueExample } from '../serve.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let server: RunningServer;
let browser: Browser;
let host: HostPage;
let page: Page;
let inPage: HostPage['inPage'];

before(async () => {
  server = await startVueExample(0, join(root, '.test-results/vue-example'));
  browser = await launchChromium();
  host = await openHostPage(browser, `${server.url}/`);
  ({ page, inPage } = host);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('examples/vue (Vue 3, vue-router, Vite) in Chromium under the strict CSP', () => {
  it('is served with the strict policy (Vue’s Trusted Types policy besides Lit’s), on every route', async () => {
    for (const path of ['/', '/help', '/tracks/midnight-drive']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self';/);
      assert.match(csp, /trusted-types lit-html vue$/);
      assert.doesNotMatch(csp, /unsafe-/);
      assert.match(await response.text(), /<div id="app"><\/div>/);
    }
    assert.equal((await fetch(`${server.url}/assets/missing.js`)).status, 404);
  });

  it('the bell shows the server’s unread count, the envelope its pending invitations', async () => {
    const counts = server.store.counts('alice');
    assert.ok(counts.unreadNotifications > 0 && counts.pendingInvitations > 0);
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-activity-feed'), '.badge')?.textContent`),
        String(counts.unreadNotifications),
      ),
    );
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-bell-badge'), '.badge')?.textContent`),
        String(counts.pendingInvitations),
      ),
    );
  });

  it('a comment’s row is the app’s Vue content (renderRow, a function passed as a property)', async () => {
    await inPage(`q(document.querySelector('pd-activity-feed'), '.bell').click()`);
    await eventually(async () =>
      assert.equal(
        await inPage(`
          const row = [...document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article')]
            .find((r) => r.querySelector('#' + r.getAttribute('aria-labelledby'))?.textContent === 'Ben Okafor commented on “Midnight Drive”');
          return row?.querySelector('.comment-row blockquote')?.textContent ?? null;`),
        'The kick clips at 1:42. Can you pull the sub down about 2 dB before I print the stems?',
      ),
    );
  });

  it('opening a row routes through vue-router: the track’s view, the URL, no page load', async () => {
    await inPage(`window.pdSamePage = true`);
    await inPage(`
      const row = [...document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article')]
        .find((r) => r.querySelector('#' + r.getAttribute('aria-labelledby'))?.textContent === 'Ben Okafor commented on “Midnight Drive”');
      row.click();`);
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('track-title')?.textContent`), 'Track midnight-drive'),
    );
    assert.equal(await inPage(`return location.pathname + location.search`), '/tracks/midnight-drive?widget=comments');
    assert.equal(await inPage(`return document.getElementById('widget').textContent`), 'Showing: comments');
    assert.equal(await inPage(`return window.pdSamePage`), true);
    // The feed closed its panel itself.
    assert.equal(
      await inPage(`return q(document.querySelector('pd-activity-feed'), '#panel')?.matches(':popover-open') ?? false`),
      false,
    );
  });

  it('accepting an invitation in the modal changes the server and reaches the app', async () => {
    await acceptInvitation(host, server, 'Low Tide');
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('message').textContent`), 'Accepted Low Tide (edit)'),
    );
    await page.keyboard.press('Escape');
  });

  it('saving the preferences form (Settings, a router link) changes the server', async () => {
    await inPage(`document.querySelector('nav a[href="/settings"]').click()`);
    await eventually(async () => assert.equal(await inPage(`return location.pathname`), '/settings'));
    const version = await saveCategoryOff(host, server, 'trackActivity');
    await eventually(async () =>
      assert.equal(
        await inPage(`return document.getElementById('message').textContent`),
        `Preferences saved (version ${version})`,
      ),
    );
    assert.equal(await inPage(`return window.pdSamePage`), true);
  });

  it('the help view renders (a router link), and loads as a page of its own (a history route)', async () => {
    const helpTitle = `return deep('pd-notification-help h2[part=title]') ?? deep('h2[part=title]', document.querySelector('pd-notification-help').shadowRoot)`;
    await inPage(`document.querySelector('nav a[href="/help"]').click()`);
    await eventually(async () =>
      assert.equal(await inPage(`${helpTitle}?.textContent`), 'Not receiving notifications?'),
    );
    assert.equal(await inPage(`return window.pdSamePage`), true);
    await page.goto(`${server.url}/help`);
    await eventually(async () =>
      assert.equal(await inPage(`${helpTitle}?.textContent`), 'Not receiving notifications?'),
    );
    assert.equal(await inPage(`return window.pdSamePage ?? null`), null);
  });

  it('breaks no rule of the policy and logs no error', async () => {
    assert.deepEqual(host.violations, []);
    assert.deepEqual(host.errors, []);
  });
});
