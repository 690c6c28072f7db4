import {
  NOTIFICATION_KINDS,
  PREFERENCE_CATEGORIES,
  PREFERENCE_OPTIONS,
  setPreferenceOption,
  type Category,
  type IconName,
  type Preferences,
  type PreferenceCategory,
  type PreferencesDraft,
} from '@pd-notify/client';
import { html, nothing, type PropertyValues } from 'lit';
import type { PermissionView } from '../browser/permission-view.js';
import { property, state } from 'lit/decorators.js';
import { ClientController } from '../client-controller.js';
import { PdPreferencesSavedEvent } from '../events.js';
import { FocusKeeper } from '../focus-keeper.js';
import { callout, feedbackStyles, loading, note, toneIcons } from '../feedback.js';
import { checkIcon, chevronIcon, namedIcon } from '../icons.js';
import { textsFor } from '../i18n.js';
import { PdElement } from '../pd-element.js';
import { categoryStyles } from '../styles/categories.js';
import { tokens } from '../styles/tokens.js';
import { preferencesStyles } from './pd-preferences-form.styles.js';
import { PREFERENCES_TEXTS, type PreferencesTexts } from './texts.js';

const LEAD_DAYS = [1, 3, 7] as const;
type Option<C extends PreferenceCategory> = (typeof PREFERENCE_OPTIONS)[C][number];

/** What each preferences category produces, as the feed shows it: its icons (one per look) and tabs. */
const IN_FEED = Object.fromEntries(
  PREFERENCE_CATEGORIES.map((category) => {
    const kinds = PREFERENCE_OPTIONS[category].map((type) => NOTIFICATION_KINDS[type]);
    const icons = new Map(kinds.map((kind) => [`${kind.category} ${kind.icon}`, [kind.category, kind.icon] as const]));
    return [category, { icons: [...icons.values()], tabs: [...new Set(kinds.map((kind) => kind.category))] }];
  }),
) as Record<PreferenceCategory, { icons: (readonly [Category, IconName])[]; tabs: Category[] }>;

