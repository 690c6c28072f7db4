import { $now, type Category, type Notification } from '@pd-notify/client';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { announce } from '../announcer.js';
import { bell, BellLink, notificationCount } from '../bell-badge/bell.js';
import { BellInk } from '../bell-badge/ink.js';
import { bellStyles } from '../bell-badge/bell.styles.js';
import { BrowserNotificationsController } from '../browser/browser-notifications-controller.js';
import { ClientController } from '../client-controller.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import type { FeedPanel } from './feed-panel.js';
import { feedStyles } from './pd-activity-feed.styles.js';
import type { RowRenderer } from './row-renderer.js';

export { fillTemplate } from '../urls.js';

/** The filter tabs: everything, unread only, or one category. */
export type FeedTab = 'all' | 'unread' | Category;

/**
 * The activity feed: a bell with the live unread count (or, with
 * `badge="unseen"`, the count of notifications not yet on screen in the open
 * panel) that opens a panel of the most recent notifications, newest first
 * (SPEC AF1–AF13). With `inline`, the panel alone, for a full-page feed. The
 * bell takes the host header's text colour (or `--pd-bell-color`) whatever the
 * theme, unless that colour would not read on the background behind it (then
 * the theme text that does); the panel follows `theme`.
 * The panel is as tall as its content, up to `--pd-panel-max-height`; its code
 * loads the first time it opens.
 *
 * Each row shows its type's icon (the protocol's `NOTIFICATION_KINDS`: a
 * comment's speech bubble, a security alert's shield, else its category's) in
 * its category's colour, the title (two lines at most), the message (three),
 * "Show more" when either is longer (it expands the row in place), the time,
 * and an unread dot and a bolder title while unread. "Turn off notifications
 * like this" (on rows whose type a preferences option produces, but security
 * alerts, which the settings switch off with a warning) switches that option
 * off at once, says which (the option and its category, as the preferences
 * name them) in a toast with Undo, and the server stops producing that type.
 * A second press waits for the first; an option already off is said so,
 * without Undo.
 *
 * The list is a feed (WAI-ARIA APG feed pattern) with a roving tabindex: one
 * row is in the Tab order, and so are that row's buttons ("Show more", "Accept
 * Invite", the support answers, "Dismiss", "Snooze", "Turn off notifications
 * like this"), right after it. The current row is a notification,
 * not a position: when notifications arrive above it, it stays current, in the
 * Tab order and where it was on screen (the list scrolls by what arrived), and
 * reopening the panel focuses it. Leaving the panel by keys closes it, focus going
 * where the key sent it: Tab past the current row's last button (on to what
 * follows the bell on the page), or Shift+Tab from its first control (back to the bell).
 * When the focused control goes away (a row dismissed, "Accept Invite" done,
 * "Mark all as read" disabled), focus moves to the row now at that place, else
 * the previous row, else the selected tab; never to the page's `<body>`.
 *
 * The inbox's verbs. Views beside the filter tabs (Inbox, Snoozed, Archived: a
 * radio group), each with its empty state and its own list (the client's
 * `$notifications`, `$snoozed`, `$archived`: a view loads the first time it is
 * shown, and going back to one shows it at once). "Dismiss" archives the row (the
 * server keeps it, restorable): a toast says "Archived" with Undo. "Snooze"
 * (a menu button: "1 hour", "Tomorrow, 9:00", "Next week (Monday, 9:00)" in
 * the viewer's time zone, or "Pick a date and time…") takes the row out until
 * then ("Snoozed until …" with Undo); it comes back unread on top when the time
 * comes. The Snoozed view shows each row's time and "Unsnooze", the Archived
 * view "Restore". "Search" (or `/`) opens a searchbox: results as you type,
 * within the view and tab, the words found marked, "No results for “…”"; while
 * the server cannot be reached, the loaded notifications that match, said so.
 * "Select" shows a checkbox per row and a bar: Mark read, Mark unread, Archive
 * (Restore in the archive), with Undo, and "Select all N matching" once every
 * loaded row is selected and the server has more. The snooze menu, the search
 * and select mode load on first use; every change is announced (a toast, or
 * the selection's count).
 *
 * Opening a row marks it read, then: an invitation's row fires `pd-invite-review`
 * and, unless cancelled, opens the page's `<pd-invitations>` on that invitation
 * (one is added when the page has none), since its track is not open to the user
 * before accepting (SPEC IN10); a row with a track fires `pd-navigate` and, unless
 * cancelled, closes the panel (focus back on the bell) and follows `href-template`.
 * Accepting from a row shows the same toast as the modal, and the row then says
 * "Invite accepted".
 *
 * Browser notifications (SPEC NS6): when a notification new to the user arrives
 * while no page of the app is visible and focused, its category's browser channel
 * is on and the browser allows notifications (ask with `<pd-preferences-form>` or
 * `<pd-notification-help>`), exactly one tab of the browser shows it as a system
 * notification (title, message, category icon, `tag` = its id). Clicking it
 * focuses that tab and opens the notification as its row would: marked read,
 * then `pd-invite-review` or `pd-navigate` (cancelable). Every page of the app
 * should have its feed (it is in the header): the tab that shows is the one
 * holding the stream, and each page's focus counts.
 *
 * @keyboard Enter / Space (bell) - Open or close the panel; focus goes to the current row.
 * @keyboard Arrow Down / Page Down - Next row.
 * @keyboard Arrow Up / Page Up - Previous row.
 * @keyboard Home / End - First / last row loaded.
 * @keyboard Tab / Shift+Tab - From the current row, its controls (its checkbox in select mode, "Show more" on a long row, "Accept Invite" or the support answers, then "Dismiss", "Snooze" and "Turn off notifications like this"; in the Snoozed view "Unsnooze" and "Dismiss", in the Archived view "Restore"); before the rows, the selection bar in select mode, the selected filter tab, the selected view, the search bar when open, and the header's "Search", "Select" and "Mark all as read". Tab past the current row's last button, or Shift+Tab back to the bell, closes the panel (in the dropdown, while a toast shows, Tab reaches its "Undo" first).
 * @keyboard Enter (row) - Open the row: an invitation opens its card in the invitations modal; a row with a track navigates.
 * @keyboard Delete / Backspace (row) - Dismiss (archive) the row.
 * @keyboard Arrow Left / Right, Home / End (tabs) - Choose a filter (mirrored right-to-left); the chosen tab scrolls into view.
 * @keyboard Arrow Left / Right (views) - Choose Inbox, Snoozed or Archived (the views are one Tab stop, between "Mark all as read" and the tabs).
 * @keyboard Enter / Space (Snooze) - Open the snooze menu on its first item; Arrow Up / Down, Home / End move, Enter chooses, Escape or Tab closes it back to the button.
 * @keyboard / - Open the search (while the panel has focus, not in a field); Arrow Down goes to the first result; Escape clears it, a second Escape closes it (focus back on "Search").
 * @keyboard Space (row, select mode) - Select or unselect the row.
 * @keyboard Shift+Arrow Down / Up (row, select mode) - Extend the selection to the next / previous row.
 * @keyboard Ctrl+A / Cmd+A (row, select mode) - Select every loaded row.
 * @keyboard Escape (row, select mode) - Leave select mode.
 * @keyboard Escape - Close the panel and return focus to the bell, wherever focus was.
 *
 * @screenshot images/pd-activity-feed-dark-header.png - The bell on a dark host header, in the header's own light colour, with the panel open in the dark theme.
 * @screenshot images/pd-activity-feed-narrow.png - The demo page at 360 px: the header wraps, the bell stays on screen, the panel fits the width.
 * @screenshot images/pd-activity-feed-arabic.png - On an Arabic page (dir="rtl"): the panel mirrored (icons at the start, actions at the end on the left), its texts and the server's notifications in Arabic.
 *
 * @fires pd-navigate - A row with a track was opened: `{ trackId, widget, notification }`. Cancelable: cancel it to take over (the panel stays open, `href-template` is not followed); otherwise the panel closes and `href-template` is followed.
 * @fires pd-invite-review - An invitation's row was opened: `{ invitationId, notification }`. Cancelable: cancel it to show the invitation yourself; otherwise `<pd-invitations>` opens on its card.
 * @fires pd-dismiss - A row is about to be dismissed (archived): `{ notification }`. Cancelable.
 * @fires pd-invite-accepted - An invite was accepted from its row: the acceptance (track, permission, sync).
 *
 * @csspart bell - The bell button.
 * @csspart badge - The count badge on the bell (unread, or unseen with `badge="unseen"`).
 * @csspart panel - The dropdown panel (or the inline feed).
 * @csspart header - The panel's header.
 * @csspart title - The panel's title.
 * @csspart mark-all - The "Mark all as read" button.
 * @csspart connection - The connection indicator (shown while polling or offline).
 * @csspart tabs - The filter tabs' strip (the tabs scroll sideways in it, with a fading button at each end that has more).
 * @csspart tab - One filter tab.
 * @csspart list - The scrolling list of rows.
 * @csspart row - A notification row (also `row-unread`, `row-high-priority`, `row-group` for a group, `row-member` for a group's member shown under it).
 * @csspart avatars - A group's stacked avatars (its people, newest first, three at most).
 * @csspart group-toggle - A group's "Show all N" / "Hide all N" button (a disclosure).
 * @csspart icon - A row's icon: its type's, in its category's colour.
 * @csspart row-title - A row's title (two lines at most until expanded).
 * @csspart message - A row's message (three lines at most until expanded).
 * @csspart show-more - "Show more" / "Show less" on a row whose title or message is longer than its clamp.
 * @csspart time - A row's relative time.
 * @csspart pending - A row's mark for a change made offline: "Will sync when you're back online".
 * @csspart actions - A row's action buttons.
 * @csspart action - One action button ("Accept Invite", the support answers).
 * @csspart dismiss - A row's dismiss button.
 * @csspart turn-off - A row's "Turn off notifications like this" button.
 * @csspart row-error - A row's error message.
 * @csspart empty - The empty state.
 * @csspart row-content - A row's content area as the host's `renderRow` filled it.
 * @csspart footer - The panel's footer, holding the `footer` slot.
 * @csspart loading - The loading state: a ring with its text, and placeholder rows.
 * @csspart error - The error state: its icon, text and "Try again".
 * @csspart retry - The error state's retry button.
 * @csspart views - The views' radio group (Inbox, Snoozed, Archived).
 * @csspart view - One view.
 * @csspart snooze - A row's Snooze menu button.
 * @csspart snooze-menu - The snooze menu (and its "Pick a date and time…" form).
 * @csspart snoozed-until - A snoozed row's "Snoozed until …".
 * @csspart unsnooze - A snoozed row's Unsnooze button.
 * @csspart restore - An archived row's Restore button.
 * @csspart search-button - The header's Search button.
 * @csspart search - The search bar: its box and close button.
 * @csspart searchbox - The search field.
 * @csspart search-close - The search bar's close button.
 * @csspart search-local - The note over results matched among the loaded notifications (offline).
 * @csspart match - A word found, marked in a row's title or message.
 * @csspart no-results - "No results for “…”".
 * @csspart select-button - The header's Select button (pressed in select mode).
 * @csspart select - A row's checkbox in select mode.
 * @csspart selection - The selection bar.
 * @csspart bulk-action - One of the selection bar's buttons.
 * @csspart select-all-matching - "Select all N matching".
 *
 * @cssproperty --pd-panel-width - The dropdown's width. Default 24rem.
 * @cssproperty --pd-feed-height - The height of an `inline` feed (its list scrolls inside). Default 36rem.
 * @cssproperty --pd-panel-max-height - The dropdown's greatest height (less when the window has less room below the bell); shorter when its content is. Default 32rem.
 * @cssproperty --pd-bell-color - The bell's colour. Default: the text colour around the element (the host's header).
 * @cssproperty --pd-color-surface - Panel background.
 * @cssproperty --pd-color-text - Text colour.
 * @cssproperty --pd-color-text-muted - Secondary text colour.
 * @cssproperty --pd-color-border - Borders and dividers.
 * @cssproperty --pd-color-hover - Hovered rows and buttons.
 * @cssproperty --pd-color-unread - Background of unread rows.
 * @cssproperty --pd-color-accent - Buttons, the selected tab and the unread dot.
 * @cssproperty --pd-color-on-accent - Text on accent buttons.
 * @cssproperty --pd-color-high-priority - The mark of high-priority rows.
 * @cssproperty --pd-color-edge - Edges that must read at 3:1: loading placeholders.
 * @cssproperty --pd-color-danger - Error messages' icon and edge.
 * @cssproperty --pd-color-success - A toast's success icon.
 * @cssproperty --pd-inset - The one inset of the panel: the title, the first tab, the row icons, "Mark all as read" and each row's buttons. Default 1rem.
 * @cssproperty --pd-color-badge - The badge's background.
 * @cssproperty --pd-color-on-badge - The badge's text.
 * @cssproperty --pd-category-collaboration - Colour of collaboration rows' icon (also -deadline, -workflow, -reminder, -system, -support).
 * @cssproperty --pd-radius - Corner radius.
 * @cssproperty --pd-shadow - The dropdown's shadow.
 * @cssproperty --pd-font-family - The font.
 * @cssproperty --pd-focus-ring-color - The focus outline's colour. Default: the theme's (light #5b3fd6, dark #b3a6ff: 3:1 on every row and the panel).
 *
 * @slot empty - The Inbox's empty state (default: the bell and "No new notifications.").
 * @slot header-actions - Extra buttons or links in the panel's header, after "Mark all as read".
 * @slot footer - The panel's footer, e.g. a "See all notifications" link to the host's page.
 *
 * @tag pd-activity-feed
 */
