/**
 * The demo page as a user drives it, in Chromium, against `npm start`'s server:
 * open the feed, accept an invitation, change a preference and save, turn on an
 * email channel and see the server's outbox, read the troubleshooting view. Also the
 * activity generator that keeps the page alive.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, openRecordedPage, type RecordedPage } from '../../../scripts/chromium.js';
import { eventually } from '../../../packages/client/test/eventually.js';
import { act } from '../activity.js';
import { startDemo } from '../serve.js';

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let inPage: RecordedPage['inPage'];

before(async () => {
  server = await startDemo(0);
  browser = await launchChromium();
  ({
    page,
    errors: pageErrors,
    inPage,
  } = await openRecordedPage(browser, `${server.url}/`, { width: 1200, height: 900 }));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const serverJson = async <T>(path: string): Promise<T> =>
  (await fetch(`${server.url}${path}`, { headers: { Authorization: 'Bearer demo-alice' } })).json() as Promise<T>;

describe('the demo page (npm start) in Chromium', () => {
  it('shows the badges and the tracks of the signed-in user', async () => {
    await eventually(async () =>
      assert.equal(await inPage(`return q(document.querySelector('pd-activity-feed'), '.badge').textContent`), '8'),
    );
    await eventually(async () =>
      assert.equal(
        await inPage(`return q(document.querySelector('pd-bell-badge[counter=invitations]'), '.badge').textContent`),
        '3',
      ),
    );
    const tracks = await inPage<string[]>(
      `return [...document.querySelectorAll('#tracks tbody tr td:first-child')].map((td) => td.textContent)`,
    );
    assert.ok(tracks.includes('Midnight Drive'), tracks.join());
    assert.ok(tracks.includes('Paper Planes'), 'invited tracks are listed too');
    // Each track of the user's has its file sync's status; an invited one has none yet.
    const syncs = await inPage<[string, string | null][]>(
      `return [...document.querySelectorAll('#tracks tbody tr')].map((tr) =>
        [tr.children[0].textContent, tr.children[3].querySelector('pd-sync-status')?.getAttribute('track-id') ?? null])`,
    );
    assert.equal(syncs.find(([name]) => name === 'Midnight Drive')?.[1], 'midnight-drive');
    assert.equal(syncs.find(([name]) => name === 'Paper Planes')?.[1], null);
  });

  it('opens the feed from the bell', async () => {
    await inPage(`q(document.querySelector('pd-activity-feed'), '.bell').click()`);
    await eventually(async () =>
      assert.ok(
        (await inPage<number>(
          `return document.querySelector('pd-activity-feed').shadowRoot.querySelectorAll('article').length`,
        )) > 0,
      ),
    );
    await page.keyboard.press('Escape');
  });

  it('accepts an invitation: toast, the track joins the grid with its sync, the server has it', async () => {
    await inPage(`q(document.querySelector('pd-bell-badge[counter=invitations]'), 'button').click()`);
    await eventually(async () =>
      assert.equal(await inPage(`return q(document.querySelector('pd-invitations'), 'dialog').open`), true),
    );
    await eventually(async () =>
      assert.equal(
        await inPage(`
          const card = [...document.querySelector('pd-invitations').shadowRoot.querySelectorAll('pd-invite-card')]
            .find((c) => c.invitation.track.name === 'Paper Planes');
          if (!card) return false;
          q(card, '[part=accept]').click();
          return true;`),
        true,
      ),
    );
    await eventually(async () =>
      assert.deepEqual(
        // While the modal is open, its toasts show inside it (above its backdrop).
        await inPage(`return [...document.querySelectorAll('pd-toaster'),
            ...document.querySelector('pd-invitations').shadowRoot.querySelectorAll('pd-toaster')].flatMap((t) =>
          [...t.shadowRoot.querySelectorAll('[part~=message]')].map((p) => p.textContent))`),
        ['Collaboration accepted — files are syncing.'],
      ),
    );
    const invitations = await serverJson<{ items: { track: { id: string } }[] }>('/v1/invitations');
    assert.ok(!invitations.items.some((inv) => inv.track.id === 'paper-planes'));
    await page.keyboard.press('Escape');
    await eventually(async () =>
      assert.equal(
        await inPage(`
          const row = [...document.querySelectorAll('#tracks tbody tr')].find((tr) => tr.textContent.includes('Paper Planes'));
          return row ? row.children[2].textContent : null;`),
        'full',
      ),
    );
  });

  it('at 360 px the header wraps: the page is no wider than the screen, the bell and the envelope on it, the panel too', async () => {
    await page.setViewport({ width: 360, height: 740 });
    try {
      await page.goto(`${server.url}/`);
      await eventually(async () =>
        assert.match(
          await inPage<string>(`return q(document.querySelector('pd-activity-feed'), '.badge').textContent`),
          /^\d+$/,
        ),
      );
      assert.ok((await inPage<number>(`return document.documentElement.scrollWidth`)) <= 360);
      const right = (selector: string) =>
        inPage<number>(`return q(document.querySelector('${selector}'), '.bell').getBoundingClientRect().right`);
      assert.ok((await right('pd-activity-feed')) <= 360, 'the bell is on screen');
      assert.ok((await right('pd-bell-badge')) <= 360, 'the envelope is on screen');
      await inPage(`q(document.querySelector('pd-activity-feed'), '.bell').click()`);
      const panel = await eventually(async () => {
        const box = await inPage<{ left: number; right: number; width: number }>(
          `const b = q(document.querySelector('pd-activity-feed'), '#panel').getBoundingClientRect(); return { left: b.left, right: b.right, width: b.width }`,
        );
        assert.ok(box.width > 0);
        return box;
      });
      assert.ok(panel.left >= 0 && panel.right <= 360, `the panel fits: ${JSON.stringify(panel)}`);
      await page.keyboard.press('Escape');
    } finally {
      await page.setViewport({ width: 1200, height: 900 });
    }
  });

  it('changes a preference in Settings and saves it', async () => {
    await page.goto(`${server.url}/#settings`);
    const form = `document.querySelector('pd-preferences-form')`;
    await eventually(async () =>
      assert.equal(await inPage(`return !!q(${form}, '[role=switch][data-category=projects]')`), true),
    );
    await inPage(`q(${form}, '[role=switch][data-category=projects]').click()`);
    await inPage(`q(${form}, '[part=save]').click()`);
    await eventually(async () =>
      assert.equal(await inPage(`return q(${form}, '[part=status]').textContent`), 'Preferences saved.'),
    );
    const preferences = await serverJson<{ categories: { projects: { enabled: boolean } } }>('/v1/preferences');
    assert.equal(preferences.categories.projects.enabled, false);
    assert.deepEqual(pageErrors, []);
  });

  it('Settings shows the browser channel, and "Emails sent" lists what the server emailed (its outbox, read through the control API)', async () => {
    await page.goto(`${server.url}/#settings`);
    const form = `document.querySelector('pd-preferences-form')`;
    await eventually(async () =>
      assert.equal(await inPage(`return q(${form}, '#browser-title')?.textContent`), 'Browser notifications'),
    );
    assert.equal(await inPage(`return document.getElementById('outbox-list').textContent.trim()`), 'No email yet.');
    await inPage(`q(${form}, '[aria-controls=trackActivity-options]').click()`);
    await inPage(`q(${form}, 'input[name=trackActivity-email]').click()`);
    await eventually(async () => assert.equal(await inPage(`return q(${form}, '[part=save]').disabled`), false));
    await inPage(`q(${form}, '[part=save]').click()`);
    await eventually(async () =>
      assert.equal(await inPage(`return q(${form}, '[part=status]').textContent`), 'Preferences saved.'),
    );
    await fetch(`${server.url}/control/act`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Stems are up' }),
    });
    // The panel reads the outbox every few seconds while Settings is shown.
    await eventually(
      async () =>
        assert.match(
          await inPage<string>(`return document.getElementById('outbox-list').textContent`),
          /Ben Okafor commented on “Midnight Drive” to alice@moreno\.studio \(trackActivity\)/,
        ),
      15_000,
    );
    assert.deepEqual(pageErrors, []);
  });

  it('Help answers "Not receiving notifications?" live, with the address from /v1/me and a link to Profile', async () => {
    await page.goto(`${server.url}/#help`);
    const help = `document.querySelector('pd-notification-help')`;
    await eventually(async () =>
      assert.equal(await inPage(`return q(${help}, '#title')?.textContent`), 'Not receiving notifications?'),
    );
    await eventually(async () =>
      assert.match(await inPage<string>(`return q(${help}, '[data-check=email]').textContent`), /alice@moreno\.studio/),
    );
    await eventually(async () =>
      assert.match(await inPage<string>(`return q(${help}, '[data-check=connection]').textContent`), /Connected/),
    );
    await inPage(`q(${help}, '[data-check=email] a').click()`);
    await eventually(async () =>
      assert.equal(await inPage(`return document.getElementById('profile-email').textContent`), 'alice@moreno.studio'),
    );
    assert.deepEqual(pageErrors, []);
  });
});

describe('the activity generator', () => {
  it('makes collaborators comment, change stages and invite', async () => {
    const demo = await startDemo(0);
    try {
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const kinds = new Set<string>();
      for (let i = 0; i < 60; i++) {
        const done = act(demo, random);
        if (done) kinds.add(done.kind);
      }
      assert.deepEqual([...kinds].sort(), ['comment', 'invite', 'stage']);
    } finally {
      await demo.close();
    }
  });
});