/**
 * The notification preferences form (SPEC NS1–NS6): the five categories, each
 * with a main switch (`role="switch"`, turns the whole category and all its
 * options on or off) and a disclosure button (a chevron that turns up, on a
 * filled disc, while open) that expands its options; the reminder lead time (1,
 * 3 or 7 days); channels (in-app, email, browser) per category. Checkboxes and
 * radios are the native inputs drawn in the switches' family (theme colours,
 * 3:1 edges). Under each category's name, the feed's icons of what it produces
 * and the feed tabs they show under ("In your feed: Workflow and System"), so
 * the settings' names and the feed's meet. System is on by default; switching
 * security alerts off is allowed, with a warning.
 *
 * Browser notifications need the browser's permission, per browser (the channels
 * are the user's, everywhere). While it is not asked yet, "Turn on browser
 * notifications" asks for it (from the click, as browsers require); once granted,
 * each category's channels offer "Browser"; when denied, the form says how to
 * allow notifications again in the site settings; where the browser has no
 * Notification API, it says so. That part loads after the form's first render.
 *
 * "Save Preferences" is enabled once something changed, reads "Saving…" while
 * saving and confirms afterwards. A 409 (saved elsewhere meanwhile) loads the
 * server's version, keeps the edit and says so, in a warning just above Save. Saves from another session
 * arrive live; while this form has unsaved edits it asks which to keep instead
 * of overwriting them. The categories stand in two columns read row by row, the
 * order Tab takes (Track Activity, Collaborator Updates; Due Dates, Projects;
 * System, across the whole last row); an open category makes its row taller and
 * the one beside it stretches to match, so no hole opens; one column on narrow
 * screens.
 *
 * When the focused button goes away (Save disabled once saved, Discard gone, a
 * banner answered), focus moves to the save status ("Preferences saved."), else
 * the form's heading; "Turn on browser notifications" answered, to its section's
 * heading; never to the page's `<body>`.
 *
 * @keyboard Tab / Shift+Tab - Move through the switches, disclosure buttons, options, then Save and Discard.
 * @keyboard Space / Enter (switch) - Turn the whole category on or off.
 * @keyboard Enter / Space (disclosure) - Show or hide the category's options.
 * @keyboard Space (option) - Check or uncheck it.
 * @keyboard Arrow keys (reminder lead time) - Choose 1, 3 or 7 days.
 * @keyboard Enter (Save Preferences) - Save; focus moves to the status that says so.
 *
 * It is a form-associated element: inside a host's `<form>` with a `name`, it
 * submits the draft as JSON, and the form's reset drops the unsaved edit.
 *
 * @fires pd-preferences-saved - Saved: the server's new preferences in `detail`.
 *
 * @csspart form - The form.
 * @csspart title - The heading.
 * @csspart category - A category's section.
 * @csspart category-name - A category's name.
 * @csspart switch - A category's main switch.
 * @csspart disclosure - A category's disclosure button ("Options for …").
 * @csspart in-feed - Under a category's name: the feed's icons of what it produces, and the tabs they show under.
 * @csspart options - A category's expandable options.
 * @csspart warning - The security-alert warning (its icon and text).
 * @csspart footer - The save row.
 * @csspart save - "Save Preferences".
 * @csspart discard - "Discard changes".
 * @csspart status - The confirmation after saving (or, for a save made offline, that it will be saved once back online).
 * @csspart save-error - The error when saving failed (its icon and text).
 * @csspart banner - The warning after a conflict or a change from another session, just above Save.
 * @csspart error - The error when the preferences could not be loaded, with "Try again".
 * @csspart loading - The loading state.
 * @csspart browser - The browser notifications section: the permission and what to do about it.
 * @csspart allow-browser - "Turn on browser notifications" (while the browser has not been asked).
 * @csspart permission - The permission once answered: allowed (a success), blocked (a warning with how to allow it), or not available (a note).
 * @cssproperty --pd-color-accent - Switches, checkboxes and radios that are on, the save button.
 * @cssproperty --pd-color-border - Borders.
 * @cssproperty --pd-color-edge - Switches that are off, and the edges of checkboxes and radios (3:1 on the surface).
 * @cssproperty --pd-color-warning - The warnings' icon and tint.
 * @cssproperty --pd-color-success - The "saved" icon.
 * @cssproperty --pd-inset - The inset inside each category's box. Default 1rem.
 * @cssproperty --pd-color-surface - Background.
 * @cssproperty --pd-color-danger - Errors' icon and tint.
 * @cssproperty --pd-radius - Corner radius.
 * @cssproperty --pd-form-padding - Space around the form. Default 1rem.
 *
 * @screenshot images/pd-preferences-form-arabic.png - The form on an Arabic page (dir="rtl"): mirrored (each switch turns on towards the left), its texts in Arabic.
 *
 * @tag pd-preferences-form
 */
export class PdPreferencesForm extends PdElement {
  static override styles = [tokens, feedbackStyles, categoryStyles, preferencesStyles];
  static formAssociated = true;

  /** The name the draft is submitted under in a host's `<form>` (as JSON). */
  @property() name: string | null = null;

  @state() private expanded = new Set<PreferenceCategory>();

  #client = new ClientController(this, (client) => [client.$preferences]);
  /** The browser's permission and its section, once their code has loaded. */
  #browser: PermissionView | null = null;

  constructor() {
    super();
    new FocusKeeper(this, (lost) => {
      // "Turn on browser notifications" answered: the section's heading.
      if (lost.part.contains('allow-browser')) return this.renderRoot.querySelector<HTMLElement>('#browser-title');
      const status = this.renderRoot.querySelector<HTMLElement>('[part="status"]');
      return status?.textContent ? status : this.renderRoot.querySelector<HTMLElement>('#title');
    });
  }

