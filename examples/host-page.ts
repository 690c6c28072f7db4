/**
 * What the framework examples' tests (Vue, Svelte, Angular) share: the example's page
 * in Chromium with its errors and CSP violations recorded from before its first
 * script, and the two things every host does with the server (accept an invitation
 * in the modal, save a preference) driven as a user does and checked on the server.
 */
import assert from 'node:assert/strict';
import type { RunningServer } from '@pd-notify/mock-server';
import type { Browser, Page } from 'puppeteer-core';
import { eventually } from '../packages/client/test/eventually.js';

export interface HostPage {
  page: Page;
  /** Uncaught errors and console errors of the page, in order. */
  errors: string[];
  /** Every `securitypolicyviolation` of every document the page loaded: directive, what was blocked, sample. */
  violations: string[];
  /** Runs `script` in the page with `q(host, selector)` (one shadow root deep) and `deep(selector, from?)` (any depth). */
  inPage<T>(script: string): Promise<T>;
}

/** Opens `url` in a new page of `browser`, recording its errors and CSP violations from the start. */
export async function openHostPage(browser: Browser, url: string): Promise<HostPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('pageerror', (error) => errors.push((error as Error).message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (violation: string) => violations.push(violation));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation(
        `${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`,
      );
    });
  });
  await page.goto(url);
  const inPage = <T>(script: string): Promise<T> =>
    page.evaluate(`(() => {
      const q = (host, selector) => (host.shadowRoot ?? host).querySelector(selector);
      const deep = (selector, from = document) => {
        const found = from.querySelector(selector);
        if (found) return found;
        for (const element of from.querySelectorAll('*')) {
          const inner = element.shadowRoot && deep(selector, element.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      ${script}
    })()`) as Promise<T>;
  return { page, errors, violations, inPage };
}

/** Opens the invitations modal from the header's badge and accepts `trackName`'s invitation: the server has it accepted. */
export async function acceptInvitation(host: HostPage, server: RunningServer, trackName: string): Promise<void> {
  const invitation = server.store.listInvitations('alice', 'pending').find((i) => i.track.name === trackName);
  assert.ok(invitation, `a pending invitation to ${trackName}`);
  await host.inPage(`q(document.querySelector('pd-bell-badge'), 'button').click()`);
  await eventually(async () =>
    assert.equal(
      await host.inPage(`
        const card = [...document.querySelector('pd-invitations').shadowRoot.querySelectorAll('pd-invite-card')]
          .find((c) => c.invitation.track.name === ${JSON.stringify(trackName)});
        if (!card) return false;
        q(card, '[part=accept]').click();
        return true;`),
      true,
    ),
  );
  await eventually(() =>
    assert.ok(server.store.listInvitations('alice', 'accepted').some((i) => i.id === invitation.id)),
  );
  assert.ok(!server.store.listInvitations('alice', 'pending').some((i) => i.id === invitation.id));
}

/**
 * Turns the preferences form's switch of `category` off and saves: the server has the
 * next version with it off. The form must be on the page. Returns that version.
 */
export async function saveCategoryOff(host: HostPage, server: RunningServer, category: string): Promise<number> {
  const before = server.store.getPreferences('alice');
  assert.equal(before.categories[category as keyof typeof before.categories].enabled, true);
  const form = `document.querySelector('pd-preferences-form')`;
  const toggle = `q(${form}, '[role="switch"][data-category="${category}"]')`;
  await eventually(async () => assert.equal(await host.inPage(`return ${toggle} !== null`), true));
  await host.inPage(`${toggle}.click()`);
  await eventually(async () => assert.equal(await host.inPage(`return q(${form}, '[part=save]').disabled`), false));
  await host.inPage(`q(${form}, '[part=save]').click()`);
  await eventually(() => assert.equal(server.store.getPreferences('alice').version, before.version + 1));
  const after = server.store.getPreferences('alice');
  assert.equal(after.categories[category as keyof typeof after.categories].enabled, false);
  return after.version;
}