export class PdActivityFeed extends PdElement {
  static override styles = [tokens, bellStyles, feedStyles];

  /** Render the panel alone, always open (a full-page feed). */
  @property({ type: Boolean, reflect: true }) inline = false;
  /**
   * Where a row leads when `pd-navigate` is not cancelled, e.g.
   * `/tracks/{trackId}?widget={widget}`. Only http(s) and relative URLs are followed.
   */
  @property({ attribute: 'href-template' }) hrefTemplate: string | null = null;
  /**
   * What the bell's badge counts: `unread` (the default) or `unseen`
   * notifications, those the user has not had on screen in the open panel
   * (unread ones while the server sends no unseen count). The bell's
   * description says which ("3 new notifications"). Another value warns once
   * and counts unread.
   */
  @property({ reflect: true }) badge: 'unread' | 'unseen' = 'unread';
  /**
   * A host page (its activity, say) the bell links to until the element runs: a
   * server-rendered page read without JavaScript, or before its script loads.
   * Once running, the bell is a button as always.
   */
  @property() href: string | null = null;

  #bellLink = new BellLink(this);
  /**
   * Fills each row's content area with the host's rendering (a Lit template, a
   * DOM node, or null for the feed's own; see `RowRenderer`): the feed keeps the
   * rest of the row (its role, keys, focus, unread mark, time line, actions,
   * selection, virtualisation).
   */
  @property({ attribute: false }) renderRow: RowRenderer | null = null;
  /**
   * Hours within which consecutive notifications with one `groupKey` (comments
   * on one track, stage changes of one track, invitations from one person)
   * show as one row, counted back from the group's newest. `0` turns grouping
   * off. The bell counts notifications, not groups.
   */
  @property({ type: Number, attribute: 'group-window' }) groupWindow = 24;

