/**
 * `npm run design-shots`: the screenshots of docs/design.md (docs/design/*.png),
 * taken in Chromium from the real elements (bundled from source, as the demo
 * serves them) on the reference server (demo seed, frozen clock, control API),
 * so they can be taken again after any change. `-- NAME…` takes only those.
 */
import { mkdirSync } from 'node:fs';
import { Clock, startServer } from '@pd-notify/mock-server';
import type { Page } from 'puppeteer-core';
import { browserBundle } from './browser-bundle.js';
import { launchChromium } from './chromium.js';

const OUT = new URL('../docs/design/', import.meta.url);

const bundle = await browserBundle(new URL('../packages/elements/src/index.ts', import.meta.url));
const server = await startServer({
  seed: 'demo',
  control: true,
  rateLimit: false,
  clock: new Clock({ frozen: true }),
  extraHandler: (_request, url) => {
    if (url.pathname === '/elements.js') {
      return new Response(bundle, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
    }
    if (url.pathname === '/')
      return new Response('<!doctype html><title>design shots</title>', { headers: { 'Content-Type': 'text/html' } });
    return undefined;
  },
});

async function control(path: string, body?: unknown, method = 'POST'): Promise<void> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

interface Host {
  /** The page's HTML inside `<body>` (a provider for Alice wraps it unless `bare`). */
  body: string;
  width?: number;
  height?: number;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  dark?: boolean;
  bare?: boolean;
}

/** Opens a host page of the elements on the reference server. */
async function host(
  page: Page,
  { body, width = 720, height = 640, lang = 'en', dir = 'ltr', dark = false, bare = false }: Host,
) {
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.goto(`${server.url}/`);
  const background = dark ? '#121117' : '#f6f6f9';
  const color = dark ? '#f2f2f5' : '#1d1d22';
  await page.setContent(`<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
    <style>body { margin: 0; padding: 16px; font-family: system-ui, sans-serif; background: ${background}; color: ${color}; }
      header { display: flex; align-items: center; gap: 0.75rem; padding: 0.5rem 1rem; border-radius: 8px; }
      header strong { flex: 1; }</style>
    <script type="module" src="${server.url}/elements.js"></script></head>
    <body>${bare ? body : `<pd-provider base-url="${server.url}" token="demo-alice">${body}</pd-provider>`}</body></html>`);
  await page.waitForFunction(() => customElements.get('pd-provider') !== undefined);
}

/** Runs `script` in the page with `q(selector)`, which looks through shadow roots (`a >>> b`). */
function inPage<T>(page: Page, script: string): Promise<T> {
  return page.evaluate(`(() => {
    const q = (path) => path.split(' >>> ').reduce((at, selector) => at && (at.shadowRoot ?? at).querySelector(selector), document);
    const qa = (path) => { const parts = path.split(' >>> '); const last = parts.pop(); const at = parts.reduce((a, s) => a && (a.shadowRoot ?? a).querySelector(s), document); return at ? [...(at.shadowRoot ?? at).querySelectorAll(last)] : []; };
    ${script}
  })()`) as Promise<T>;
}

async function until(page: Page, condition: string, what: string): Promise<void> {
  try {
    await page.waitForFunction(
      `(() => {
      const q = (path) => path.split(' >>> ').reduce((at, selector) => at && (at.shadowRoot ?? at).querySelector(selector), document);
      const qa = (path) => { const parts = path.split(' >>> '); const last = parts.pop(); const at = parts.reduce((a, s) => a && (a.shadowRoot ?? a).querySelector(s), document); return at ? [...(at.shadowRoot ?? at).querySelectorAll(last)] : []; };
      return ${condition};
    })()`,
      { timeout: 10_000 },
    );
  } catch (error) {
    await page.screenshot({ path: '/tmp/design-shot-failed.png' }).catch(() => {});
    throw new Error(`waiting for ${what}: ${(error as Error).message}`, { cause: error });
  }
}

/** Finishes animations and waits two frames: what a reviewer sees once things settle. */
async function settle(page: Page): Promise<void> {
  // A string: tsx would name an inner function with a helper the page lacks.
  await page.evaluate(`(() => {
    const all = (root) => [...root.getAnimations(), ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? all(el.shadowRoot) : []))];
    for (const animation of all(document)) if (animation.effect?.getTiming().iterations !== Infinity) animation.finish();
  })()`);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function shoot(page: Page, name: string, clip?: { selector: string; pad?: number }): Promise<void> {
  await settle(page);
  const path = new URL(`${name}.png`, OUT).pathname;
  if (!clip) return void (await page.screenshot({ path }));
  const box = await inPage<{ x: number; y: number; width: number; height: number } | null>(
    page,
    `const el = q(${JSON.stringify(clip.selector)}); if (!el) return null; const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height };`,
  );
  if (!box) throw new Error(`${name}: nothing matches ${clip.selector}`);
  const pad = clip.pad ?? 16;
  const x = Math.max(0, box.x - pad);
  const y = Math.max(0, box.y - pad);
  await page.screenshot({ path, clip: { x, y, width: box.width + 2 * pad, height: box.height + 2 * pad } });
}

const feedHeader = (theme = 'light', extra = '') =>
  `<header style="${theme === 'dark' ? 'background:#111827;color:#f9fafb' : 'background:#fff;color:#1d1d22'}"><strong>Producer Dashboard</strong>
    <pd-bell-badge counter="invitations" theme="${theme}"></pd-bell-badge><pd-activity-feed theme="${theme}" ${extra}></pd-activity-feed></header>`;

async function openFeed(page: Page, wait = `qa('pd-activity-feed >>> article').length > 4`): Promise<void> {
  await until(page, `q('pd-activity-feed >>> .bell') !== null`, 'the bell');
  await inPage(page, `q('pd-activity-feed >>> .bell').click()`);
  await until(page, wait, 'the panel');
}

/** Each shot: its name (the PNG's) and how it is taken. */
const SHOTS: Record<string, (page: Page) => Promise<void>> = {
  async 'feed-light'(page) {
    await host(page, { body: feedHeader(), height: 700 });
    await openFeed(page);
    await shoot(page, 'feed-light');
  },
  async 'feed-dark'(page) {
    await host(page, { body: feedHeader('dark'), height: 700, dark: true });
    await openFeed(page);
    await shoot(page, 'feed-dark');
  },
  async 'feed-loading'(page) {
    await control('/control/faults', { latencyMs: 60_000 });
    await host(page, { body: feedHeader(), height: 420 });
    await openFeed(
      page,
      `q('pd-activity-feed >>> [part~="loading"]') !== null && q('pd-activity-feed >>> [part~="tabs"]') !== null`,
    );
    await shoot(page, 'feed-loading');
  },
  async 'feed-error'(page) {
    await control('/control/faults', { error: { status: 500, times: 1000, pathPrefix: '/v1/notifications' } });
    await host(page, { body: feedHeader(), height: 420 });
    await openFeed(page, `q('pd-activity-feed >>> [part~="error"]') !== null`);
    await shoot(page, 'feed-error');
  },
  async 'feed-empty'(page) {
    await control('/control/reset', { seed: 'empty' });
    await host(page, { body: feedHeader(), height: 420 });
    await openFeed(page, `q('pd-activity-feed >>> [part~="empty"]') !== null`);
    await shoot(page, 'feed-empty');
  },
  async badges(page) {
    await control('/control/act', {
      action: 'notify',
      userId: 'alice',
      type: 'comment',
      title: 'Bulk',
      message: '',
      count: 120,
    });
    await host(page, { body: `${feedHeader()}<br>${feedHeader('dark')}`, height: 160 });
    await until(page, `q('pd-activity-feed >>> .badge')?.textContent === '99+'`, 'the badge');
    await shoot(page, 'badges');
  },
  async preferences(page) {
    await host(page, { body: `<pd-preferences-form></pd-preferences-form>`, width: 900, height: 900 });
    await until(page, `qa('pd-preferences-form >>> [part~="category"]').length === 5`, 'the form');
    await inPage(page, `q('pd-preferences-form >>> [aria-controls="trackActivity-options"]').click()`);
    await shoot(page, 'preferences');
  },
  async 'preferences-narrow'(page) {
    await host(page, { body: `<pd-preferences-form></pd-preferences-form>`, width: 360, height: 1000 });
    await until(page, `qa('pd-preferences-form >>> [part~="category"]').length === 5`, 'the form');
    await shoot(page, 'preferences-narrow');
  },
  async help(page) {
    await host(page, {
      body: `<pd-notification-help profile-href="/profile"></pd-notification-help>`,
      width: 720,
      height: 1100,
    });
    await until(page, `q('pd-notification-help >>> [part~="reconnect"]') !== null`, 'the help view');
    await shoot(page, 'help');
  },
  async invitations(page) {
    await host(page, { body: `<pd-invitations></pd-invitations>`, height: 700 });
    await inPage(page, `q('pd-invitations').show()`);
    await until(page, `qa('pd-invitations >>> pd-invite-card').length > 0`, 'the cards');
    await shoot(page, 'invitations');
  },
  async toasts(page) {
    await host(page, { body: `<pd-toaster duration="600000"></pd-toaster>`, height: 300 });
    await inPage(
      page,
      `const t = q('pd-toaster'); t.show('Collaboration accepted — files are syncing.'); t.show('That did not work. Try again.', 'error'); t.show('Your preferences will be saved when you’re back online.', 'info');`,
    );
    await shoot(page, 'toasts');
  },
};

mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
const browser = await launchChromium();
try {
  for (const [name, take] of Object.entries(SHOTS)) {
    if (only.length && !only.includes(name)) continue;
    await control('/control/reset', { seed: 'demo' });
    // A context of its own: nothing persisted by a previous shot is shown.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push((error as Error).message));
    try {
      await take(page);
    } finally {
      await context.close();
    }
    if (errors.length) throw new Error(`${name}: ${errors.join('; ')}`);
    console.log(`docs/design/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
