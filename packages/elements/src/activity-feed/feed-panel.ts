/**
 * The activity feed's panel: its header tools, filter tabs and rows, with their
 * keyboard and focus rules. Loaded on demand (the first time the dropdown opens,
 * or at once for an inline feed), so a page pays at start only for the bell.
 */
import {
  $now,
  CATEGORIES,
  NOTIFICATION_KINDS,
  formatRelativeTime,
  type ActionId,
  type Notification,
  type NotificationFilter,
  type NotificationsState,
  type PdClient,
} from '@pd-notify/client';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import '../define/pd-toaster.js';
import { PdDismissEvent, PdInviteAcceptedEvent, PdInviteReviewEvent, PdNavigateEvent } from '../events.js';
import { FocusKeeper, deepActiveElement } from '../focus-keeper.js';
import { callout, emptyState, feedbackStyles, loading, note } from '../feedback.js';
import { textsFor, textsReady, type Strings } from '../i18n.js';
import { bellOffIcon, checkAllIcon, chevronIcon, closeIcon, namedIcon } from '../icons.js';
import { iconButton } from '../icon-button.js';
import { PREFERENCES_TEXTS } from '../preferences/texts.js';
import { toast, type ToastAction } from '../toaster/toast.js';
import { fillTemplate } from '../urls.js';
import { categoryStyles } from '../styles/categories.js';
import { feedPanelStyles } from './feed-panel.styles.js';
import { VirtualList } from './virtual-list.js';
import { INBOX_TEXTS, type InboxTexts, type PanelTexts } from './inbox-texts.js';
import { restoreIcon, searchIcon, selectIcon, snoozeIcon } from './verb-icons.js';
import type { SearchBox } from './search-box.js';
import { SeenMarker } from './seen-marker.js';
import type { SelectMode } from './select-mode.js';
import type { SnoozeMenu } from './snooze-menu.js';
import type { FeedTab } from './pd-activity-feed.js';
import type { RowHelpers, RowRenderer } from './row-renderer.js';
import { feedRows, groupTitle, initialsOf, type FeedRow, type NotificationGroup } from './grouping.js';

const TABS: readonly FeedTab[] = ['all', 'unread', ...CATEGORIES];
/**
 * The controls a host's row content may hold (also inside its own elements' shadow roots): those
 * focus reaches, those a click acts on, those that take typing.
 */
const HOST_FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
const HOST_CONTROLS = `${HOST_FOCUSABLE}, label, [role="button"], [role="link"]`;
const HOST_FIELDS = 'input, select, textarea, [contenteditable]';

/** Whether an event comes from one of `controls` inside a row's content (the host's `renderRow`), shadow roots included. */
function fromHostControl(event: Event, controls: string): boolean {
  const path = event.composedPath();
  const content = path.findIndex((node) => node instanceof HTMLElement && node.matches('[part="row-content"]'));
  return path.slice(0, Math.max(0, content)).some((node) => node instanceof HTMLElement && node.matches(controls));
}
const FEEDBACK_ACTIONS = ['feedback-resolved', 'feedback-still-open', 'feedback-not-needed'] as const;
/** The feed's views: the inbox, what is snoozed, what is archived. */
const VIEWS = ['inbox', 'snoozed', 'archived'] as const;
type FeedView = (typeof VIEWS)[number];

/** What the panel needs from its `<pd-activity-feed>`. */
export interface FeedContext {
  client(): PdClient | null;
  strings(): Strings;
  language(): string;
  /** True while rows should render: the dropdown is open, or the feed is inline. */
  shown(): boolean;
  /** True for a dropdown (not an inline feed). */
  dropdown(): boolean;
  hrefTemplate(): string | null;
  /** The host's row content (`renderRow`), or null for the feed's own. */
  renderRow(): RowRenderer | null;
  /** The grouping window in milliseconds (`group-window`; 0: no groups). */
  groupWindow(): number;
  /** Closes the dropdown; focus returns to the bell. */
  close(): void;
}