  /** The form's own texts, in the element's language (English until that language has loaded). */
  get #texts(): PreferencesTexts {
    return textsFor(PREFERENCES_TEXTS, this.language, () => this.requestUpdate());
  }
  #internals = this.attachInternals();

  /** The preferences as they would be saved now: the draft, else the server's. */
  get value(): PreferencesDraft | null {
    const prefs = this.#client.client?.$preferences.get();
    if (!prefs?.server) return null;
    return prefs.draft ?? { categories: prefs.server.categories, reminderLeadDays: prefs.server.reminderLeadDays };
  }

  /** Saves the draft (what "Save Preferences" does). */
  async save(): Promise<Preferences | null> {
    const client = this.#client.client;
    const prefs = client?.$preferences.get();
    if (!client || !prefs?.dirty || prefs.status === 'saving') return null;
    try {
      const saved = await client.savePreferences();
      this.dispatchEvent(new PdPreferencesSavedEvent(saved));
      return saved;
    } catch {
      return null; // the state carries the error or the conflict, shown in the form
    }
  }

  /** A host form's reset: drops the unsaved edit. */
  formResetCallback(): void {
    void this.#client.client?.discardPreferences();
  }

  protected override firstUpdated(): void {
    void import('../browser/permission-view.js').then(({ PermissionView }) => {
      this.#browser = new PermissionView(this, () => this.language);
      this.requestUpdate();
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const value = this.value;
    this.#internals.setFormValue(value && this.name ? JSON.stringify(value) : null);
  }

  #edit(change: (draft: PreferencesDraft) => void): void {
    // Rejects only before the preferences are loaded, when the form shows no controls.
    this.#client.client?.editPreferences(change).catch(() => {});
  }

  #setCategory(category: PreferenceCategory, on: boolean): void {
    this.#edit((draft) => {
      const section = draft.categories[category];
      section.enabled = on;
      for (const option of Object.keys(section.options)) (section.options as Record<string, boolean>)[option] = on;
    });
  }

  #setOption<C extends PreferenceCategory>(category: C, option: Option<C>, on: boolean): void {
    this.#edit((draft) => setPreferenceOption(draft, category, option, on));
  }

  #toggle(category: PreferenceCategory): void {
    const expanded = new Set(this.expanded);
    if (!expanded.delete(category)) expanded.add(category);
    this.expanded = expanded;
  }

  override render() {
    const t = this.#texts;
    const prefs = this.#client.client?.$preferences.get();
    const value = this.value;
    if (!prefs || !value) {
      return prefs?.status === 'error'
        ? callout('error', t.preferencesLoadFailed, {
            part: 'error',
            actions: html`<button
              class="button primary"
              type="button"
              @click=${() => void this.#client.client?.refresh()}
            >
              ${this.strings.retry}
            </button>`,
          })
        : loading(t.preferencesLoading, 2);
    }
    const saving = prefs.status === 'saving';
    return html`<form
      part="form"
      class="form"
      aria-labelledby="title"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        void this.save();
      }}
    >
      <h2 part="title" id="title" tabindex="-1">${t.preferencesTitle}</h2>
      ${this.#renderBrowser()}
      <div class="categories">${PREFERENCE_CATEGORIES.map((category) => this.#renderCategory(category, value))}</div>
      ${this.#renderBanner(prefs.status, prefs.incoming !== null)}
      <div part="footer" class="footer">
        <button
          part="save"
          class="button primary"
          type="submit"
          ?disabled=${!prefs.dirty}
          aria-disabled=${saving ? 'true' : 'false'}
        >
          ${saving ? t.saving : t.save}
        </button>
        ${
          prefs.dirty && !saving
            ? html`<button
                part="discard"
                class="button"
                type="button"
                @click=${() => void this.#client.client?.discardPreferences()}
              >
                ${t.discard}
              </button>`
            : nothing
        }
        ${this.#renderStatus(prefs.pending ? t.savedOffline : prefs.status === 'saved' && !prefs.dirty ? t.saved : '')}
        ${prefs.status === 'error' ? note('error', t.saveFailed, 'save-error') : nothing}
      </div>
    </form>`;
  }

  /** The save's outcome (success, or info for a save waiting to go), focusable: focus goes there after saving. */
  #renderStatus(text: string) {
    const tone = this.#client.client?.$preferences.get().pending ? 'info' : 'success';
    return html`<span part="status" class="status note ${tone}" role="status" tabindex="-1"
      >${text ? toneIcons[tone] : nothing}${text}</span
    >`;
  }

  #renderBrowser() {
    const browser = this.#browser;
    if (!browser) return nothing;
    return html`<section part="browser" class="browser" aria-labelledby="browser-title">
      <h3 id="browser-title" tabindex="-1">${browser.texts.browserTitle}</h3>
      ${browser.render()}
    </section>`;
  }

  /** A save that met another session's: a warning beside Save, with what to do. */
  #renderBanner(status: string, incoming: boolean) {
    const t = this.#texts;
    if (incoming) {
      return callout('warning', t.incoming, {
        part: 'banner',
        role: 'alert',
        actions: html`<button
            class="button"
            type="button"
            @click=${() => void this.#client.client?.resolveIncoming('take')}
          >
            ${t.takeTheirs}
          </button>
          <button class="button" type="button" @click=${() => void this.#client.client?.resolveIncoming('keep')}>
            ${t.keepMine}
          </button>`,
      });
    }
    if (status === 'conflict') return callout('warning', t.conflict, { part: 'banner', role: 'alert' });
    return nothing;
  }

  #renderCategory(category: PreferenceCategory, value: PreferencesDraft) {
    const t = this.#texts;
    const section = value.categories[category];
    const on = section.enabled && Object.values(section.options).some(Boolean);
    const open = this.expanded.has(category);
    const name = t.preferenceCategory[category];
    const system = value.categories.system;
    const securityOff = category === 'system' && !(system.enabled && system.options['security-alert']);
    const feed = IN_FEED[category];
    const tabs = new Intl.ListFormat(this.language, { type: 'conjunction' }).format(
      feed.tabs.map((tab) => this.strings.category[tab]),
    );
    return html`<section part="category" class="category" aria-labelledby=${`${category}-name`}>
      <div class="category-head">
        <h3 part="category-name" id=${`${category}-name`}>${name}</h3>
        <button
          part="switch"
          class="switch"
          type="button"
          role="switch"
          aria-checked=${on ? 'true' : 'false'}
          aria-labelledby=${`${category}-name`}
          data-category=${category}
          @click=${() => this.#setCategory(category, !on)}
        >
          <span class="thumb" aria-hidden="true"></span>
        </button>
        <button
          part="disclosure"
          class="icon-button disclosure"
          type="button"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${`${category}-options`}
          aria-label=${t.showOptions(name)}
          title=${t.showOptions(name)}
          @click=${() => this.#toggle(category)}
        >
          ${chevronIcon}
        </button>
      </div>
      <p part="in-feed" class="in-feed">
        ${feed.icons.map(
          ([tab, icon]) => html`<span class="icon ${tab}" aria-hidden="true">${namedIcon(icon)}</span>`,
        )}<span>${this.strings.inFeed(tabs)}</span>
      </p>
      ${securityOff ? callout('warning', t.securityWarning, { part: 'warning', role: 'alert' }) : nothing}
      <div part="options" class="options" id=${`${category}-options`} ?hidden=${!open}>
        <fieldset>
          <legend>${t.notifyMeAbout}</legend>
          ${(PREFERENCE_OPTIONS[category] as readonly Option<typeof category>[]).map((option) =>
            this.#check(
              'checkbox',
              option,
              section.enabled && (section.options as Record<string, boolean>)[option]!,
              t.preferenceOption[option],
              (on) => this.#setOption(category, option, on),
            ),
          )}
        </fieldset>
        ${category === 'dueDates' ? this.#renderLeadTime(value) : nothing}
        <fieldset>
          <legend>${t.channels}</legend>
          ${(this.#browser?.permission === 'granted'
            ? (['inApp', 'email', 'browser'] as const)
            : (['inApp', 'email'] as const)
          ).map((channel) =>
            this.#check(
              'checkbox',
              `${category}-${channel}`,
              section.channels[channel] ?? false,
              channel === 'inApp' ? t.inApp : channel === 'email' ? t.email : this.#browser!.texts.browser,
              (on) =>
                this.#edit((draft) => {
                  draft.categories[category].channels[channel] = on;
                }),
            ),
          )}
        </fieldset>
      </div>
    </section>`;
  }

  /**
   * A checkbox or radio of the form's one control family: the native input (its semantics, keys
   * and form behaviour) drawn in the theme's colours, like the switches.
   */
  #check(
    type: 'checkbox' | 'radio',
    name: string,
    checked: boolean,
    label: string,
    change: (on: boolean) => void,
    value?: number,
  ) {
    return html`<label class="check">
      <span class="control ${type}"
        ><input
          type=${type}
          name=${name}
          value=${value ?? nothing}
          .checked=${checked}
          @change=${(event: Event) => change((event.target as HTMLInputElement).checked)}
        />${type === 'checkbox' ? checkIcon : nothing}</span
      >
      ${label}
    </label>`;
  }

  #renderLeadTime(value: PreferencesDraft) {
    const t = this.#texts;
    return html`<fieldset>
      <legend>${t.reminderLead}</legend>
      <div class="radios">
        ${LEAD_DAYS.map((days) =>
          this.#check(
            'radio',
            'reminder-lead-days',
            value.reminderLeadDays === days,
            t.days(days),
            () =>
              this.#edit((draft) => {
                draft.reminderLeadDays = days;
              }),
            days,
          ),
        )}
      </div>
    </fieldset>`;
  }
}
