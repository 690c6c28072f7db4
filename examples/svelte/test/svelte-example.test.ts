/**
 * The Svelte 5 example (examples/svelte, built with Vite) in Chromium against the
 * reference server, under the strict Content Security Policy it is served with:
 * the elements get their objects as properties, their events reach the app, the
 * app's own history router follows the feed's rows and the page's links without
 * loading the page again, and nothing breaks the policy (Svelte's and Lit's Trusted
 * Types policies are the only ones, and are allowed by name).
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
import { startSvelteExample, SVELTE_POLICY } from '../serve.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let server: RunningServer;
let browser: Browser;
let host: HostPage;
let page: Page;
let inPage: HostPage['inPage'];
let csp: string;

const location = () => inPage<string>(`return location.pathname + location.search`);
/** Set on the window once: still there after a route change means the page was not loaded again. */
const marker = () => inPage<boolean>(`return window.__svelteExampleMarker === true`);

before(async () => {
  server = await startSvelteExample(0, join(root, '.test-results/svelte-example'));
  browser = await launchChromium();
  host = await openHostPage(browser, `${server.url}/`);
  ({ page, inPage } = host);
  csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
  await page.evaluate(() => {
    (window as unknown as { __svelteExampleMarker: boolean }).__svelteExampleMarker = true;
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('examples/svelte (Svelte 5, Vite) in Chromium', () => {
  it('is served with the strict policy: no inline or eval, Trusted Types through Lit’s and Svelte’s policies only', () => {
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, new RegExp(`trusted-types lit-html ${SVELTE_POLICY}$`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  it('the bell shows the server’s unread count, the envelope its pending invitations', async () => {
    const counts = server.store.counts('alice');
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
    // The object given as a property: the provider shares the app's client, not one of its own.
    assert.equal(await inPage(`return typeof document.querySelector('pd-provider').client?.setToken`), 'function');
    assert.equal(await inPage(`return document.querySelector('pd-provider').hasAttribute('client')`), false);
  });

  it('a row click navigates through the app’s router (pd-navigate): the track’s view, no page load; Back returns', async () => {
    const historyLength = await inPage<number>(`return history.length`);
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
    await eventually(async () => assert.equal(await location(), '/tracks/midnight-drive?widget=comments'));
    assert.equal(await inPage(`return document.getElementById('track-title')?.textContent`), 'Track midnight-drive');
    assert.equal(await inPage(`return document.getElementById('track-widget')?.textContent`), 'Showing: comments');
    assert.equal(await inPage(`return document.querySelector('pd-sync-status')?.trackId`), 'midnight-drive');
    assert.equal(await inPage(`return history.length`), historyLength + 1);
    assert.equal(await marker(), true);
    // The feed closed its panel itself.
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-activity-feed'), '#panel').matches(':popover-open')`),
        false,
      ),
    );
    // On a track's page, the modal shows that track's invitations.
    assert.equal(await inPage(`return document.querySelector('pd-invitations').trackId`), 'midnight-drive');

    await page.goBack();
    await eventually(async () => assert.equal(await location(), '/'));
    assert.equal(await inPage(`return document.getElementById('home-title')?.textContent`), 'Your tracks');
    assert.equal(await inPage(`return document.querySelector('pd-invitations').trackId`), null);
    assert.equal(await marker(), true);
  });

  it('accepting an invitation in the modal changes the server, and the event reaches the app', async () => {
    await acceptInvitation(host, server, 'Low Tide');
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('message').textContent`), 'Accepted Low Tide (edit)'),
    );
    await page.keyboard.press('Escape');
    await eventually(async () =>
      assert.equal(await inPage(`return document.querySelector('pd-invitations').open`), false),
    );
  });

  it('saving the preferences form (reached by a header link) changes the server', async () => {
    await inPage(`document.querySelector('nav a[href="/settings/notifications"]').click()`);
    await eventually(async () => assert.equal(await location(), '/settings/notifications'));
    assert.equal(await marker(), true);
    await saveCategoryOff(host, server, 'projects');
    await eventually(async () =>
      assert.equal(
        await inPage(`return document.getElementById('message').textContent`),
        'Notification settings saved',
      ),
    );
  });

  it('the help view renders, and its profile link (inside the element) goes through the router', async () => {
    await inPage(`document.querySelector('nav a[href="/help"]').click()`);
    await eventually(async () => assert.equal(await location(), '/help'));
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-notification-help'), '[part~="title"]')?.textContent.trim()`),
        'Not receiving notifications?',
      ),
    );
    // The category switched off above is one of its checks.
    await eventually(async () =>
      assert.ok(
        (await inPage<number>(
          `return document.querySelector('pd-notification-help').shadowRoot.querySelectorAll('[part~="turn-on"]').length`,
        )) > 0,
      ),
    );
    await eventually(async () =>
      assert.equal(
        await inPage(`
          const link = q(document.querySelector('pd-notification-help'), 'a[href$="/settings/profile"]');
          if (!link) return false;
          link.click();
          return true;`),
        true,
      ),
    );
    await eventually(async () => assert.equal(await location(), '/settings/profile'));
    await eventually(async () =>
      assert.match(await inPage<string>(`return document.querySelector('main').textContent`), /alice@moreno\.studio/),
    );
    assert.equal(await marker(), true);
  });

  it('a route loaded directly (reload, shared link) shows its view', async () => {
    await page.goto(`${server.url}/help`);
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-notification-help'), '[part~="title"]')?.textContent.trim()`),
        'Not receiving notifications?',
      ),
    );
    assert.equal(
      await inPage(`return document.querySelector('nav a[aria-current="page"]')?.getAttribute('href')`),
      '/help',
    );
  });

  it('no Content Security Policy violation and no page error happened', () => {
    assert.deepEqual(host.violations, []);
    assert.deepEqual(host.errors, []);
  });

  it('the policy is enforced: a string given to innerHTML is refused and reported', async () => {
    const refused = await inPage<boolean>(`
      try {
        document.createElement('div').innerHTML = '<b>not trusted</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }`);
    assert.equal(refused, true);
    await eventually(() => assert.ok(host.violations.some((v) => v.startsWith('require-trusted-types-for'))));
  });
});