  /**
   * Whether the dropdown is open. Rows render only then: nothing is laid out
   * for a closed panel, and its code loads the first time it opens.
   */
  @state() private open = false;

  @query('#panel') private panel!: HTMLElement | null;

  #client = new ClientController(
    this,
    (client) => [client.$notifications, client.$unreadCount, client.$unseenCount, client.$connection, $now],
    // An invitations modal the feed opens itself (when the page has none) shares its client.
    { shareWithChildren: true },
  );
  /** The panel's contents, once their code has loaded. */
  #view: FeedPanel | null = null;
  #loading: Promise<void> | null = null;
  /** The top of the list when last rendered: null when it was empty, undefined before it was first ready. */
  #top: Notification | null | undefined = undefined;
  #reposition = () => this.#position();

  constructor() {
    super();
    this.addEventListener('pointerdown', this.#onPointerDown);
    new BellInk(this);
    // A click on a system notification opens it as its row would (the panel's code loads if it has not).
    new BrowserNotificationsController(this, {
      client: () => this.#client.client,
      language: () => this.language,
      open: (notification) => void this.#load().then(() => this.#view!.open(notification)),
    });
  }

  /** Focuses the bell (or, inline, the current row), so a dialog opened from the feed can give focus back. */
  override focus(options?: FocusOptions): void {
    const target = this.inline
      ? (this.renderRoot.querySelector('article[tabindex="0"]') ?? this.renderRoot.querySelector('[role="tab"]'))
      : this.renderRoot.querySelector('.bell');
    (target as HTMLElement | null)?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listen(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.open || this.inline) void this.#load();
    this.#announceNew();
  }

  override render() {
    const t = this.strings;
    const view = this.#view;
    const panel = html`<section
      id="panel"
      part="panel"
      class="panel surface"
      popover=${this.inline ? nothing : 'auto'}
      role=${this.inline ? 'region' : 'dialog'}
      aria-labelledby="title"
      @beforetoggle=${this.#onBeforeToggle}
      @toggle=${this.#onToggle}
      @focusout=${this.#onPanelFocusOut}
    >
      <div part="header" class="header">
        <h2 id="title" part="title">${t.notifications}</h2>
        ${view?.headerTools()}<slot name="header-actions"></slot>
      </div>
      ${
        view
          ? view.render()
          : this.open || this.inline
            ? html`<p part="loading" class="loading" role="status">
                <span class="spinner" aria-hidden="true"></span>${t.loading}
              </p>`
            : nothing
      }
      <div part="footer" class="footer"><slot name="footer"></slot></div>
    </section>`;
    if (this.inline) return panel;
    const { count, description } = notificationCount(this, this.#client.client, t);
    const href = this.#bellLink.href(this.href);
    return html`${bell({ label: t.notifications, description, count, popoverTarget: 'panel', href })} ${panel}`;
  }

  /** Loads the panel's code once (on the first opening, or at once when inline). */
  #load(): Promise<void> {
    return (this.#loading ??= import('./feed-panel.js').then(({ FeedPanel }) => {
      this.#view = new FeedPanel(this, {
        client: () => this.#client.client,
        strings: () => this.strings,
        language: () => this.language,
        shown: () => this.open || this.inline,
        dropdown: () => !this.inline,
        hrefTemplate: () => this.hrefTemplate,
        renderRow: () => this.renderRow,
        groupWindow: () => this.groupWindow * 3_600_000,
        close: () => this.panel?.hidePopover(),
      });
      this.requestUpdate();
    }));
  }

  /**
   * Announces notifications that arrived above the previous top of the list,
   * unread, each once; pages loaded below it and a new filter's first page are
   * not news.
   */
  #announceNew(): void {
    const state = this.#client.client?.$notifications.get();
    if (!state || state.status !== 'ready') {
      this.#top = undefined;
      return;
    }
    const previous = this.#top;
    this.#top = state.items[0] ?? null;
    if (previous === undefined) return;
    const above = previous ? state.items.findIndex((item) => item.id === previous.id) : state.items.length;
    const arrived =
      above >= 0 ? state.items.slice(0, above) : state.items.filter((item) => item.createdAt > previous!.createdAt);
    for (const item of arrived) {
      if (item.readAt === null) {
        announce(this.strings.newNotification(item.title), `pd-notification:${item.id}:${item.createdAt}`);
      }
    }
  }

  /** Whether focus was inside the panel when it began to close. */
  #focusInPanel = false;
  /** Whether Escape was pressed while the panel was open (it closes it, wherever focus was). */
  #escaped = false;

  #onKeyDown = (event: KeyboardEvent): void => {
    // Escape that something handled itself (a toast closing) does not close the panel.
    if (event.key === 'Escape' && !event.defaultPrevented) this.#escaped = true;
  };

  #listen(on: boolean): void {
    if (on) {
      window.addEventListener('resize', this.#reposition);
      // Escape pressed anywhere, even with focus fallen to <body>, reaches the document before it closes the panel.
      document.addEventListener('keydown', this.#onKeyDown);
    } else {
      window.removeEventListener('resize', this.#reposition);
      document.removeEventListener('keydown', this.#onKeyDown);
    }
  }

  #onBeforeToggle = (event: ToggleEvent): void => {
    if (event.newState === 'closed') this.#focusInPanel = !!this.panel?.contains(this.shadowRoot!.activeElement);
  };

  #onToggle = (event: ToggleEvent): void => {
    this.open = event.newState === 'open';
    this.#listen(this.open);
    if (this.open) {
      this.#escaped = false;
      this.#position();
      this.#view?.opened();
      return;
    }
    // Hiding the panel drops the focus it held to <body>; give it back to the bell, unless the
    // user already moved it elsewhere (a click outside that closed the panel). After Escape,
    // focus that had fallen to <body> comes back too.
    const active = document.activeElement;
    const inner = this.shadowRoot!.activeElement;
    const lost = !active || active === document.body || (active === this && (!inner || !!this.panel?.contains(inner)));
    if ((this.#focusInPanel || this.#escaped) && lost) this.focus();
    this.#focusInPanel = this.#escaped = false;
  };

  /** Whether the pointer went down on the bell: the focus it gives the bell is a click's, not a key's. */
  #pointerOnBell = false;

  #onPointerDown = (event: PointerEvent): void => {
    this.#pointerOnBell = event.composedPath().includes(this.renderRoot.querySelector('.bell')!);
  };

  /**
   * Focus leaving the dropdown closes it: for the page (Tab past its last control), or for the bell
   * (Shift+Tab). A click on the bell is left to the bell, which toggles the panel itself.
   */
  #onPanelFocusOut = (event: FocusEvent): void => {
    const to = event.relatedTarget as Node | null;
    const clicked = this.#pointerOnBell;
    this.#pointerOnBell = false;
    // The host's slotted header actions and footer are in the panel too (light DOM, shown inside it).
    const slotted = to !== null && to !== this && this.contains(to);
    if (this.inline || !to || to === this || slotted || this.panel?.contains(to)) return;
    const bell = this.renderRoot.querySelector('.bell');
    if (this.shadowRoot!.contains(to) && (to !== bell || clicked)) return;
    if (this.panel?.matches(':popover-open')) this.panel.hidePopover();
  };

  /** Places the dropdown under the bell, inside the viewport. */
  #position(): void {
    const bellButton = this.renderRoot.querySelector('.bell');
    const panel = this.panel;
    if (!bellButton || !panel || this.inline) return;
    const anchor = bellButton.getBoundingClientRect();
    const margin = 8;
    const width = Math.min(panel.offsetWidth || 384, window.innerWidth - 2 * margin);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const preferred = rtl ? anchor.left : anchor.right - width;
    const left = Math.max(margin, Math.min(preferred, window.innerWidth - width - margin));
    const top = Math.min(anchor.bottom + margin, window.innerHeight - 160);
    panel.style.insetInlineStart = 'auto';
    panel.style.left = `${left}px`;
    panel.style.top = `${Math.max(margin, top)}px`;
    panel.style.setProperty('--_available', `${Math.max(160, window.innerHeight - top - margin)}px`);
  }
}
