/**
 * The story smoke test: builds Storybook statically, then loads every story in
 * Chromium and fails on a render error, a page error, a console error or an axe
 * violation.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../scripts/chromium.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, '.test-results/storybook');

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', out, '--quiet'],
  { cwd: root, encoding: 'utf8', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
);
const built = build.status === 0;
const index = built
  ? (JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {
      entries: Record<string, { id: string; title: string; name: string; type: string }>;
    })
  : { entries: {} };
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

let server: Server;
let origin: string;
let browser: Browser;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/favicon.ico') return void res.writeHead(204).end(); // browsers ask; the build has an SVG one
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    try {
      const body = readFileSync(join(out, path.endsWith('/') ? `${path}index.html` : path));
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

describe('Storybook', () => {
  it('builds', () => {
    assert.equal(build.status, 0, build.stderr || build.stdout);
    assert.ok(stories.length > 0, 'no stories found');
  });

  for (const story of stories) {
    it(`${story.title} › ${story.name}: renders without errors and is axe-clean`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${(error as Error).message}`));
      page.on('console', (message) => {
        // A failed request is reported below with its URL.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          errors.push(`console error: ${message.text()}`);
        }
      });
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      try {
        await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
        // Storybook's render phases end in "completed" (or "errored"), after the play function.
        await page.waitForFunction(
          () => {
            const phase = (window as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } })
              .__STORYBOOK_PREVIEW__?.currentRender?.phase;
            return phase === 'completed' || phase === 'errored' || phase === 'finished';
          },
          { timeout: 20_000 },
        );
        // Let the story's client load its first data (no request stays in flight unless the story holds it).
        await page.waitForFunction(() => document.querySelector('#storybook-root')?.childElementCount, {
          timeout: 10_000,
        });
        const shownError = await page.evaluate(() =>
          document.body.classList.contains('sb-show-errordisplay')
            ? (document.querySelector('#error-message')?.textContent ?? 'error')
            : null,
        );
        assert.equal(shownError, null, `Storybook shows an error: ${shownError}`);
        await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {})));
          const axe = (
            window as unknown as {
              axe: {
                run: (context: Element) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run(document.querySelector('#storybook-root')!);
          return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        });
        assert.deepEqual(violations, [], 'axe violations');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});