type FeedHost = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The panel's contents, rendered into its `<pd-activity-feed>`'s shadow root (so the
 * feed's parts stay its own): state (tab, current row, busy rows, errors), the
 * templates, the keys and the actions. Its styles are adopted when it is created.
 */
export class FeedPanel implements ReactiveController {
  #host: FeedHost;
  #context: FeedContext;
  #tab: FeedTab = 'all';
  #view: FeedView = 'inbox';
  /** The Snooze menu, once a Snooze button was first pressed (its code loads then). */
  #snoozeMenu: SnoozeMenu | null = null;
  /** The client whose data the panel shows (a new one drops the search and the selection). */
  #client: PdClient | null = null;
  /** The Snoozed or Archived view's store while the panel shows it (the feed itself observes the inbox's). */
  #watched: { store: PdClient['$archived']; stop(): void } | null = null;
  /** The search box while open (its code loads the first time). */
  #search: SearchBox | null = null;
  #searchCode: Promise<typeof import('./search-box.js')> | null = null;
  /** Marks the words searched for in a row's text (`search-box.ts`, loaded with it). */
  #highlight: typeof import('./search-box.js').highlight | null = null;
  /** Select mode while on (its code loads the first time). */
  #select: SelectMode | null = null;
  #selectCode: Promise<typeof import('./select-mode.js')> | null = null;
  /**
   * The notification whose row is in the Tab order (roving tabindex), with its controls: an id, so
   * rows arriving above leave it current. Null: the first row.
   */
  #currentId: string | null = null;
  /** Where the current row was last seen: when its notification leaves, the row now there is current. */
  #focusIndex = 0;
  /** Focus the current row once it is rendered (the first page may still be arriving, or the row scrolled in). */
  #wantFocus = false;
  /** A row and its top before an update, kept in place when rows arrive (or resize) above it. */
  #anchor: { row: HTMLElement; top: number } | null = null;
  #busy = new Map<string, 'accepting' | 'answering'>();
  /** Rows whose "Turn off notifications like this" runs: a second press waits for the first. */
  #turningOff = new Set<string>();
  #rowErrors = new Map<string, string>();
  #headerError = false;
  /** Rows whose title or message is longer than its clamp (they offer "Show more"), and those expanded. */
  #clamped = new Set<string>();
  #expanded = new Set<string>();
  /** Which ends of the tab strip have tabs scrolled out of view. */
  #tabsHidden = { start: false, end: false };
  #tabsObserver = new ResizeObserver(() => this.#measureTabs());
  #observedTabs: Element | null = null;
  #rows: VirtualList<FeedRow>;
  /** The groups shown expanded (by id): a new set on every change. */
  #openGroups: ReadonlySet<string> = new Set();
  /** The last rows made of the items shown, kept while neither they, the window nor the groups opened change. */
  #grouped: { items: readonly Notification[]; window: number; open: ReadonlySet<string>; rows: FeedRow[] } | null =
    null;

  constructor(host: FeedHost, context: FeedContext) {
    this.#host = host;
    this.#context = context;
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [
      ...root.adoptedStyleSheets,
      ...[feedbackStyles, categoryStyles, feedPanelStyles].map((styles) => styles.styleSheet!),
    ];
    this.#rows = new VirtualList<FeedRow>(host, {
      scroller: () => this.#query('.list'),
      key: (row) => row.id,
      rows: () => root.querySelectorAll<HTMLElement>('article[data-index]'),
      estimate: 88,
      onRendered: ({ nearEnd }) => {
        // Scrolled near the end of what is loaded: fetch the next page.
        if (!nearEnd) return;
        // Searching: the results' next page; else the list's.
        if (this.#search?.results) this.#search.loadMore();
        else this.#loadMore();
      },
    });
    new FocusKeeper(host, () => this.#row(this.#currentIndex()) ?? this.#query('[aria-selected="true"]'));
    // What the user has had on screen (a row half visible for a second) is marked seen, in batches.
    new SeenMarker(host, {
      scroller: () => this.#query('.list'),
      rows: () => root.querySelectorAll<HTMLElement>('article[data-index]'),
      // A server without seen states (no `seenAt`) is never asked to mark them.
      unseenOf: (row) =>
        (this.#feedRows()[Number(row.dataset.index)]?.items ?? [])
          .filter((item) => item.seenAt === null)
          .map((item) => item.id),
      shown: () => context.shown(),
      mark: (ids) => context.client()?.markSeen(ids) ?? Promise.resolve(),
    });
    // "/" while the panel has focus (not in a field) opens the search.
    root.addEventListener('keydown', (keydown) => {
      const event = keydown as KeyboardEvent;
      const target = event.composedPath()[0] as HTMLElement;
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || !context.shown()) return;
      if (target.matches('input, textarea, select, [contenteditable]')) return;
      event.preventDefault();
      void this.#openSearch();
    });
    host.addController(this);
    if (context.shown() && context.dropdown()) this.opened();
  }

  /** The dropdown opened: the current row takes focus once it is there. */
  opened(): void {
    this.#wantFocus = true;
    this.#host.requestUpdate();
  }

  /** Makes row `index` current and moves focus to it, once it is rendered (scrolling it in when `scroll`). */
  focusRow(index: number, scroll: boolean): void {
    this.#focusIndex = index;
    this.#currentId = this.#feedRows()[index]?.id ?? null;
    this.#wantFocus = true;
    if (scroll && !this.#row(index)) this.#rows.scrollToIndex(index);
    this.#host.requestUpdate();
  }

  // The list's own scroll anchoring (overflow-anchor: none, and WebKit has none): the focused row,
  // else the first row in view once scrolled, stays where it is whatever arrives above it.
  hostUpdate(): void {
    this.#forgetOtherUser();
    this.#watchView();
    const list = this.#query('.list');
    if (!list) return;
    // Found by focus, not by index: the rows rendered are the previous update's.
    const focused = deepActiveElement()?.closest('article');
    const row =
      focused && list.contains(focused)
        ? focused
        : list.scrollTop > 0
          ? [...list.querySelectorAll<HTMLElement>('article')].find(
              (article) => article.getBoundingClientRect().bottom > list.getBoundingClientRect().top,
            )
          : undefined;
    this.#anchor = row ? { row, top: row.getBoundingClientRect().top } : null;
  }

  hostUpdated(): void {
    // Closed: a snooze menu (or its form) does not outlive the panel.
    if (!this.#context.shown()) this.#snoozeMenu?.close(true);
    this.#refillEmptied();
    this.#watchHostContent();
    this.#rovingHostControls();
    this.#watchTabs();
    this.#measureClamps();
    this.#keepAnchor();
    const row = this.#wantFocus ? this.#row(this.#currentIndex()) : null;
    if (!this.#context.shown()) this.#wantFocus = false;
    if (!row) return;
    this.#wantFocus = false;
    if (this.#focusTakenElsewhere()) return;
    queueMicrotask(() => {
      row.scrollIntoView({ block: 'nearest' });
      row.focus({ preventScroll: true });
    });
  }

  /** Another client (a user switch, a new token): the previous user's search and selection go. */
  #forgetOtherUser(): void {
    const client = this.#context.client();
    if (client === this.#client) return;
    this.#client = client;
    this.#search?.dispose();
    this.#search = null;
    this.#select = null;
    this.#snoozeMenu?.close(true);
  }

  /** Every loaded row left (archived, snoozed) while the server has more: the next page comes at once. */
  #refillEmptied(): void {
    const state = this.#state();
    if (this.#context.shown() && state?.status === 'ready' && state.items.length === 0) this.#loadMore();
  }

  /** The store of the view shown: the inbox's, or the Snoozed or Archived view's (each loads when first shown). */
  #store(client: PdClient) {
    return this.#view === 'archived'
      ? client.$archived
      : this.#view === 'snoozed'
        ? client.$snoozed
        : client.$notifications;
  }

  /** The view's list, as the client holds it. */
  #state(): NotificationsState | undefined {
    const client = this.#context.client();
    return client ? this.#store(client).get() : undefined;
  }

  /** The view's next page, when it has one and none is on its way. */
  #loadMore(): void {
    const state = this.#state();
    if (state?.hasMore && !state.loadingMore)
      void this.#context
        .client()!
        .loadMore(this.#view)
        .catch(() => {});
  }

  /**
   * Observes the Snoozed or Archived view's store while the panel shows it (then it loads, and stays
   * fresh); not once the panel closes or shows the inbox.
   */
  #watchView(): void {
    const client = this.#context.client();
    const wanted = client && this.#context.shown() && this.#view !== 'inbox' ? this.#store(client) : null;
    if (this.#watched?.store === wanted) return;
    this.#watched?.stop();
    this.#watched = wanted && { store: wanted, stop: wanted.listen(() => this.#host.requestUpdate()) };
  }

  hostDisconnected(): void {
    this.#contentObserver.disconnect();
    this.#observedList = null;
    this.#tabsObserver.disconnect();
    this.#observedTabs = null;
    this.#watched?.stop();
    this.#watched = null;
  }

  // ------------------------------------------------------------------ render

  /** The header's tools: the connection indicator and "Mark all as read". */
  headerTools(): TemplateResult {
    const t = this.#texts();
    const client = this.#context.client();
    const unread = client?.$unreadCount.get() ?? 0;
    const state = this.#state();
    // Nothing to mark before the list is there: not while it loads, not after it failed.
    const shown = !!state && (state.status === 'ready' || state.items.length > 0);
    return html`${this.#renderConnection()}
      ${iconButton({ part: 'search-button', label: t.search, icon: searchIcon, onClick: () => void this.#openSearch() })}
      <button
        part="select-button"
        class="icon-button"
        type="button"
        aria-label=${t.select}
        title=${t.select}
        aria-pressed=${this.#select ? 'true' : 'false'}
        @click=${() => void this.#toggleSelect()}
      >
        ${selectIcon}
      </button>
      ${
        this.#view !== 'inbox'
          ? nothing
          : iconButton({
              part: 'mark-all',
              label: t.markAllRead,
              icon: checkAllIcon,
              disabled: !client || unread === 0 || !shown,
              onClick: () => void this.#markAllRead(),
            })
      }`;
  }

  /** Everything under the header: the error line, the tabs and the rows (or the state in their place). */
  render(): TemplateResult {
    const client = this.#context.client();
    const state = this.#state();
    const shown = this.#context.shown();
    const t = this.#texts();
    return html`${
        this.#headerError
          ? html`<div class="header-error">
              ${callout('error', t.actionFailed, {
                actions: html`<button class="button" type="button" @click=${() => void this.#markAllRead()}>
                  ${t.retry}
                </button>`,
              })}
            </div>`
          : nothing
      }
      ${this.#search?.render() ?? nothing} ${this.#renderViews()} ${this.#renderTabs()}
      ${this.#select && shown ? this.#select.render() : nothing}
      <div class="body" role="tabpanel" id="tabpanel" aria-labelledby=${`tab-${this.#tab}`}>
        ${
          !shown
            ? nothing
            : this.#search?.results
              ? this.#renderResults()
              : !client || !state || state.status === 'idle' || (state.status === 'loading' && state.items.length === 0)
                ? this.#renderLoading()
                : state.status === 'error' && state.items.length === 0
                  ? this.#renderError()
                  : state.items.length === 0
                    ? state.hasMore
                      ? this.#renderLoading()
                      : this.#renderEmpty()
                    : this.#renderList(state.hasMore, state.loadingMore, state.pending)
        }
      </div>
      ${
        shown && this.#context.dropdown()
          ? html`<pd-toaster
              locale=${this.#context.language()}
              theme=${this.#host.getAttribute('theme') ?? nothing}
            ></pd-toaster>`
          : nothing
      }
      ${this.#snoozeMenu?.render() ?? nothing}`;
  }

  #renderConnection() {
    const connection = this.#context.client()?.$connection.get();
    const t = this.#texts();
    if (!connection) return nothing;
    const text =
      connection.status === 'polling'
        ? t.polling
        : connection.status === 'offline'
          ? t.offline
          : connection.status === 'connecting' && connection.error
            ? t.reconnecting
            : null;
    if (!text) return nothing;
    return html`<span part="connection" class="connection" role="status"
      ><span class="dot ${connection.status}" aria-hidden="true"></span>${text}</span
    >`;
  }

  /** The views (Inbox, Snoozed, Archived): a radio group, one Tab stop, arrows to move. */
  #renderViews() {
    const t = this.#texts();
    return html`<div class="views-bar">
      <div part="views" class="views" role="radiogroup" aria-label=${t.views} @keydown=${this.#onViewKey}>
        ${VIEWS.map(
          (view) =>
            html`<button
              part="view"
              class="view"
              id=${`view-${view}`}
              type="button"
              role="radio"
              aria-checked=${view === this.#view ? 'true' : 'false'}
              tabindex=${view === this.#view ? 0 : -1}
              @click=${() => this.#selectView(view)}
            >
              ${t.view[view]}
            </button>`,
        )}
      </div>
    </div>`;
  }

  #renderTabs() {
    const t = this.#texts();
    const scroller = (edge: 'start' | 'end') =>
      html`<button
        class="scroll ${edge}"
        type="button"
        tabindex="-1"
        aria-hidden="true"
        ?hidden=${!this.#tabsHidden[edge]}
        @click=${() => this.#scrollTabs(edge)}
      >
        ${chevronIcon}
      </button>`;
    // The tablist has tabindex -1: it scrolls sideways, and Firefox puts a scroller in the Tab order even
    // when the selected tab is already there (an extra stop); the arrow keys bring every tab into view.
    const fades = `${this.#tabsHidden.start ? 'fade-start' : ''} ${this.#tabsHidden.end ? 'fade-end' : ''}`;
    return html`<div part="tabs" class="tab-strip ${fades}">
      ${scroller('start')}
      <div
        class="tabs"
        role="tablist"
        aria-label=${t.filters}
        tabindex="-1"
        @keydown=${this.#onTabKey}
        @scroll=${this.#measureTabs}
      >
        ${TABS.map((tab) => {
          const selected = tab === this.#tab;
          const label = tab === 'all' ? t.all : tab === 'unread' ? t.unreadTab : t.category[tab];
          return html`<button
            part="tab"
            class="tab"
            id=${`tab-${tab}`}
            type="button"
            role="tab"
            aria-selected=${selected ? 'true' : 'false'}
            aria-controls="tabpanel"
            tabindex=${selected ? 0 : -1}
            @click=${() => this.#selectTab(tab)}
          >
            ${label}
          </button>`;
        })}
      </div>
      ${scroller('end')}
    </div>`;
  }

  #renderLoading() {
    return loading(this.#texts().loading, 3);
  }

  /** The search's results in the list's place: its rows (the words found marked), or why there are none. */
  #renderResults() {
    const t = this.#texts();
    const results = this.#search!.results!;
    if (results.status === 'loading') return loading(t.loading, 3);
    if (results.status === 'error') {
      return html`<div class="state">${callout('error', results.error?.message ?? t.loadFailed)}</div>`;
    }
    const local = results.source === 'local' ? note('info', t.searchLocal, 'search-local', null) : nothing;
    if (results.items.length === 0) {
      return html`${local}${emptyState('bell', t.noResults(this.#search!.query), 'no-results')}`;
    }
    return html`${local}${this.#renderList(results.hasMore, false, [])}`;
  }

  #renderError() {
    const t = this.#texts();
    return html`<div class="state">
      ${callout('error', t.loadFailed, {
        part: 'error',
        actions: html`<button
          part="retry"
          class="button primary"
          type="button"
          @click=${() => void this.#context.client()?.refresh()}
        >
          ${t.retry}
        </button>`,
      })}
    </div>`;
  }

  /** The view's empty state; the Inbox's is the host's `empty` slot when it fills one. */
  #renderEmpty() {
    const t = this.#texts();
    if (this.#view === 'inbox') return html`<slot name="empty">${emptyState('bell', t.empty)}</slot>`;
    return emptyState('bell', this.#view === 'archived' ? t.emptyArchived : t.emptySnoozed);
  }

  #renderList(hasMore: boolean, loadingMore: boolean, pending: readonly string[]) {
    const focus = this.#currentIndex();
    const rows = this.#feedRows();
    const { first, end, before, after } = this.#rows.window(rows);
    // tabindex -1: Firefox would make the scrolling list a Tab stop of its own between the tabs and the
    // current row; the feed pattern has one stop, the row, and the arrow keys scroll by moving it.
    return html`<div
        part="list"
        class="list"
        role="feed"
        aria-labelledby="title"
        aria-busy=${loadingMore ? 'true' : 'false'}
        tabindex="-1"
        @keydown=${this.#onListKey}
      >
        <div aria-hidden="true" .style=${`block-size:${before}px`}></div>
        ${repeat(
          rows.slice(first, end),
          (row) => row.id,
          (row, offset) =>
            this.#renderRow(
              row,
              first + offset,
              first + offset === focus,
              rows.length,
              hasMore,
              row.items.some((item) => pending.includes(item.id)),
            ),
        )}
        <div aria-hidden="true" .style=${`block-size:${after}px`}></div>
      </div>
      ${
        loadingMore
          ? html`<p class="loading-more" role="status">
              <span class="spinner" aria-hidden="true"></span>${this.#texts().loadingMore}
            </p>`
          : nothing
      }`;
  }

  /** The feed's own content of a row: its title (a group's, for a group), message and "Show more". */
  #defaultContent(row: FeedRow, id: string, tabindex: number, expanded: boolean): TemplateResult {
    const t = this.#texts();
    const { item, group } = row;
    const title = group ? groupTitle(group, this.#context.language(), t.group) : item.title;
    return html`<h3 part="row-title" class="clamp" id=${`${id}-title`} dir="auto">${this.#marked(title)}</h3>
      <p part="message" class="clamp" id=${`${id}-message`} dir="auto">${this.#marked(item.message)}</p>
      ${
        this.#clamped.has(row.id) || expanded
          ? html`<button
              part="show-more"
              class="text-button"
              type="button"
              tabindex=${tabindex}
              aria-expanded=${expanded ? 'true' : 'false'}
              aria-controls=${`${id}-title ${id}-message`}
              @click=${(event: Event) => {
                event.stopPropagation();
                this.#toggleExpanded(row.id);
              }}
            >
              ${expanded ? t.showLess : t.showMore}
            </button>`
          : nothing
      }`;
  }

  /**
   * The host's content for a row (`renderRow`), or null for the feed's own: when there is no renderer,
   * it answers null or undefined, or it throws (reported on the console; the row stays usable).
   * `titled`: it wraps the feed's own content, whose title names the row.
   */
  #hostContent(
    row: FeedRow,
    standard: () => TemplateResult,
  ): { content: TemplateResult | Node | null; titled: boolean } {
    const render = this.#context.renderRow();
    if (!render) return { content: null, titled: false };
    const language = this.#context.language();
    let titled = false;
    const helpers: RowHelpers = {
      locale: language,
      group: row.group,
      relativeTime: (at) => formatRelativeTime(at, $now.get(), language),
      defaultContent: () => ((titled = true), standard()),
    };
    try {
      const content = render(row.item, helpers) ?? null;
      return { content, titled: content !== null && titled };
    } catch (error) {
      // Said once per renderer, not once per row and render (rows render again as the clock ticks).
      if (!this.#reportedRenderers.has(render)) {
        this.#reportedRenderers.add(render);
        console.error('pd-activity-feed: renderRow threw; its rows show the feed’s own content', error);
      }
      return { content: null, titled: false };
    }
  }

  /** Watches the rows' content while the host renders it: what a framework adds after the feed's update (React's portals) roves too. */
  #contentObserver = new MutationObserver(() => this.#rovingHostControls());
  #observedList: Element | null = null;

  #watchHostContent(): void {
    const list = this.#context.renderRow() ? this.#query('.list') : null;
    if (list === this.#observedList) return;
    this.#contentObserver.disconnect();
    if (list) this.#contentObserver.observe(list, { childList: true, subtree: true });
    this.#observedList = list;
  }

  /** The renderers whose throwing was reported (once each). */
  #reportedRenderers = new WeakSet<RowRenderer>();

  /**
   * The host's controls in its row content are in the Tab order of the current row only, as the feed's
   * own buttons are (one Tab stop for the list, APG feed).
   */
  #rovingHostControls(): void {
    for (const content of this.#host.renderRoot.querySelectorAll<HTMLElement>('[part="row-content"]')) {
      const current = content.closest('article')?.getAttribute('tabindex') === '0';
      for (const element of content.querySelectorAll<HTMLElement>('*')) {
        // What the feed took out keeps its own tabindex (or none) in data-pd-roved, given back when current.
        const roved = element.getAttribute('data-pd-roved');
        if (current) {
          if (roved === null) continue;
          if (roved === '') element.removeAttribute('tabindex');
          else element.setAttribute('tabindex', roved);
          element.removeAttribute('data-pd-roved');
        } else if (
          roved === null &&
          // A host's element with a shadow root: tabindex -1 on it takes its own controls out of the Tab order.
          (element.matches(HOST_FOCUSABLE) || (element.shadowRoot && !element.hasAttribute('tabindex')))
        ) {
          element.setAttribute('data-pd-roved', element.getAttribute('tabindex') ?? '');
          element.tabIndex = -1;
        }
      }
    }
  }

  #renderRow(row: FeedRow, index: number, current: boolean, total: number, hasMore: boolean, pending: boolean) {
    const t = this.#texts();
    const { item, group } = row;
    const unread = group ? group.unread : item.readAt === null;
    const high = row.items.some((each) => each.priority === 'high');
    const id = `row-${index}`;
    const kind = NOTIFICATION_KINDS[item.type];
    const expanded = this.#expanded.has(row.id);
    const parts = [
      'row',
      unread ? 'row-unread' : '',
      high ? 'row-high-priority' : '',
      group ? 'row-group' : '',
      row.member ? 'row-member' : '',
    ]
      .join(' ')
      .replace(/ +/g, ' ')
      .trim();
    const tabindex = current ? 0 : -1;
    const standard = () => this.#defaultContent(row, id, tabindex, expanded);
    const { content: custom, titled } = this.#hostContent(row, standard);
    const title = group ? groupTitle(group, this.#context.language(), t.group) : item.title;
    const selected = this.#select && row.items.every((each) => this.#select!.isSelected(each.id));
    return html`<article
      part=${parts}
      class=${classMap({ row: true, unread, high, expanded, custom: custom !== null, member: row.member })}
      data-index=${index}
      tabindex=${tabindex}
      aria-posinset=${index + 1}
      aria-setsize=${hasMore ? -1 : total}
      aria-labelledby=${`${id}-title`}
      aria-describedby=${custom === null ? `${id}-message ${id}-meta` : `${id}-content ${id}-meta`}
      @click=${(event: Event) => {
        // A control of the host's own in its row content does its own thing, not the row's.
        if (fromHostControl(event, HOST_CONTROLS)) return;
        if (this.#select) this.#select.toggle(row.items.map((each) => each.id));
        else void this.#openRow(row);
      }}
      @focusin=${() => this.#setCurrent(row.id, index)}
    >
      ${this.#select?.checkbox(row.items, `${id}-title`, tabindex) ?? nothing}
      ${
        group
          ? this.#renderAvatars(group)
          : html`<span part="icon" class="icon ${item.category}" aria-hidden="true"
              >${namedIcon(kind?.icon ?? 'info')}</span
            >`
      }
      <div class="text">
        ${
          custom === null
            ? standard()
            : html`${titled ? nothing : html`<span class="visually-hidden" id=${`${id}-title`}>${title}</span>`}
                <div part="row-content" id=${`${id}-content`}>${custom}</div>`
        }
        <p class="meta" id=${`${id}-meta`}>
          <time part="time" datetime=${item.createdAt}
            >${formatRelativeTime(item.createdAt, $now.get(), this.#context.language())}</time
          >${unread ? html`<span class="visually-hidden">, ${t.unread}</span>` : nothing}${
            selected ? html`<span class="visually-hidden">, ${t.selectedCount(row.items.length)}</span>` : nothing
          }${high ? html`<span class="priority">${t.highPriority}</span>` : nothing}${
            item.snoozedUntil && this.#view === 'snoozed'
              ? html`<span part="snoozed-until">${t.snoozedUntil(this.#formatTime(item.snoozedUntil))}</span>`
              : nothing
          }${pending ? html`<span part="pending" class="pending">${t.willSync}</span>` : nothing}
        </p>
        ${group ? this.#renderGroupToggle(group, tabindex) : this.#renderActions(item, tabindex, pending)}
        ${this.#rowErrors.has(row.id) ? note('error', this.#rowErrors.get(row.id), 'row-error') : nothing}
      </div>
      <div class="tools">${this.#renderTools(row, tabindex)}</div>
    </article>`;
  }

  /** A group's people, stacked (three at most, newest on top): their pictures, else their initials. */
  #renderAvatars(group: NotificationGroup) {
    return html`<span part="avatars" class="avatars" aria-hidden="true">
      ${group.actors
        .slice(0, 3)
        .map((actor) =>
          actor.avatarUrl
            ? html`<img class="avatar" src=${actor.avatarUrl} alt="" />`
            : html`<span class="avatar">${initialsOf(actor.name)}</span>`,
        )}
    </span>`;
  }

  /** A group's disclosure: its members show as rows of their own under it while expanded. */
  #renderGroupToggle(group: NotificationGroup, tabindex: number) {
    const t = this.#texts();
    const open = this.#openGroups.has(group.id);
    const count = group.members.length;
    return html`<button
      part="group-toggle"
      class="text-button group-toggle"
      type="button"
      tabindex=${tabindex}
      aria-expanded=${open ? 'true' : 'false'}
      @click=${(event: Event) => {
        event.stopPropagation();
        this.#toggleGroup(group.id);
      }}
    >
      ${chevronIcon}${open ? t.group.hide(count) : t.group.show(count)}
    </button>`;
  }

  /**
   * A row's own buttons. Inbox: Dismiss (archives), Snooze, and "Turn off notifications like
   * this"; Snoozed: Unsnooze and Dismiss; Archived: Restore.
   */
  #renderTools(row: FeedRow, tabindex: number) {
    const t = this.#texts();
    const { item } = row;
    const kind = NOTIFICATION_KINDS[item.type];
    const tool = (part: string, label: string, icon: typeof closeIcon, run: (button: HTMLElement) => void) =>
      iconButton({
        part,
        label,
        icon,
        tabindex,
        onClick: (event) => {
          event.stopPropagation();
          run(event.currentTarget as HTMLElement);
        },
      });
    if (this.#view === 'archived') return tool('restore', t.restore, restoreIcon, () => void this.#restore(row));
    const dismiss = tool('dismiss', t.dismiss, closeIcon, () => void this.#dismiss(row));
    if (this.#view === 'snoozed') {
      return html`${tool('unsnooze', t.unsnooze, restoreIcon, () => void this.#unsnooze(row))}${dismiss}`;
    }
    const open = this.#snoozeMenu?.isOpenFor(row.id) ?? false;
    return html`${dismiss}
      <button
        part="snooze"
        class="icon-button"
        type="button"
        tabindex=${tabindex}
        aria-label=${t.snooze}
        title=${t.snooze}
        aria-haspopup="menu"
        aria-expanded=${open ? 'true' : 'false'}
        @click=${(event: MouseEvent) => {
          event.stopPropagation();
          void this.#openSnooze(row, event.currentTarget as HTMLElement);
        }}
      >
        ${snoozeIcon}
      </button>
      ${
        // Security alerts are switched off in the settings only, where a warning says why to keep them.
        kind?.preference && item.type !== 'security-alert'
          ? tool('turn-off', t.turnOff, bellOffIcon, () => void this.#turnOff(row))
          : nothing
      }`;
  }

  #renderActions(item: Notification, tabindex: number, pending: boolean) {
    const t = this.#texts();
    // A change waiting for the connection is shown done (with its 'will sync' mark), not busy.
    const busy = pending ? undefined : this.#busy.get(item.id);
    // Busy buttons stay focusable (aria-disabled): focus stays where the user pressed.
    const button = (label: string, action: ActionId, primary = false) =>
      html`<button
        part="action"
        class="button ${primary ? 'primary' : ''}"
        type="button"
        tabindex=${tabindex}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${(event: Event) => void this.#runAction(event, item, action)}
      >
        ${label}
      </button>`;
    if (item.actions.includes('accept-invite')) {
      if (item.actionTaken && !busy) return html`<p class="answered">${t.accepted}</p>`;
      return html`<div part="actions" class="actions">
        ${button(busy ? t.accepting : t.acceptInvite, 'accept-invite', true)}
      </div>`;
    }
    if (FEEDBACK_ACTIONS.some((action) => item.actions.includes(action))) {
      if (item.actionTaken && !busy) return html`<p class="answered">${t.feedbackSent}</p>`;
      const labels: Record<(typeof FEEDBACK_ACTIONS)[number], string> = {
        'feedback-resolved': t.feedbackResolved,
        'feedback-still-open': t.feedbackStillOpen,
        'feedback-not-needed': t.feedbackNotNeeded,
      };
      return html`<div part="actions" class="actions">
        ${FEEDBACK_ACTIONS.filter((action) => item.actions.includes(action)).map((action) =>
          button(labels[action], action),
        )}
      </div>`;
    }
    return nothing;
  }

  // ------------------------------------------------------------------ behaviour

  /** The last texts merged, kept while neither table changes (one object per language, not per render). */
  #merged: { core: Strings; inbox: InboxTexts; texts: PanelTexts } | null = null;

  /** The shared texts and the inbox's, in the feed's language (English until its table has loaded). */
  #texts(): PanelTexts {
    const core = this.#context.strings();
    const inbox = textsFor(INBOX_TEXTS, this.#context.language(), () => this.#host.requestUpdate());
    if (this.#merged?.core !== core || this.#merged.inbox !== inbox) {
      this.#merged = { core, inbox, texts: { ...core, ...inbox } };
    }
    return this.#merged.texts;
  }

  #query<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.#host.renderRoot.querySelector<T>(selector);
  }

  #row(index: number): HTMLElement | null {
    return this.#query(`article[data-index="${index}"]`);
  }

  /** The notifications shown: the search's results while it has some, else the list. */
  #items(): readonly Notification[] {
    return this.#search?.results?.items ?? this.#state()?.items ?? [];
  }

  /** The rows shown: the notifications, grouped (`grouping.ts`), with the members of each group expanded. */
  #feedRows(): readonly FeedRow[] {
    const items = this.#items();
    const window = this.#context.groupWindow();
    const open = this.#openGroups;
    const held = this.#grouped;
    if (held?.items === items && held.window === window && held.open === open) return held.rows;
    const rows = feedRows(items, window, open);
    this.#grouped = { items, window, open, rows };
    return rows;
  }

  /** Expands or collapses a group; collapsed, a member that was current gives way to the group. */
  #toggleGroup(id: string): void {
    const open = new Set(this.#openGroups);
    if (open.delete(id)) {
      const group = this.#feedRows().find((row) => row.id === id);
      if (group?.items.some((item) => item.id === this.#currentId)) this.#currentId = id;
    } else open.add(id);
    this.#openGroups = open;
    this.#host.requestUpdate();
  }

  /** A row's text with the words searched for marked. */
  #marked(text: string) {
    return this.#search?.results ? this.#highlight!(text, this.#search.terms) : text;
  }

  /** Opens the search box (loading its code the first time) and focuses it. */
  async #openSearch(): Promise<void> {
    const code = await (this.#searchCode ??= import('./search-box.js'));
    this.#highlight = code.highlight;
    this.#search ??= new code.SearchBox(this.#host, {
      client: () => this.#context.client(),
      strings: () => this.#texts(),
      filter: () => this.#filter(),
      closed: () => {
        this.#search = null;
        this.#select?.clear();
        this.#host.requestUpdate();
        void this.#host.updateComplete.then(() => this.#query('[part="search-button"]')?.focus());
      },
      // Focus is in the search box, where a row's own focusing leaves it: moved here.
      toResults: () => {
        this.focusRow(0, true);
        void this.#host.updateComplete.then(() => this.#row(0)?.focus());
      },
    });
    this.#host.requestUpdate();
    this.#search.focus();
  }

  /** Enters or leaves select mode (loading its code the first time). */
  async #toggleSelect(): Promise<void> {
    if (this.#select) return this.#leaveSelect();
    const { SelectMode, bulkFilterOf } = await (this.#selectCode ??= import('./select-mode.js'));
    this.#select = new SelectMode(this.#host, {
      client: () => this.#context.client(),
      strings: () => this.#texts(),
      items: () => this.#items(),
      rows: () => this.#feedRows(),
      matching: () => {
        const results = this.#search?.results;
        const state = this.#state();
        return results ? (results.hasMore ? results.total : undefined) : state?.hasMore ? state.total : undefined;
      },
      bulkFilter: () => bulkFilterOf(this.#filter(), this.#search?.results ? this.#search.query.trim() : null),
      archive: () => this.#view === 'archived',
      focusRow: (index) => this.focusRow(index, true),
      left: () => this.#leaveSelect(),
    });
    this.#host.requestUpdate();
  }

  #leaveSelect(): void {
    if (!this.#select) return;
    // Focus on what goes with the mode (the bar, a checkbox) or on a row: the current row takes it.
    const active = deepActiveElement();
    const leaving = !!active?.closest('.selection, article');
    this.#select = null;
    this.#host.requestUpdate();
    if (leaving) this.focusRow(this.#currentIndex(), false);
  }

  /** The current row's index: where its notification is now, else the row now where it was. */
  #currentIndex(): number {
    const rows = this.#feedRows();
    const found = this.#currentId === null ? -1 : rows.findIndex((row) => row.id === this.#currentId);
    const index = found >= 0 ? found : Math.max(0, Math.min(this.#focusIndex, rows.length - 1));
    this.#focusIndex = index;
    this.#currentId = rows[index]?.id ?? null;
    return index;
  }

  #setCurrent(id: string, index: number): void {
    if (id === this.#currentId) return;
    this.#currentId = id;
    this.#focusIndex = index;
    this.#host.requestUpdate();
  }

  /** Notes which rendered rows have more text than their clamp shows; they offer "Show more". */
  #measureClamps(): void {
    const rows = this.#feedRows();
    let changed = false;
    for (const article of this.#host.renderRoot.querySelectorAll<HTMLElement>('article[data-index]')) {
      const id = rows[Number(article.dataset.index)]?.id;
      if (!id || this.#expanded.has(id)) continue;
      const over = [...article.querySelectorAll('.clamp')].some((text) => text.scrollHeight > text.clientHeight + 1);
      if (over === this.#clamped.has(id)) continue;
      if (over) this.#clamped.add(id);
      else this.#clamped.delete(id);
      changed = true;
    }
    if (changed) this.#host.requestUpdate();
  }

  #toggleExpanded(id: string): void {
    if (!this.#expanded.delete(id)) this.#expanded.add(id);
    this.#host.requestUpdate();
  }

  /** Scrolls the list by as much as the update moved the anchor row: it stays put. */
  #keepAnchor(): void {
    const anchor = this.#anchor;
    this.#anchor = null;
    const list = this.#query('.list');
    if (!anchor?.row.isConnected || !list) return;
    const moved = anchor.row.getBoundingClientRect().top - anchor.top;
    if (Math.abs(moved) >= 1) list.scrollTop += moved;
  }

  /** True when focus is on something other than the bell, a row or a row's button, or nothing. */
  #focusTakenElsewhere(): boolean {
    const active = deepActiveElement();
    if (!active || active === document.body) return false;
    return !this.#host.renderRoot.contains(active) || !active.closest('.bell, article');
  }

  /** Selects a filter tab and brings it into full view (clear of the scroll buttons); `focus` moves focus to it. */
  #selectTab(tab: FeedTab, focus = false): void {
    void this.#host.updateComplete.then(() => {
      const button = this.#query(`#tab-${tab}`);
      button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      if (focus) button?.focus({ preventScroll: true });
    });
    if (tab === this.#tab) return;
    this.#tab = tab;
    this.#currentId = null;
    this.#focusIndex = 0;
    this.#host.requestUpdate();
    this.#applyFilter();
  }

  /** Shows a view (Inbox, Snoozed, Archived), with the tab's filter; `focus` moves focus to its radio. */
  #selectView(view: FeedView, focus = false): void {
    if (focus) void this.#host.updateComplete.then(() => this.#query(`#view-${view}`)?.focus());
    if (view === this.#view) return;
    this.#view = view;
    this.#currentId = null;
    this.#focusIndex = 0;
    this.#snoozeMenu?.close(true);
    this.#host.requestUpdate();
    this.#applyFilter();
  }

  /** The tab shown, as the client's filter. */
  #tabFilter(): NotificationFilter {
    const tab = this.#tab;
    return tab === 'all' ? {} : tab === 'unread' ? { unread: true } : { category: tab };
  }

  /** The view and tab shown, as a search's or a bulk change's filter. */
  #filter(): NotificationFilter {
    return {
      ...this.#tabFilter(),
      ...(this.#view === 'archived' ? { archived: true } : this.#view === 'snoozed' ? { snoozed: true } : {}),
    };
  }

  /**
   * Asks the view's store for the tab shown, unless it holds that already (a view keeps its list while
   * another is shown), and searches again; the selection is forgotten.
   */
  #applyFilter(): void {
    this.#select?.clear();
    this.#search?.refresh();
    const client = this.#context.client();
    const held = client && this.#store(client).get().filter;
    const wanted = this.#tabFilter();
    // The view's store holds exactly the tab (a host may have narrowed a shared client's inbox otherwise).
    const same =
      held &&
      (held.category ?? null) === (wanted.category ?? null) &&
      !held.unread === !wanted.unread &&
      !held.trackId &&
      (this.#view !== 'inbox' || (!held.archived && !held.snoozed));
    if (!held || same) return;
    void client.setFilter(wanted, this.#view).catch(() => {});
  }

  #onViewKey = (event: KeyboardEvent): void => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let delta = keys[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const sideways = event.key === 'ArrowLeft' || event.key === 'ArrowRight';
    if (sideways && getComputedStyle(this.#host).direction === 'rtl') delta = -delta;
    const index = VIEWS.indexOf(this.#view);
    this.#selectView(VIEWS[(index + delta + VIEWS.length) % VIEWS.length]!, true);
  };

  /** A snooze's end, in the viewer's time zone and language: "Tue 8 Dec, 9:00". */
  #formatTime(at: string | Date): string {
    const language = this.#context.language();
    // One formatter per language, not one per snoozed row and render.
    if (this.#timeFormat?.language !== language) {
      this.#timeFormat = {
        language,
        format: new Intl.DateTimeFormat(language, {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          hour: 'numeric',
          minute: '2-digit',
        }),
      };
    }
    return this.#timeFormat.format.format(new Date(at));
  }

  #timeFormat: { language: string; format: Intl.DateTimeFormat } | null = null;

  #onTabKey = (event: KeyboardEvent): void => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let delta = keys[event.key];
    if (delta === undefined && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    if (getComputedStyle(this.#host).direction === 'rtl' && delta !== undefined) delta = -delta;
    const index = TABS.indexOf(this.#tab);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : (index + delta! + TABS.length) % TABS.length;
    this.#selectTab(TABS[next]!, true);
  };

  /** Observes the tab strip's size once it is rendered, to show the scroll buttons it needs. */
  #watchTabs(): void {
    const tabs = this.#query('.tabs');
    if (tabs === this.#observedTabs) return;
    this.#tabsObserver.disconnect();
    if (tabs) this.#tabsObserver.observe(tabs);
    this.#observedTabs = tabs;
  }

  #measureTabs = (): void => {
    const tabs = this.#observedTabs;
    if (!tabs) return;
    // scrollLeft counts from the start edge: negative towards the end in right-to-left.
    const scrolled = Math.abs(tabs.scrollLeft);
    const hidden = { start: scrolled > 1, end: scrolled + tabs.clientWidth < tabs.scrollWidth - 1 };
    if (hidden.start === this.#tabsHidden.start && hidden.end === this.#tabsHidden.end) return;
    this.#tabsHidden = hidden;
    this.#host.requestUpdate();
  };

  #scrollTabs(edge: 'start' | 'end'): void {
    const tabs = this.#observedTabs!;
    const rtl = getComputedStyle(tabs).direction === 'rtl';
    const step = tabs.clientWidth * 0.7 * (edge === 'end' ? 1 : -1) * (rtl ? -1 : 1);
    tabs.scrollBy({ left: step });
  }

  #onListKey = (event: KeyboardEvent): void => {
    // A field of the host's own in a row's content keeps its keys (arrows move its caret, not the rows).
    if (fromHostControl(event, HOST_FIELDS)) return;
    const target = event.target as HTMLElement;
    const article = target.closest('article');
    const rows = this.#feedRows();
    const index = Number(article?.dataset.index);
    const row = rows[index];
    if (!article || !row) return;
    if (this.#select?.onRowKey(event, index, target === article)) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      PageDown: index + 1,
      ArrowUp: index - 1,
      PageUp: index - 1,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.focusRow(Math.max(0, Math.min(rows.length - 1, moves[event.key]!)), true);
      return;
    }
    // On a button inside the row, Enter and Space press that button.
    if (target !== article) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.#openRow(row);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && this.#view !== 'archived') {
      event.preventDefault();
      void this.#dismiss(row);
    }
  };

  /** Opens a row: a group goes where its newest member goes, and marks every member read. */
  #openRow(row: FeedRow): Promise<void> {
    return this.open(row.item, row.items);
  }

  /**
   * Opens a notification as its row does (a click, Enter, or a click on its
   * system notification): marks it read (with `read`, a group's other members
   * too, in one request), then an invitation's opens its card, one with a track
   * fires `pd-navigate` and, unless cancelled, navigates.
   */
  async open(item: Notification, read: readonly Notification[] = [item]): Promise<void> {
    const client = this.#context.client();
    if (!client) return;
    const unread = read.filter((each) => each.readAt === null);
    const reading = apply(client, 'read', unread).catch(() => {});
    if (item.invitationId && item.actions.includes('accept-invite') && !item.actionTaken) {
      const review = new PdInviteReviewEvent({ invitationId: item.invitationId, notification: item });
      if (this.#host.dispatchEvent(review)) await this.#review(item.invitationId);
      return;
    }
    if (!item.trackId) return;
    const event = new PdNavigateEvent({ trackId: item.trackId, widget: item.widget ?? null, notification: item });
    if (!this.#host.dispatchEvent(event)) return;
    this.#context.close();
    const template = this.#context.hrefTemplate();
    if (!template) return;
    const target = fillTemplate(template, item.trackId, item.widget ?? '');
    if (!target) {
      console.error(`<pd-activity-feed>: href-template gives a URL that is not http(s): ${template}`);
      return;
    }
    await reading;
    window.location.assign(target);
  }

  /**
   * Opens the invitations modal on the invitation's card: the page's
   * `<pd-invitations>` (in the feed's own document or shadow root), else one the
   * feed adds to its own shadow root, sharing its client.
   */
  async #review(invitationId: string): Promise<void> {
    const host = this.#host;
    let modal = (host.getRootNode() as Document | ShadowRoot).querySelector('pd-invitations');
    if (!modal) {
      await import('../define/pd-invitations.js');
      modal = host.renderRoot.querySelector('pd-invitations');
      if (!modal) {
        modal = document.createElement('pd-invitations');
        const theme = host.getAttribute('theme');
        if (theme) modal.setAttribute('theme', theme);
        host.renderRoot.append(modal);
      }
    }
    modal.show(invitationId);
  }

  /**
   * "Dismiss": archives the row's notifications (a group's every member, each unless its
   * `pd-dismiss` is cancelled), with Undo.
   */
  async #dismiss(row: FeedRow): Promise<void> {
    const items = row.items.filter((item) => this.#host.dispatchEvent(new PdDismissEvent(item)));
    if (items.length === 0) return;
    // Archiving marks read and ends a snooze: Undo gives back both.
    await this.#move(
      row,
      this.#texts().archived,
      (client) => apply(client, 'archive', items),
      async (client) => {
        await apply(client, 'unarchive', items);
        await apply(
          client,
          'unread',
          items.filter((item) => item.readAt === null),
        );
        await Promise.all(snoozedAhead(items).map((item) => client.snooze(item.id, item.snoozedUntil!)));
      },
    );
  }

  /** Restores a row's archived notifications to the inbox, with Undo. */
  #restore(row: FeedRow): Promise<void> {
    return this.#move(
      row,
      this.#texts().restored,
      (client) => apply(client, 'unarchive', row.items),
      (client) => apply(client, 'archive', row.items),
    );
  }

  /** Ends a row's snoozes now, with Undo (snoozed again until the same time, those still ahead). */
  #unsnooze(row: FeedRow): Promise<void> {
    const ahead = snoozedAhead(row.items);
    return this.#move(
      row,
      this.#texts().unsnoozed,
      (client) => Promise.all(row.items.map((item) => client.unsnooze(item.id))),
      ahead.length === 0
        ? null
        : (client) => Promise.all(ahead.map((item) => client.snooze(item.id, item.snoozedUntil!))),
    );
  }

  /** Snoozes a row's notifications until `until`, with Undo. */
  #snooze(row: FeedRow, until: Date): Promise<void> {
    const said = this.#texts().snoozedUntil(this.#formatTime(until));
    return this.#move(
      row,
      said,
      (client) => Promise.all(row.items.map((item) => client.snooze(item.id, until))),
      (client) => Promise.all(row.items.map((item) => client.unsnooze(item.id))),
    );
  }

  /**
   * Runs a verb that takes a row out of the view (shown at once by the client): the row now in its
   * place keeps focus, a toast says what happened (heard by screen readers) with Undo; a refusal
   * puts the row back with its error.
   */
  async #move(
    row: FeedRow,
    said: string,
    run: (client: PdClient) => Promise<unknown>,
    undo: ((client: PdClient) => Promise<unknown>) | null,
  ): Promise<void> {
    const client = this.#context.client();
    if (!client) return;
    const t = this.#texts();
    this.#setRowError(row.id, null);
    // Pressed on the row, or in the Snooze menu (closed by now, focus fell to <body>): the next row takes focus.
    const active = deepActiveElement();
    const keep = !active || active === document.body || !!active.closest('article');
    const done = run(client);
    if (keep) this.focusRow(this.#currentIndex(), false);
    const action: ToastAction | undefined = undo
      ? { label: t.undo, run: () => void undo(client).catch(() => toast(t.actionFailed, 'error')) }
      : undefined;
    toast(said, 'success', action);
    try {
      await done;
    } catch {
      this.#setRowError(row.id, t.actionFailed);
    }
    // The search's results are not kept fresh: asked again, the row leaves them too.
    this.#search?.refresh();
  }

  /** Opens the Snooze menu for a row (loading its code the first time). */
  async #openSnooze(row: FeedRow, button: HTMLElement): Promise<void> {
    if (!this.#snoozeMenu) {
      const { SnoozeMenu } = await import('./snooze-menu.js');
      this.#snoozeMenu ??= new SnoozeMenu(this.#host, {
        strings: () => this.#texts(),
        language: () => this.#context.language(),
        root: () => this.#host.renderRoot,
        choose: (id, until) => {
          const chosen = this.#feedRows().find((each) => each.id === id);
          if (chosen) void this.#snooze(chosen, until);
        },
        cancelled: (opener) => {
          if (opener.isConnected) opener.focus();
          else this.focusRow(this.#currentIndex(), false);
        },
      });
    }
    if (this.#snoozeMenu.isOpenFor(row.id)) this.#snoozeMenu.close();
    else this.#snoozeMenu.open(row.id, button);
  }

  /**
   * "Turn off notifications like this": switches off the preferences option that produced the
   * notification, at once, and says which (its category and option, as the settings name them),
   * with an Undo that gives back what it was.
   */
  async #turnOff(row: FeedRow): Promise<void> {
    const client = this.#context.client();
    const { item } = row;
    const preference = NOTIFICATION_KINDS[item.type]?.preference;
    if (!client || !preference || this.#turningOff.has(row.id)) return;
    const t = this.#texts();
    this.#setRowError(row.id, null);
    this.#turningOff.add(row.id);
    try {
      const [was, names] = await Promise.all([
        client.setNotificationType(item.type, false),
        textsReady(PREFERENCES_TEXTS, this.#context.language()),
      ]);
      const option = names.preferenceOption[preference.option];
      const category = names.preferenceCategory[preference.category];
      // Already off (another tab, another session): nothing to undo.
      if (!was) return void toast(t.turnedOff(option, category), 'info');
      toast(t.turnedOff(option, category), 'success', {
        label: t.undo,
        run: () =>
          void client.setNotificationType(item.type, was).then(
            () => toast(t.turnedBackOn(option, category), 'success'),
            () => toast(t.actionFailed, 'error'),
          ),
      });
    } catch {
      this.#setRowError(row.id, t.actionFailed);
    } finally {
      this.#turningOff.delete(row.id);
    }
  }

  async #runAction(event: Event, item: Notification, action: ActionId): Promise<void> {
    event.stopPropagation();
    const client = this.#context.client();
    if (!client || this.#busy.has(item.id)) return;
    const t = this.#texts();
    this.#busy.set(item.id, action === 'accept-invite' ? 'accepting' : 'answering');
    this.#setRowError(item.id, null);
    try {
      const acceptance = await client.runAction(item.id, action);
      if (acceptance) {
        this.#host.dispatchEvent(new PdInviteAcceptedEvent(acceptance));
        toast(t.collaborationAccepted);
      }
    } catch {
      this.#setRowError(item.id, action === 'accept-invite' ? t.acceptFailed : t.actionFailed);
    } finally {
      this.#busy.delete(item.id);
      this.#host.requestUpdate();
    }
  }

  async #markAllRead(): Promise<void> {
    this.#headerError = false;
    this.#host.requestUpdate();
    try {
      await this.#context.client()?.markAllRead();
    } catch {
      this.#headerError = true;
      this.#host.requestUpdate();
    }
  }

  #setRowError(id: string, message: string | null): void {
    if (message) this.#rowErrors.set(id, message);
    else this.#rowErrors.delete(id);
    this.#host.requestUpdate();
  }
}

/** The verbs a row applies to all its notifications: one request for one, a bulk one for a group's. */
function apply(
  client: PdClient,
  op: 'read' | 'unread' | 'archive' | 'unarchive',
  items: readonly Notification[],
): Promise<unknown> {
  if (items.length > 1)
    return client.bulk(
      op,
      items.map((item) => item.id),
    );
  const id = items[0]?.id;
  if (id === undefined) return Promise.resolve();
  const single = {
    read: client.markRead,
    unread: client.markUnread,
    archive: client.archive,
    unarchive: client.unarchive,
  };
  return single[op].call(client, id);
}

/** Those of `items` snoozed until a time still ahead (an Undo snoozes them again). */
const snoozedAhead = (items: readonly Notification[]): Notification[] =>
  items.filter((item) => item.snoozedUntil && Date.parse(item.snoozedUntil) > Date.now());
