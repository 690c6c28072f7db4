/**
 * The Angular example (examples/angular, Angular 21 built by @angular/build) in Chromium against the
 * reference server, served with the strict Content Security Policy: the elements in Angular templates
 * show the server's data, a comment's row is an Angular component (styled in its own shadow root), a row
 * the user opens is routed by @angular/router (no page load), accepting an invitation and saving
 * preferences change the server, the help view renders, every history route is a page, the components'
 * styles apply through the page's nonce, and nothing breaks the policy or logs an error.
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
import { startAngularExample } from '../serve.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

let server: RunningServer;
let browser: Browser;
let host: HostPage;
let page: Page;

/** The page's `inPage` with `benRow()`: the row of Ben's comment on “Midnight Drive”. */
const inPage = <T>(script: string): Promise<T> =>
  host.inPage<T>(`
    const benRow = () => [...document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article')]
      .find((r) => r.querySelector('#' + r.getAttribute('aria-labelledby'))?.textContent === 'Ben Okafor commented on “Midnight Drive”');
    ${script}`);

before(async () => {
  server = await startAngularExample(0, join(root, '.test-results/angular-example'));
  browser = await launchChromium();
  host = await openHostPage(browser, `${server.url}/`);
  ({ page } = host);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('examples/angular (Angular 21, @angular/router) in Chromium under the strict CSP', () => {
  it('is served with the strict policy and a new nonce on every route; a missing file is a 404', async () => {
    const nonces = new Set<string>();
    for (const path of ['/', '/help', '/tracks/midnight-drive', '/settings']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, path);
      const csp = response.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})';/.exec(csp)?.[1];
      assert.ok(nonce, csp);
      assert.match(csp, new RegExp(`style-src 'self' 'nonce-${nonce!.replace(/[+/]/g, '\\$&')}';`));
      assert.match(csp, /require-trusted-types-for 'script'; trusted-types lit-html$/);
      assert.doesNotMatch(csp, /unsafe-/);
      const html = await response.text();
      assert.ok(html.includes(`<pd-app ngcspnonce="${nonce}"></pd-app>`), html);
      assert.ok(html.includes(`type="module" nonce="${nonce}"`), html);
      assert.doesNotMatch(html, /PD_CSP_NONCE|<style|style=|onload=/);
      nonces.add(nonce!);
    }
    assert.equal(nonces.size, 4);
    assert.equal((await fetch(`${server.url}/main-MISSING0.js`)).status, 404);
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

  it('the components’ styles apply: Angular’s <style> elements carry the page’s nonce', async () => {
    assert.equal(await inPage(`return getComputedStyle(document.querySelector('header')).display`), 'flex');
    const styles = await inPage<{ count: number; withNonce: number }>(`
      const styles = [...document.head.querySelectorAll('style')];
      return { count: styles.length, withNonce: styles.filter((style) => style.nonce !== '').length };`);
    assert.ok(styles.count > 0, 'Angular added its components’ styles to the page');
    assert.equal(styles.withNonce, styles.count);
  });

  it('a comment’s row is the app’s Angular component (renderRow, a function passed as a property)', async () => {
    await inPage(`q(document.querySelector('pd-activity-feed'), '.bell').click()`);
    await eventually(async () =>
      assert.deepEqual(
        await inPage(`
          const quote = benRow()?.querySelector('pd-comment-row')?.shadowRoot?.querySelector('blockquote');
          return quote ? [quote.textContent, getComputedStyle(quote).fontStyle] : null;`),
        ['The kick clips at 1:42. Can you pull the sub down about 2 dB before I print the stems?', 'italic'],
      ),
    );
    // Its Reply button is the app's (an Angular output), and does not open the row.
    await inPage(`benRow().querySelector('pd-comment-row').shadowRoot.querySelector('button').click()`);
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('message').textContent`), 'Reply to Ben Okafor'),
    );
    assert.equal(await inPage(`return location.pathname`), '/');
  });

  it('opening a row routes through @angular/router: the track’s view, the URL, no page load', async () => {
    await inPage(`window.pdSamePage = true`);
    await inPage(`benRow().click()`);
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
    // The track's sync status got the route's parameter as a property.
    assert.equal(await inPage(`return document.querySelector('pd-sync-status').trackId`), 'midnight-drive');
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
    const helpTitle = `return deep('h2[part=title]', document.querySelector('pd-notification-help')?.shadowRoot ?? document)`;
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

  it('a track loaded directly (a nested history route) shows its view', async () => {
    await page.goto(`${server.url}/tracks/midnight-drive?widget=files`);
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('track-title')?.textContent`), 'Track midnight-drive'),
    );
    assert.equal(await inPage(`return document.getElementById('widget').textContent`), 'Showing: files');
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-activity-feed'), '.badge')?.textContent`),
        String(server.store.counts('alice').unreadNotifications),
      ),
    );
  });

  it('breaks no rule of the policy and logs no error', async () => {
    assert.deepEqual(host.violations, []);
    assert.deepEqual(host.errors, []);
  });

  it('the policy is in force: an inline style, string-to-HTML and any other policy (Angular’s) are refused', async () => {
    const refused = await inPage<string[]>(`
      const refused = [];
      try {
        document.createElement('div').innerHTML = '<b>not trusted</b>';
      } catch (error) {
        if (error instanceof TypeError) refused.push('innerHTML');
      }
      for (const name of ['angular', 'angular#bundler']) {
        try {
          trustedTypes.createPolicy(name, { createHTML: (s) => s });
        } catch (error) {
          if (error instanceof TypeError) refused.push(name);
        }
      }
      document.body.setAttribute('style', 'outline: 3px solid red');
      if (getComputedStyle(document.body).outlineStyle !== 'solid') refused.push('style attribute');
      document.body.removeAttribute('style');
      return refused;`);
    assert.deepEqual(refused, ['innerHTML', 'angular', 'angular#bundler', 'style attribute']);
    await eventually(async () => {
      const seen = host.violations;
      assert.ok(
        seen.some((v) => v.startsWith('require-trusted-types-for')),
        seen.join('\n'),
      );
      assert.ok(
        seen.some((v) => v.startsWith('trusted-types')),
        seen.join('\n'),
      );
      assert.ok(
        seen.some((v) => v.startsWith('style-src')),
        seen.join('\n'),
      );
    });
  });
});
