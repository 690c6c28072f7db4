/**
 * The server-rendered example (examples/ssr) against the reference server: the
 * first HTML (fetched without a browser) holds the user's counts and neither the
 * token nor another user's data; in Chromium the badge shows the server's number
 * from the first paint to settled (a MutationObserver installed before any script),
 * with no layout shift, no hydration warning, no CSP violation, and no request
 * after hydration but the stream, resumed from the snapshot's position; with
 * JavaScript off the counts are there and the bell is a link to the host's page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { eventually } from '../../../packages/client/test/eventually.js';
import { launchChromium } from '../../../scripts/chromium.js';
import { startSsrExample } from '../serve.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startSsrExample(0);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The page at `path` as `user`'s session serves it, before any script. */
async function firstHtml(path: string, user: string): Promise<{ html: string; csp: string }> {
  const answer = await fetch(`${server.url}${path}`, { headers: { cookie: `session=${user}` } });
  assert.equal(answer.status, 200);
  return { html: await answer.text(), csp: answer.headers.get('content-security-policy') ?? '' };
}

/** The text of the badge inside `tag`'s server-rendered shadow root (declarative), from the HTML. */
function badgeIn(html: string, tag: string): string | null {
  const element = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`).exec(html)?.[1] ?? '';
  const badge =
    /<span part="badge" class="badge" aria-hidden="true"( hidden)?\s*><span dir="ltr"><!--lit-part-->(\d+|99\+)</.exec(
      element,
    );
  return badge ? (badge[1] ? 'hidden' : badge[2]!) : null;
}

describe('examples/ssr: the bell and the invitations badge rendered on the server', () => {
  it('the first HTML has the user’s counts, the snapshot, a nonce on every style, and no token', async () => {
    const alice = server.store.counts('alice');
    const { html, csp } = await firstHtml('/', 'alice');
    assert.equal(badgeIn(html, 'pd-activity-feed'), String(alice.unreadNotifications));
    assert.equal(badgeIn(html, 'pd-bell-badge'), String(alice.pendingInvitations));
    assert.match(html, /<template shadowroot="open" shadowrootmode="open"/);
    assert.match(html, /<script type="application\/json" id="pd-snapshot">\{"version":1,[^<]*"userId":"alice"/);
    assert.doesNotMatch(html, /demo-alice/, 'the token is not in the page');
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'the policy has a nonce');
    const styles = html.match(/<style[^>]*>/g) ?? [];
    assert.ok(styles.length >= 3);
    assert.deepEqual(new Set(styles), new Set([`<style nonce="${nonce}">`]));
  });

  it('two users rendered at once each get their own counts, never the other’s', async () => {
    server.store.deliver('ben', { type: 'service-announcement', title: 'Only for Ben', message: '' });
    const [alice, ben] = await Promise.all([firstHtml('/activity', 'alice'), firstHtml('/activity', 'ben')]);
    assert.equal(badgeIn(alice.html, 'pd-activity-feed'), String(server.store.counts('alice').unreadNotifications));
    assert.equal(badgeIn(ben.html, 'pd-activity-feed'), String(server.store.counts('ben').unreadNotifications));
    assert.match(ben.html, /Only for Ben/);
    assert.doesNotMatch(alice.html, /Only for Ben|demo-ben|"userId":"ben"/);
    assert.doesNotMatch(ben.html, /demo-alice|"userId":"alice"/);
  });

  describe('in Chromium', () => {
    let page: Page;
    const apiRequests: HTTPRequest[] = [];
    const problems: string[] = [];

    before(async () => {
      // A visit first, so that the measured one does not also load the browser's fonts for the first time
      // (the host page's text reflowing as they arrive is a shift of the host's, not the elements').
      const warm = await browser.newPage();
      await warm.goto(`${server.url}/?render=client`);
      await warm.evaluate('document.fonts.ready');
      await warm.close();
      page = await browser.newPage();
      await page.setCookie({ name: 'session', value: 'alice', url: server.url });
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/v1/')) apiRequests.push(request);
      });
      page.on('pageerror', (error) => problems.push((error as Error).message));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warn' || /hydrat/i.test(message.text()))
          problems.push(`${message.type()}: ${message.text()}`);
      });
      // Before any of the page's HTML is parsed: every text the feed's badge shows, from the first one,
      // the layout shifts, and the CSP violations.
      await page.evaluateOnNewDocument(`
        window.badgeTexts = [];
        window.layoutShifts = [];
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.effectiveDirective));
        new PerformanceObserver((list) => {
          // Each shift with what moved, so that a failure says what.
          const name = (node) => node ? (node.localName ?? '#text') + (node.className ? '.' + node.className : '') + ' in ' + (node.getRootNode().host?.localName ?? 'document') : 'gone';
          for (const entry of list.getEntries())
            window.layoutShifts.push(entry.value.toFixed(5) + ': ' + entry.sources.map((source) =>
              name(source.node) + ' ' + JSON.stringify(source.previousRect) + ' → ' + JSON.stringify(source.currentRect)).join('; '));
        }).observe({ type: 'layout-shift', buffered: true });
        const record = (root) => {
          const badge = root.querySelector('.badge');
          const text = badge ? (badge.hidden ? 'hidden' : badge.textContent) : null;
          if (text !== null && window.badgeTexts.at(-1) !== text) window.badgeTexts.push(text);
        };
        const watched = new WeakSet();
        new MutationObserver(() => {
          const feed = document.querySelector('pd-activity-feed');
          if (!feed?.shadowRoot || watched.has(feed.shadowRoot)) return;
          watched.add(feed.shadowRoot);
          record(feed.shadowRoot);
          new MutationObserver(() => record(feed.shadowRoot)).observe(feed.shadowRoot, {
            subtree: true, childList: true, characterData: true, attributes: true,
          });
        }).observe(document, { subtree: true, childList: true });
      `);
      await page.goto(`${server.url}/`);
    });

    it('the badge shows the server’s count from the first paint to settled, with no layout shift', async () => {
      const unread = String(server.store.counts('alice').unreadNotifications);
      // Settled: hydrated (the bell is the button again) and the stream is open.
      await eventually(async () =>
        assert.equal(
          await page.evaluate(`document.querySelector('pd-activity-feed').shadowRoot.querySelector('.bell').localName`),
          'button',
        ),
      );
      await eventually(() => assert.ok(apiRequests.some((request) => request.url().includes('/v1/events'))));
      assert.deepEqual(await page.evaluate('window.badgeTexts'), [unread]);
      assert.deepEqual(await page.evaluate('window.layoutShifts'), []);
      const invitations = await page.evaluate(
        `document.querySelector('pd-bell-badge').shadowRoot.querySelector('.badge').textContent`,
      );
      assert.equal(invitations, String(server.store.counts('alice').pendingInvitations));
    });

    it('after hydration: only the stream, resumed from the snapshot’s position; no warning, error or violation', async () => {
      const lastEventId = await page.evaluate(
        `JSON.parse(document.getElementById('pd-snapshot').textContent).lastEventId`,
      );
      await eventually(() => assert.ok(apiRequests.length > 0));
      assert.deepEqual(
        apiRequests.map((request) => new URL(request.url()).pathname),
        ['/v1/events'],
      );
      assert.equal(apiRequests[0]!.headers()['last-event-id'], lastEventId, 'the stream resumes from the snapshot');
      assert.deepEqual(problems, []);
      assert.deepEqual(await page.evaluate('window.violations'), []);
    });

    it('stays live: a notification made after the render raises the count', async () => {
      const before = server.store.counts('alice').unreadNotifications;
      server.store.deliver('alice', { type: 'service-announcement', title: 'Mix notes are ready', message: '' });
      await eventually(async () =>
        assert.equal(
          await page.evaluate(
            `document.querySelector('pd-activity-feed').shadowRoot.querySelector('.badge').textContent`,
          ),
          String(before + 1),
        ),
      );
      // Still no request but the stream: the event came on it.
      assert.deepEqual(
        apiRequests.map((request) => new URL(request.url()).pathname),
        ['/v1/events'],
      );
    });
  });

  it('with JavaScript off: the counts are there and the bell is a link to the host’s activity page', async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setCookie({ name: 'session', value: 'alice', url: server.url });
    await page.goto(`${server.url}/`);
    const tree = await page.accessibility.snapshot({ interestingOnly: true });
    const names: string[] = [];
    const walk = (node: { role: string; name?: string; children?: unknown[] } | null) => {
      if (!node) return;
      names.push(`${node.role}: ${node.name ?? ''}`);
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree);
    assert.ok(names.includes('link: Notifications'), names.join('\n'));
    assert.ok(names.includes('link: Invitations'), names.join('\n'));
    await Promise.all([page.waitForNavigation(), page.click('pd-activity-feed >>> a.bell')]);
    assert.equal(new URL(page.url()).pathname, '/activity');
    // The host's activity page lists the first page, as the server gives it to Alice.
    const answer = await fetch(`${server.url}/v1/notifications?limit=20`, {
      headers: { Authorization: 'Bearer demo-alice' },
    });
    const { items } = (await answer.json()) as { items: { title: string }[] };
    assert.ok(items.length > 0);
    const listed = await page.$$eval('ul.activity strong', (titles) => titles.map((title) => title.textContent));
    assert.deepEqual(
      listed,
      items.map((item) => item.title),
    );
    await page.close();
  });
});
