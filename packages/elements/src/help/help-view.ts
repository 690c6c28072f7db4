/**
 * The checks of `<pd-notification-help>` (SPEC NS7), loaded when the element is
 * first connected: the categories switched off, the email address, the
 * browser's permission, the connection; rendered into the element's shadow root.
 */
import {
  PREFERENCE_CATEGORIES,
  type ConnectionState,
  type PdClient,
  type PreferenceCategory,
  type Preferences,
  type User,
} from '@pd-notify/client';
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { PermissionView } from '../browser/permission-view.js';
import { FocusKeeper } from '../focus-keeper.js';
import { textsFor } from '../i18n.js';
import { feedbackStyles, note, toneIcons } from '../feedback.js';
import { PREFERENCES_TEXTS } from '../preferences/texts.js';
import { safeHttpUrl } from '../urls.js';
import { HELP_TEXTS, type HelpTexts } from './texts.js';

/** What the view needs from its `<pd-notification-help>`. */
export interface HelpContext {
  client(): PdClient | null;
  language(): string;
  profileHref(): string | null;
  preferencesHref(): string | null;
}

type HelpHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** A check's mark: it passes, it needs the user's attention, or it is not known yet. */
type CheckState = 'ok' | 'attention' | 'checking';

/** Each state's look: the success, warning and loading patterns; `info` for a reminder with nothing to check. */
const MARKS = { ok: 'success', attention: 'warning', checking: 'info', info: 'info' } as const;

const styles = css`
  :host {
    container-type: inline-size;
    padding: var(--pd-form-padding, 1rem);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
    line-height: 1.5rem;
  }
  h2 + p {
    margin-block-start: 0;
  }
  .checks {
    display: grid;
    gap: 0.75rem;
    margin: 0 0 1.5rem;
    padding: 0;
    list-style: none;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    padding: 0.75rem var(--_inset);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .mark {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  /* A check that needs attention is a warning: tinted, with its triangle. */
  .check[data-state='attention'] {
    border-color: color-mix(in srgb, var(--_warning) 40%, var(--_surface));
    background: color-mix(in srgb, var(--_warning) var(--_tint), var(--_surface));
  }
  .body {
    flex: 1;
    min-inline-size: 0;
  }
  h3 {
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    font-weight: 650;
    line-height: 1.5rem;
  }
  p {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
  }
  .body > :last-child,
  .body > .permission > :last-child {
    margin-block-end: 0;
  }
  .body > .permission + p {
    margin-block-start: 0.5rem;
  }
  .off {
    display: grid;
    gap: 0.35rem;
    margin: 0 0 0.5rem;
    padding: 0;
    list-style: none;
  }
  .off li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    font-size: 0.875rem;
  }
  .address {
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_accent);
  }
  .hint {
    color: var(--_muted);
  }
`;

/** On for the user in the app: its main switch, at least one option, and the in-app channel. */
const onInApp = (category: Preferences['categories'][PreferenceCategory]): boolean =>
  category.enabled && Object.values(category.options).some(Boolean) && category.channels.inApp;

export class HelpView implements ReactiveController {
  #host: HelpHost;
  #context: HelpContext;
  #permission: PermissionView;
  /** The user as `/v1/me` answered; null while asking, `failed` when it could not. */
  #me: User | null | 'failed' = null;
  #meOf: PdClient | null = null;
  /** A category that could not be switched on (the save failed). */
  #failed: PreferenceCategory | null = null;

  constructor(host: HelpHost, context: HelpContext) {
    this.#host = host;
    this.#context = context;
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, feedbackStyles.styleSheet!, styles.styleSheet!];
    this.#permission = new PermissionView(host, context.language);
    // A button gone: a category turned on gives focus to the next "Turn on", else its check's heading;
    // the permission answered, to the browser check's heading.
    new FocusKeeper(host, (lost) =>
      lost.part.contains('turn-on')
        ? (this.#query('[part~="turn-on"]') ?? this.#query('#categories-title'))
        : lost.part.contains('allow-browser')
          ? this.#query('#browser-title')
          : this.#query('#title'),
    );
    host.addController(this);
    this.#ask();
  }

