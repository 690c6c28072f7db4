/**
 * `<pd-preferences-form>` (SPEC NS1–NS6) in Chromium against the reference
 * server: switches, disclosures, saving, the server producing (or not) what the
 * preferences say, the 409 path, live changes from another session, 360 px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import { PdPreferencesSavedEvent, type PdPreferencesForm } from '../src/index.js';
import { api, base, control, eventually, shadow, shadowAll, putPreferences, serverPrefs } from './helpers.js';
import { focused, press } from './focus-helpers.js';
import { emulateMedia, resetMedia } from './media.js';
import { stubNotification, type NotificationStub } from './notification-stub.js';

const CATEGORY_NAMES = [
  'Track Activity',
  'Collaborator Updates',
  'Due Dates and Reminders',
  'Project and Bucket Updates',
  'System',
];

async function form(): Promise<PdPreferencesForm> {
  const el = await fixture<PdPreferencesForm>(
    html`<pd-preferences-form base-url=${base()} token="demo-alice"></pd-preferences-form>`,
  );
  await eventually(() => expect(shadowAll(el, '[role="switch"]')).to.have.length(5));
  return el;
}

const switchOf = (el: Element, category: string) =>
  shadow<HTMLButtonElement>(el, `[role="switch"][data-category="${category}"]`);
const gearOf = (el: Element, category: string) =>
  shadow<HTMLButtonElement>(el, `#${category}-options`).parentElement!.querySelector<HTMLButtonElement>(
    '[part="disclosure"]',
  )!;
const optionsOf = (el: Element, category: string) => shadow(el, `#${category}-options`);
const checkbox = (el: Element, name: string) => shadow<HTMLInputElement>(el, `input[name="${name}"]`);
const saveButton = (el: Element) => shadow<HTMLButtonElement>(el, '[part="save"]');
const unread = async () => (await api<{ unreadNotifications: number }>('/v1/counts')).body.unreadNotifications;

describe('<pd-preferences-form>', () => {
  /** Not asked for notifications yet, in every engine: the channels are in-app and email (browser-notifications.browser.test.ts has the rest). */
  let notifications: NotificationStub;
  beforeEach(async () => {
    notifications = stubNotification('default');
    await control('/control/reset', { seed: 'demo' });
  });
  afterEach(async () => {
    notifications.restore();
    await control('/control/faults', undefined, 'DELETE');
    await resetMedia();
  });

  it('NS1 and NS2: five categories, each with a main switch and a gear that expands its options, lead time and channels', async () => {
    const el = await form();
    expect(shadowAll(el, '[part="category-name"]').map((h) => h.textContent)).to.deep.equal(CATEGORY_NAMES);
    for (const [index, category] of ['trackActivity', 'collaborators', 'dueDates', 'projects', 'system'].entries()) {
      const toggle = switchOf(el, category);
      expect(toggle.getAttribute('aria-checked')).to.equal('true');
      expect(shadow(el, `#${toggle.getAttribute('aria-labelledby')}`).textContent).to.equal(CATEGORY_NAMES[index]);
      const gear = gearOf(el, category);
      expect(gear.getAttribute('aria-label')).to.equal(`Options for ${CATEGORY_NAMES[index]}`);
      expect(gear.getAttribute('aria-expanded')).to.equal('false');
      expect(optionsOf(el, category).hidden).to.equal(true);
    }
    gearOf(el, 'dueDates').click();
    await eventually(() => expect(optionsOf(el, 'dueDates').hidden).to.equal(false));
    expect(gearOf(el, 'dueDates').getAttribute('aria-expanded')).to.equal('true');
    const labels = [...optionsOf(el, 'dueDates').querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal([
      'Reminders before a track’s due date',
      'A track’s due date passes',
      'Tracks that are overdue',
      '1 day',
      '3 days',
      '7 days',
      'In-app',
      'Email',
    ]);
    expect(shadow<HTMLInputElement>(el, 'input[name="reminder-lead-days"][value="3"]').checked).to.equal(true);
    expect(checkbox(el, 'dueDates-inApp').checked).to.equal(true);
    expect(checkbox(el, 'dueDates-email').checked).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('the main switch turns a whole category off and on; Save is disabled until something changed', async () => {
    const el = await form();
    expect(saveButton(el).textContent!.trim()).to.equal('Save Preferences');
    expect(saveButton(el).disabled).to.equal(true);
    switchOf(el, 'trackActivity').click();
    await eventually(() => expect(switchOf(el, 'trackActivity').getAttribute('aria-checked')).to.equal('false'));
    gearOf(el, 'trackActivity').click();
    await eventually(() => expect(optionsOf(el, 'trackActivity').hidden).to.equal(false));
    for (const option of ['comment', 'stage-changed', 'metadata-updated', 'published']) {
      expect(checkbox(el, option).checked, option).to.equal(false);
    }
    expect(saveButton(el).disabled).to.equal(false);
    switchOf(el, 'trackActivity').click();
    await eventually(() => expect(checkbox(el, 'comment').checked).to.equal(true));
    expect(saveButton(el).disabled, 'back to what the server has').to.equal(true);
  });

  it('NS4: saving switches the server off and on for that category, end to end', async () => {
    const el = await form();
    const saved: Event[] = [];
    el.addEventListener('pd-preferences-saved', (event) => saved.push(event));
    await control('/control/faults', { latencyMs: 400 });
    switchOf(el, 'trackActivity').click();
    await eventually(() => expect(saveButton(el).disabled).to.equal(false));
    saveButton(el).click();
    await eventually(() => expect(saveButton(el).textContent!.trim()).to.equal('Saving…'));
    expect(saveButton(el).getAttribute('aria-disabled')).to.equal('true');
    await eventually(() => expect(shadow(el, '[part="status"]').textContent).to.equal('Preferences saved.'));
    await control('/control/faults', undefined, 'DELETE');
    expect((await serverPrefs()).categories.trackActivity.enabled).to.equal(false);
    // The host hears it as the other pd events: a typed class that bubbles out of shadow roots.
    expect(saved).to.have.length(1);
    expect(saved[0]).to.be.instanceOf(PdPreferencesSavedEvent);
    expect((saved[0] as PdPreferencesSavedEvent).detail.categories.trackActivity.enabled).to.equal(false);
    expect(saved[0]!.bubbles && saved[0]!.composed).to.equal(true);

    const before = await unread();
    await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Muted?' });
    expect(await unread(), 'no comment notification while Track Activity is off').to.equal(before);

    switchOf(el, 'trackActivity').click();
    await eventually(() => expect(saveButton(el).disabled).to.equal(false));
    saveButton(el).click();
    await eventually(async () => expect((await serverPrefs()).categories.trackActivity.enabled).to.equal(true));
    await control('/control/act', { action: 'comment', as: 'ben', trackId: 'midnight-drive', text: 'Back on' });
    expect(await unread()).to.equal(before + 1);
  });

  it('NS3: System is on by default; switching security alerts off is allowed, with a warning', async () => {
    const el = await form();
    expect(switchOf(el, 'system').getAttribute('aria-checked')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[part="warning"]')).to.equal(null);
    gearOf(el, 'system').click();
    await eventually(() => expect(optionsOf(el, 'system').hidden).to.equal(false));
    checkbox(el, 'security-alert').click();
    await eventually(() =>
      expect(shadow(el, '[part="warning"]').textContent!.trim()).to.equal(
        'Security alerts protect your account. We recommend keeping them on.',
      ),
    );
    expect(switchOf(el, 'system').getAttribute('aria-checked')).to.equal('true');
    await expect(el).to.be.accessible();
    saveButton(el).click();
    await eventually(async () =>
      expect((await serverPrefs()).categories.system.options['security-alert']).to.equal(false),
    );
  });

  it('keyboard: Tab reaches the switches and gears; Space toggles a switch, Enter expands a section', async () => {
    const el = await form();
    switchOf(el, 'trackActivity').focus();
    await sendKeys({ press: ' ' });
    await eventually(() => expect(switchOf(el, 'trackActivity').getAttribute('aria-checked')).to.equal('false'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === gearOf(el, 'trackActivity'), 'focus on the gear').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(optionsOf(el, 'trackActivity').hidden).to.equal(false));
    await sendKeys({ press: 'Tab' });
    expect((el.shadowRoot!.activeElement as HTMLInputElement).name).to.equal('comment');
    await sendKeys({ press: ' ' });
    await eventually(() => expect(switchOf(el, 'trackActivity').getAttribute('aria-checked')).to.equal('true'));
  });

  it('a 409 (saved elsewhere meanwhile) loads the server’s version, keeps the edit and says what happened', async () => {
    const el = await form();
    await control('/control/faults', { stream: { stall: true } }); // this form does not hear the other save
    await putPreferences((prefs) => (prefs.reminderLeadDays = 7));
    gearOf(el, 'dueDates').click();
    await eventually(() => expect(optionsOf(el, 'dueDates').hidden).to.equal(false));
    shadow<HTMLInputElement>(el, 'input[name="reminder-lead-days"][value="1"]').click();
    switchOf(el, 'projects').click();
    await eventually(() => expect(saveButton(el).disabled).to.equal(false));
    saveButton(el).click();
    await eventually(() => expect(shadow(el, '[part="banner"]').textContent).to.contain('changed in another session'));
    expect(shadow(el, '[part="banner"]').getAttribute('role')).to.equal('alert');
    expect(switchOf(el, 'projects').getAttribute('aria-checked'), 'the edit is kept').to.equal('false');
    await expect(el).to.be.accessible();
    saveButton(el).click();
    await eventually(async () => {
      const saved = await serverPrefs();
      expect(saved.categories.projects.enabled).to.equal(false);
      expect(saved.reminderLeadDays).to.equal(1);
    });
  });

  it('a save from another session arrives live; with unsaved edits, the user chooses', async () => {
    const el = await form();
    await putPreferences((prefs) => (prefs.categories.collaborators.channels.email = true));
    gearOf(el, 'collaborators').click();
    await eventually(() => expect(checkbox(el, 'collaborators-email').checked).to.equal(true));

    switchOf(el, 'projects').click();
    await eventually(() => expect(saveButton(el).disabled).to.equal(false));
    await putPreferences((prefs) => (prefs.categories.collaborators.channels.email = false));
    await eventually(() =>
      expect(shadow(el, '[part="banner"]').textContent).to.contain(
        'Your preferences were just changed in another session.',
      ),
    );
    expect(switchOf(el, 'projects').getAttribute('aria-checked'), 'not silently overwritten').to.equal('false');
    const [takeTheirs, keepMine] = [...shadow(el, '[part="banner"]').querySelectorAll('button')];
    expect(takeTheirs!.textContent!.trim()).to.equal('Use their version');
    expect(keepMine!.textContent!.trim()).to.equal('Keep my changes');
    keepMine!.click();
    await eventually(() => expect(el.shadowRoot!.querySelector('[part="banner"]')).to.equal(null));
    expect(switchOf(el, 'projects').getAttribute('aria-checked')).to.equal('false');
    expect(checkbox(el, 'collaborators-email').checked, 'their change shows under mine').to.equal(false);
    saveButton(el).click();
    await eventually(async () => expect((await serverPrefs()).categories.projects.enabled).to.equal(false));
  });

  it('NS5: one column at 360 px, two on a wide screen; axe-clean, also dark', async () => {
    // The form lays itself out by its own width (a container query), so its box stands for the screen.
    const screen = await fixture<HTMLElement>(
      html`<div style="width:1000px">
        <pd-preferences-form base-url=${base()} token="demo-alice"></pd-preferences-form>
      </div>`,
    );
    const el = screen.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(el, '[role="switch"]')).to.have.length(5));
    const lefts = () =>
      new Set(shadowAll(el, '[part="category"]').map((s) => Math.round(s.getBoundingClientRect().left)));
    expect(lefts().size).to.equal(2);
    screen.style.width = '360px';
    await eventually(() => expect(lefts().size).to.equal(1));
    expect(el.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    // Dark the ways a host asks for it (README, Theming): light by default even on a dark OS,
    // theme="auto" follows the OS, theme="dark" is dark whatever the OS says.
    const background = () => getComputedStyle(el).backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(), 'no theme, dark OS').to.equal('rgb(255, 255, 255)');
    el.theme = 'auto';
    await el.updateComplete;
    expect(background(), 'theme="auto", dark OS').to.equal('rgb(28, 27, 34)');
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'light' });
    expect(background(), 'theme="auto", light OS').to.equal('rgb(255, 255, 255)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(background(), 'theme="dark", light OS').to.equal('rgb(28, 27, 34)');
    await expect(el).to.be.accessible();
  });

  it('two columns: Tab goes through the categories in the order the eye reads them, row by row, also with one open', async () => {
    const screen = await fixture<HTMLElement>(
      html`<div style="width:1000px">
        <button>Before</button>
        <pd-preferences-form base-url=${base()} token="demo-alice"></pd-preferences-form>
      </div>`,
    );
    const el = screen.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(el, '[role="switch"]')).to.have.length(5));
    await eventually(() => shadow(el, '[part="allow-browser"]'));
    /** The categories' names as the eye reads them: by rows top to bottom, each row left to right. */
    const reading = () =>
      shadowAll(el, '[part="category"]')
        .map((section) => ({ section, box: section.getBoundingClientRect() }))
        .sort((a, b) => Math.round(a.box.top) - Math.round(b.box.top) || a.box.left - b.box.left)
        .map(({ section }) => section.querySelector('[part="category-name"]')!.textContent);
    /** The categories' names in the order Tab reaches their switches. */
    const tabbed = async () => {
      screen.querySelector('button')!.focus();
      const names: string[] = [];
      for (let i = 0; i < 20 && names.length < 5; i++) {
        await press('Tab');
        const at = focused();
        if (at?.getAttribute('role') === 'switch')
          names.push(shadow(el, `#${at.getAttribute('aria-labelledby')}`).textContent!);
      }
      return names;
    };
    expect(
      new Set(shadowAll(el, '[part="category"]').map((c) => Math.round(c.getBoundingClientRect().left))).size,
    ).to.equal(2);
    expect(await tabbed()).to.deep.equal(reading());
    gearOf(el, 'trackActivity').click();
    await eventually(() => expect(optionsOf(el, 'trackActivity').hidden).to.equal(false));
    expect(await tabbed()).to.deep.equal(reading());
  });

  it('works as a form control: a host form submits the draft as JSON and its reset drops the edit', async () => {
    const host = await fixture<HTMLFormElement>(
      html`<form>
        <pd-preferences-form name="notifications" base-url=${base()} token="demo-alice"></pd-preferences-form>
      </form>`,
    );
    const el = host.querySelector('pd-preferences-form')!;
    await eventually(() => expect(shadowAll(el, '[role="switch"]')).to.have.length(5));
    switchOf(el, 'projects').click();
    await eventually(() => {
      const value = JSON.parse(String(new FormData(host).get('notifications')));
      expect(value.categories.projects.enabled).to.equal(false);
    });
    host.reset();
    await eventually(() => expect(switchOf(el, 'projects').getAttribute('aria-checked')).to.equal('true'));
  });

  it('speaks French', async () => {
    const el = await form();
    el.locale = 'fr';
    await eventually(() => expect(saveButton(el).textContent!.trim()).to.equal('Enregistrer les préférences'));
    expect(shadowAll(el, '[part="category-name"]')[0]!.textContent).to.equal('Activité des morceaux');
  });
});