  hostConnected(): void {
    this.#ask();
  }

  hostUpdated(): void {
    if (this.#context.client() !== this.#meOf) this.#ask();
  }

  get #texts(): HelpTexts {
    return textsFor(HELP_TEXTS, this.#context.language(), () => this.#host.requestUpdate());
  }

  #query(selector: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(selector);
  }

  /** Asks the server who the user is (their email address), again for another client or on Reconnect. */
  #ask(): void {
    const client = this.#context.client();
    this.#meOf = client;
    this.#me = null;
    if (!client) return;
    client.me().then(
      (user) => this.#answered(client, user),
      () => this.#answered(client, 'failed'),
    );
  }

  #answered(client: PdClient, me: User | 'failed'): void {
    if (client !== this.#meOf) return;
    this.#me = me;
    this.#host.requestUpdate();
  }

  async #turnOn(category: PreferenceCategory): Promise<void> {
    const client = this.#context.client();
    if (!client) return;
    this.#failed = null;
    try {
      await client.editPreferences((draft) => {
        const section = draft.categories[category];
        section.enabled = true;
        section.channels.inApp = true;
        for (const option of Object.keys(section.options)) (section.options as Record<string, boolean>)[option] = true;
      });
      await client.savePreferences();
    } catch {
      this.#failed = category;
      this.#host.requestUpdate();
    }
  }

  #reconnect(): void {
    void this.#context.client()?.refresh();
    this.#ask();
  }

  render(): TemplateResult {
    const t = this.#texts;
    const language = this.#context.language();
    const client = this.#context.client();
    const prefs = client?.$preferences.get();
    const names = textsFor(PREFERENCES_TEXTS, language, () => this.#host.requestUpdate()).preferenceCategory;
    const list = (categories: PreferenceCategory[]) =>
      new Intl.ListFormat(language, { type: 'conjunction' }).format(categories.map((name) => names[name]));
    const server = prefs?.server ?? null;
    const where = (on: (category: Preferences['categories'][PreferenceCategory]) => boolean) =>
      server ? PREFERENCE_CATEGORIES.filter((name) => on(server.categories[name])) : [];
    const preferencesHref = this.#link(this.#context.preferencesHref());
    return html`<section part="help" class="help" aria-labelledby="title">
      <h2 part="title" id="title" tabindex="-1">${t.title}</h2>
      <ul class="checks">
        ${this.#renderCategories(
          server,
          where((category) => !onInApp(category)),
          names,
          prefs?.status,
        )}
        ${this.#renderEmail(
          server,
          where((category) => category.enabled && category.channels.email),
          list,
        )}
        ${this.#check('spam', null, t.spamCheck, nothing)}
        ${this.#renderBrowser(
          server,
          where((category) => category.enabled && category.channels.browser === true),
          list,
        )}
        ${this.#renderConnection(client?.$connection.get())}
      </ul>
      <h2 part="title" id="too-many-title">${t.tooMany}</h2>
      <p>${t.tooManyAdvice}</p>
      ${preferencesHref ? html`<p><a part="link" href=${preferencesHref}>${t.preferencesLink}</a></p>` : nothing}
    </section>`;
  }

  /**
   * One check: its mark, the product's sentence as its heading (with the mark's
   * meaning for screen readers: the mark itself is an image), and what applies now.
   */
  #check(id: string, state: CheckState | null, lead: string, body: TemplateResult | typeof nothing) {
    return html`<li
      part="check ${state ? `check-${state}` : ''}"
      class="check"
      data-check=${id}
      data-state=${state ?? 'info'}
    >
      <span class="mark ${MARKS[state ?? 'info']}" aria-hidden="true"
        >${state === 'checking' ? html`<span class="spinner"></span>` : toneIcons[MARKS[state ?? 'info']]}</span
      >
      <div class="body">
        <h3 id=${`${id}-title`} tabindex="-1">
          ${lead}${state ? html`<span class="visually-hidden">: ${this.#texts.checkState[state]}</span>` : nothing}
        </h3>
        ${body}
      </div>
    </li>`;
  }

  #renderCategories(
    server: Preferences | null,
    off: PreferenceCategory[],
    names: Record<PreferenceCategory, string>,
    status: string | undefined,
  ) {
    const t = this.#texts;
    if (!server) return this.#check('categories', 'checking', t.categoriesCheck, html`<p>${t.checking}</p>`);
    const saving = status === 'saving';
    return this.#check(
      'categories',
      off.length ? 'attention' : 'ok',
      t.categoriesCheck,
      off.length === 0
        ? html`<p>${t.allCategoriesOn}</p>`
        : html`<p>${t.categoriesOff(off.length)}</p>
            <ul class="off">
              ${off.map(
                (category) =>
                  html`<li>
                    <span>${names[category]}</span>
                    <button
                      part="turn-on"
                      class="button"
                      type="button"
                      data-check="categories"
                      aria-label=${t.turnOnCategory(names[category])}
                      aria-disabled=${saving ? 'true' : 'false'}
                      @click=${() => void (saving || this.#turnOn(category))}
                    >
                      ${t.turnOn}
                    </button>
                  </li>`,
              )}
            </ul>
            ${this.#failed ? note('error', t.turnOnFailed) : nothing}`,
    );
  }

  #renderEmail(server: Preferences | null, sending: PreferenceCategory[], list: (c: PreferenceCategory[]) => string) {
    const t = this.#texts;
    const me = this.#me;
    const profile = this.#link(this.#context.profileHref());
    const email = me && me !== 'failed' ? me.email : undefined;
    const state: CheckState = me === null || !server ? 'checking' : email && sending.length ? 'ok' : 'attention';
    return this.#check(
      'email',
      state,
      t.emailCheck,
      html`${
        me === null
          ? html`<p>${t.checking}</p>`
          : me === 'failed'
            ? html`<p>${t.emailUnknown}</p>`
            : email
              ? html`<p>${t.emailGoesTo} <strong class="address">${email}</strong>.</p>`
              : html`<p>${t.noEmail}</p>`
      }
      ${server ? html`<p>${sending.length ? t.emailOnFor(list(sending)) : t.emailOff}</p>` : nothing}
      ${profile ? html`<p><a part="link" href=${profile}>${t.profileLink}</a></p>` : nothing}`,
    );
  }

  #renderBrowser(server: Preferences | null, showing: PreferenceCategory[], list: (c: PreferenceCategory[]) => string) {
    const t = this.#texts;
    const permission = this.#permission.permission;
    const granted = permission === 'granted';
    // A browser without notifications: nothing the user can do about it here, so no mark.
    const state: CheckState | null =
      permission === 'unsupported'
        ? null
        : !granted
          ? 'attention'
          : !server
            ? 'checking'
            : showing.length
              ? 'ok'
              : 'attention';
    return this.#check(
      'browser',
      state,
      t.browserCheck,
      html`${this.#permission.render()}
      ${granted && server ? html`<p>${showing.length ? t.browserOnFor(list(showing)) : t.browserOff}</p>` : nothing}`,
    );
  }

  #renderConnection(connection: ConnectionState | undefined) {
    const t = this.#texts;
    const status = connection?.status ?? 'idle';
    // Connecting again after a failure (waiting to retry): the user may want to reconnect now.
    const retrying = status === 'connecting' && Boolean(connection?.error);
    const text =
      status === 'error'
        ? t.connectionError(connection?.reason ?? connection?.error?.message ?? '')
        : retrying
          ? t.connectionRetrying
          : t.connection[status];
    const state: CheckState =
      status === 'live' ? 'ok' : (status === 'idle' || status === 'connecting') && !retrying ? 'checking' : 'attention';
    return this.#check(
      'connection',
      state,
      t.connectionCheck,
      html`<p role="status">${text}</p>
        <p class="hint">${t.reconnectHint}</p>
        <p>
          <button part="reconnect" class="button" type="button" @click=${() => this.#reconnect()}>
            ${t.reconnect}
          </button>
        </p>`,
    );
  }

  /** A host's link, when it is http(s) or relative. */
  #link(href: string | null): string | null {
    return href ? safeHttpUrl(href) : null;
  }
}
