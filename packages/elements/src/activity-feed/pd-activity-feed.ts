import {
  $now,
  CATEGORIES,
  formatRelativeTime,
  type ActionId,
  type Category,
  type Notification,
} from '@pd-notify/client';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import { announce } from '../announcer.js';
import { bell } from '../bell-badge/bell.js';
import { bellStyles } from '../bell-badge/bell.styles.js';
import { ClientController } from '../client-controller.js';
import { PdDismissEvent, PdInviteAcceptedEvent, PdNavigateEvent } from '../events.js';
import { categoryIcons, checkAllIcon, closeIcon, emptyIllustration } from '../icons.js';
import { iconButton } from '../icon-button.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import { safeHttpUrl } from '../urls.js';
import { feedStyles } from './pd-activity-feed.styles.js';
import { VirtualList } from './virtual-list.js';

/** The filter tabs: everything, unread only, or one category. */
export type FeedTab = 'all' | 'unread' | Category;
const TABS: readonly FeedTab[] = ['all', 'unread', ...CATEGORIES];

const FEEDBACK_ACTIONS = ['feedback-resolved', 'feedback-still-open', 'feedback-not-needed'] as const;

/**
 * The activity feed: a bell with the live unread count that opens a panel of the
 * most recent notifications, newest first (SPEC AF1–AF13). With `inline`, the
 * panel alone, for a full-page feed.
 *
 * Keyboard: the bell opens and closes the panel with Enter or Space; Escape
 * closes it and returns focus to the bell; Arrow Up/Down, Home and End move
 * between rows; Enter opens a row; Delete dismisses it; the filter tabs move
 * with Arrow Left/Right.
 *
 * @fires pd-navigate - A row with a track was opened: `{ trackId, widget, notification }`. Cancelable: cancel it to route yourself; otherwise `href-template` is followed.
 * @fires pd-dismiss - A row is about to be dismissed: `{ notification }`. Cancelable.
 * @fires pd-invite-accepted - An invite was accepted from its row: the acceptance (track, permission, sync).
 *
 * @csspart bell - The bell button.
 * @csspart badge - The unread badge on the bell.
 * @csspart panel - The dropdown panel (or the inline feed).
 * @csspart header - The panel's header.
 * @csspart title - The panel's title.
 * @csspart mark-all - The "Mark all as read" button.
 * @csspart connection - The connection indicator (shown while polling or offline).
 * @csspart tabs - The filter tabs.
 * @csspart tab - One filter tab.
 * @csspart list - The scrolling list of rows.
 * @csspart row - A notification row (also `row-unread`, `row-high-priority`).
 * @csspart icon - A row's category icon.
 * @csspart row-title - A row's title.
 * @csspart message - A row's message.
 * @csspart time - A row's relative time.
 * @csspart actions - A row's action buttons.
 * @csspart action - One action button ("Accept Invite", the support answers).
 * @csspart dismiss - A row's dismiss button.
 * @csspart row-error - A row's error message.
 * @csspart empty - The empty state.
 * @csspart loading - The loading skeleton.
 * @csspart error - The error state.
 * @csspart retry - The error state's retry button.
 *
 * @cssproperty --pd-panel-width - The dropdown's width. Default 24rem.
 * @cssproperty --pd-feed-height - The height of an `inline` feed (its list scrolls inside). Default 36rem.
 * @cssproperty --pd-panel-max-height - The dropdown's height (less when the window has less room below the bell). Default 32rem.
 * @cssproperty --pd-color-surface - Panel background.
 * @cssproperty --pd-color-text - Text colour.
 * @cssproperty --pd-color-text-muted - Secondary text colour.
 * @cssproperty --pd-color-border - Borders and dividers.
 * @cssproperty --pd-color-hover - Hovered rows and buttons.
 * @cssproperty --pd-color-unread - Background of unread rows.
 * @cssproperty --pd-color-accent - Buttons and the focus ring.
 * @cssproperty --pd-color-on-accent - Text on accent buttons.
 * @cssproperty --pd-color-high-priority - The mark of high-priority rows.
 * @cssproperty --pd-color-badge - The badge's background.
 * @cssproperty --pd-color-on-badge - The badge's text.
 * @cssproperty --pd-category-collaboration - Colour of collaboration rows' icon (also -deadline, -workflow, -reminder, -system, -support).
 * @cssproperty --pd-radius - Corner radius.
 * @cssproperty --pd-shadow - The dropdown's shadow.
 * @cssproperty --pd-font-family - The font.
 * @cssproperty --pd-focus-ring-color - The focus outline's colour.
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

  @state() private tab: FeedTab = 'all';
  /**
   * Whether the dropdown is open. Rows render only then: nothing is laid out
   * or loaded for a closed panel.
   */
  @state() private open = false;
  @state() private focusIndex = 0;
  @state() private busy = new Map<string, 'accepting' | 'answering'>();
  @state() private rowErrors = new Map<string, string>();
  @state() private headerError: string | null = null;

  @query('#panel') private panel!: HTMLElement | null;

  #client = new ClientController(this, (client) => [
    client.$notifications,
    client.$unreadCount,
    client.$connection,
    $now,
  ]);
  #rows = new VirtualList<Notification>(this, {
    scroller: () => this.renderRoot.querySelector('.list'),
    key: (item) => item.id,
    rows: () => this.renderRoot.querySelectorAll<HTMLElement>('article[data-index]'),
    estimate: 88,
    onRendered: ({ nearEnd }) => {
      const state = this.#client.client?.$notifications.get();
      // Scrolled near the end of what is loaded: fetch the next page.
      if (state?.hasMore && !state.loadingMore && nearEnd) void this.#client.client?.loadMore().catch(() => {});
    },
  });
  /** The top of the list when last rendered: null when it was empty, undefined before it was first ready. */
  #top: Notification | null | undefined = undefined;
  #reposition = () => this.#position();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.#reposition);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#announceNew();
  }

  override render() {
    const client = this.#client.client;
    const t = this.strings;
    const count = client?.$unreadCount.get() ?? 0;
    const panel = this.#renderPanel();
    if (this.inline) return panel;
    return html`${bell({ label: t.notifications, description: t.unreadCount(count), count, popoverTarget: 'panel' })}
    ${panel}`;
  }

  #renderPanel(): TemplateResult {
    const t = this.strings;
    const client = this.#client.client;
    const state = client?.$notifications.get();
    const unread = client?.$unreadCount.get() ?? 0;
    return html`<section
      id="panel"
      part="panel"
      class="panel surface"
      popover=${this.inline ? nothing : 'auto'}
      role=${this.inline ? 'region' : 'dialog'}
      aria-labelledby="title"
      @beforetoggle=${this.#onBeforeToggle}
      @toggle=${this.#onToggle}
    >
      <header part="header" class="header">
        <h2 id="title" part="title">${t.notifications}</h2>
        ${this.#renderConnection()}
        ${iconButton({
          part: 'mark-all',
          label: t.markAllRead,
          icon: checkAllIcon,
          disabled: !client || unread === 0,
          onClick: () => void this.#markAllRead(),
        })}
      </header>
      ${this.headerError ? html`<p class="header-error" role="alert">${this.headerError}</p>` : nothing}
      ${this.#renderTabs()}
      <div class="body" role="tabpanel" id="tabpanel" aria-labelledby=${`tab-${this.tab}`}>
        ${
          !this.inline && !this.open
            ? nothing
            : !client || !state || state.status === 'idle' || (state.status === 'loading' && state.items.length === 0)
              ? this.#renderLoading()
              : state.status === 'error' && state.items.length === 0
                ? this.#renderError()
                : state.items.length === 0
                  ? this.#renderEmpty()
                  : this.#renderList(state.items, state.hasMore, state.loadingMore)
        }
      </div>
    </section>`;
  }

  #renderConnection() {
    const connection = this.#client.client?.$connection.get();
    const t = this.strings;
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

  #renderTabs() {
    const t = this.strings;
    return html`<div part="tabs" class="tabs" role="tablist" aria-label=${t.filters} @keydown=${this.#onTabKey}>
      ${TABS.map((tab) => {
        const selected = tab === this.tab;
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
          data-tab=${tab}
          @click=${() => this.#selectTab(tab)}
        >
          ${label}
        </button>`;
      })}
    </div>`;
  }

  #renderLoading() {
    return html`<div part="loading" class="loading" role="status" aria-live="polite">
      <span class="visually-hidden">${this.strings.loading}</span>
      ${[0, 1, 2].map(() => html`<div class="skeleton" aria-hidden="true"><span></span><span></span></div>`)}
    </div>`;
  }

  #renderError() {
    const t = this.strings;
    return html`<div part="error" class="state" role="alert">
      <p>${t.loadFailed}</p>
      <button part="retry" class="button" type="button" @click=${() => void this.#client.client?.refresh()}>
        ${t.retry}
      </button>
    </div>`;
  }

  #renderEmpty() {
    return html`<div part="empty" class="state empty">
      ${emptyIllustration}
      <p>${this.strings.empty}</p>
    </div>`;
  }

  #renderList(items: readonly Notification[], hasMore: boolean, loadingMore: boolean) {
    const focus = Math.min(this.focusIndex, items.length - 1);
    const { first, end, before, after } = this.#rows.window(items);
    return html`<div
        part="list"
        class="list"
        role="feed"
        aria-labelledby="title"
        aria-busy=${loadingMore ? 'true' : 'false'}
        @keydown=${this.#onListKey}
      >
        <div aria-hidden="true" .style=${`block-size:${before}px`}></div>
        ${repeat(
          items.slice(first, end),
          (item) => item.id,
          (item, offset) => this.#renderRow(item, first + offset, focus, items.length, hasMore),
        )}
        <div aria-hidden="true" .style=${`block-size:${after}px`}></div>
      </div>
      ${loadingMore ? html`<p class="loading-more" role="status">${this.strings.loadingMore}</p>` : nothing}`;
  }

  #renderRow(item: Notification, index: number, focus: number, total: number, hasMore: boolean) {
    const t = this.strings;
    const unread = item.readAt === null;
    const high = item.priority === 'high';
    const id = `row-${index}`;
    const parts = ['row', unread ? 'row-unread' : '', high ? 'row-high-priority' : ''].join(' ').trim();
    return html`<article
      part=${parts}
      class=${classMap({ row: true, unread, high })}
      data-index=${index}
      tabindex=${index === focus ? 0 : -1}
      aria-posinset=${index + 1}
      aria-setsize=${hasMore ? -1 : total}
      aria-labelledby=${`${id}-title`}
      aria-describedby=${`${id}-message ${id}-meta`}
      @click=${() => this.#openRow(item)}
      @focus=${() => (this.focusIndex = index)}
    >
      <span part="icon" class="icon ${item.category}" aria-hidden="true">${categoryIcons[item.category]}</span>
      <div class="text">
        <h3 part="row-title" id=${`${id}-title`} dir="auto">${item.title}</h3>
        <p part="message" id=${`${id}-message`} dir="auto">${item.message}</p>
        <p class="meta" id=${`${id}-meta`}>
          <time part="time" datetime=${item.createdAt}
            >${formatRelativeTime(item.createdAt, $now.get(), this.language)}</time
          >${unread ? html`<span class="visually-hidden">, ${t.unread}</span>` : nothing}${
            high ? html`<span class="priority">${t.highPriority}</span>` : nothing
          }
        </p>
        ${this.#renderActions(item)}
        ${
          this.rowErrors.has(item.id)
            ? html`<p part="row-error" class="row-error" role="alert">${this.rowErrors.get(item.id)}</p>`
            : nothing
        }
      </div>
      ${iconButton({
        part: 'dismiss',
        className: 'dismiss',
        label: t.dismiss,
        icon: closeIcon,
        tabindex: -1,
        onClick: (event) => {
          event.stopPropagation();
          void this.#dismiss(item);
        },
      })}
    </article>`;
  }

  #renderActions(item: Notification) {
    const t = this.strings;
    const busy = this.busy.get(item.id);
    if (item.actions.includes('accept-invite') && (!item.actionTaken || busy === 'accepting')) {
      return html`<div part="actions" class="actions">
        <button
          part="action"
          class="button primary"
          type="button"
          tabindex="-1"
          aria-label=${busy === 'accepting' ? t.accepting : t.acceptInvite}
          ?disabled=${busy !== undefined}
          @click=${(event: Event) => this.#runAction(event, item, 'accept-invite')}
        >
          ${busy === 'accepting' ? t.accepting : t.acceptInvite}
        </button>
      </div>`;
    }
    if (FEEDBACK_ACTIONS.some((action) => item.actions.includes(action))) {
      if (item.actionTaken && busy === undefined) return html`<p class="answered">${t.feedbackSent}</p>`;
      const labels: Record<(typeof FEEDBACK_ACTIONS)[number], string> = {
        'feedback-resolved': t.feedbackResolved,
        'feedback-still-open': t.feedbackStillOpen,
        'feedback-not-needed': t.feedbackNotNeeded,
      };
      return html`<div part="actions" class="actions">
        ${FEEDBACK_ACTIONS.filter((action) => item.actions.includes(action)).map(
          (action) =>
            html`<button
              part="action"
              class="button"
              type="button"
              tabindex="-1"
              ?disabled=${busy !== undefined}
              @click=${(event: Event) => this.#runAction(event, item, action)}
            >
              ${labels[action]}
            </button>`,
        )}
      </div>`;
    }
    return nothing;
  }

  // ---------------------------------------------------------------- behaviour

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

  #onBeforeToggle = (event: ToggleEvent): void => {
    if (event.newState === 'closed') this.#focusInPanel = !!this.panel?.contains(this.shadowRoot!.activeElement);
  };

  #onToggle = (event: ToggleEvent): void => {
    this.open = event.newState === 'open';
    if (this.open) {
      this.#position();
      window.addEventListener('resize', this.#reposition);
      void this.updateComplete.then(() => this.#focusRow(this.focusIndex, false));
      return;
    }
    window.removeEventListener('resize', this.#reposition);
    // Hiding the panel drops the focus it held to <body>; give it back to the bell,
    // unless the user already moved it elsewhere (a click outside that closed the panel).
    const active = document.activeElement;
    const inner = this.shadowRoot!.activeElement;
    const lost = !active || active === document.body || (active === this && (!inner || !!this.panel?.contains(inner)));
    if (this.#focusInPanel && lost) this.renderRoot.querySelector<HTMLButtonElement>('.bell')?.focus();
    this.#focusInPanel = false;
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

  #selectTab(tab: FeedTab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this.focusIndex = 0;
    const filter = tab === 'all' ? {} : tab === 'unread' ? { unread: true } : { category: tab };
    void this.#client.client?.setFilter(filter).catch(() => {});
  }

  #onTabKey = (event: KeyboardEvent): void => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let delta = keys[event.key];
    if (delta === undefined && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    if (getComputedStyle(this).direction === 'rtl' && delta !== undefined) delta = -delta;
    const index = TABS.indexOf(this.tab);
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : (index + delta! + TABS.length) % TABS.length;
    this.#selectTab(TABS[next]!);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${TABS[next]}`)?.focus());
  };

  #onListKey = (event: KeyboardEvent): void => {
    const row = (event.target as HTMLElement).closest('article');
    if (!row || event.target !== row) return;
    const items = this.#client.client?.$notifications.get().items ?? [];
    const index = Number(row.dataset.index);
    const item = items[index];
    if (!item) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.#focusRow(Math.max(0, Math.min(items.length - 1, moves[event.key]!)), true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void this.#openRow(item);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void this.#dismiss(item);
    }
  };

  /**
   * Moves focus to row `index` once the virtualizer has rendered it: the first
   * page may still be arriving when the panel opens, and a row may be re-rendered
   * right after it first appears. Gives up when the panel closes, another row is
   * chosen, or the user puts focus somewhere else meanwhile.
   */
  async #focusRow(index: number, scroll: boolean): Promise<void> {
    this.focusIndex = index;
    await this.updateComplete;
    const row = () => this.renderRoot.querySelector<HTMLElement>(`article[data-index="${index}"]`);
    if (!row() && scroll) this.#rows.scrollToIndex(index);
    let scrolled = false;
    for (let frame = 0; frame < 600; frame++) {
      if (this.focusIndex !== index || (!this.open && !this.inline) || this.#focusTakenElsewhere(row())) return;
      const target = row();
      if (target) {
        if (scroll && !scrolled) target.scrollIntoView({ block: 'nearest' });
        scrolled = true;
        if (this.shadowRoot!.activeElement !== target) target.focus();
        // Done once focus has held through a frame (a re-measured window may move the row once).
        else if (frame > 0) return;
      }
      await new Promise(requestAnimationFrame);
    }
  }

  /** True when focus is on something other than the bell, a row, or nothing. */
  #focusTakenElsewhere(target: HTMLElement | null): boolean {
    const active = document.activeElement;
    if (!active || active === document.body) return false;
    if (active !== this) return true;
    const inner = this.shadowRoot!.activeElement;
    return !!inner && inner !== target && !inner.matches('.bell, article');
  }

  async #openRow(item: Notification): Promise<void> {
    const client = this.#client.client;
    if (!client) return;
    const reading = item.readAt === null ? client.markRead(item.id).catch(() => {}) : Promise.resolve();
    if (!item.trackId) return;
    const event = new PdNavigateEvent({ trackId: item.trackId, widget: item.widget ?? null, notification: item });
    if (!this.dispatchEvent(event) || !this.hrefTemplate) return;
    const target = fillTemplate(this.hrefTemplate, item.trackId, item.widget ?? '');
    if (!target) {
      console.error(`<pd-activity-feed>: href-template gives a URL that is not http(s): ${this.hrefTemplate}`);
      return;
    }
    await reading;
    window.location.assign(target);
  }

  async #dismiss(item: Notification): Promise<void> {
    const client = this.#client.client;
    if (!client || !this.dispatchEvent(new PdDismissEvent(item))) return;
    const items = client.$notifications.get().items;
    const index = items.indexOf(item);
    const hadFocus = this.shadowRoot?.activeElement?.closest('article') != null;
    try {
      await client.dismiss(item.id);
    } catch {
      this.#setRowError(item.id, this.strings.actionFailed);
      return;
    }
    if (hadFocus) {
      const remaining = client.$notifications.get().items.length;
      if (remaining > 0) void this.#focusRow(Math.min(index, remaining - 1), true);
    }
  }

  async #runAction(event: Event, item: Notification, action: ActionId): Promise<void> {
    event.stopPropagation();
    const client = this.#client.client;
    if (!client) return;
    this.busy = new Map(this.busy).set(item.id, action === 'accept-invite' ? 'accepting' : 'answering');
    this.#setRowError(item.id, null);
    try {
      const acceptance = await client.runAction(item.id, action);
      if (acceptance) this.dispatchEvent(new PdInviteAcceptedEvent(acceptance));
    } catch {
      this.#setRowError(item.id, action === 'accept-invite' ? this.strings.acceptFailed : this.strings.actionFailed);
    } finally {
      const busy = new Map(this.busy);
      busy.delete(item.id);
      this.busy = busy;
    }
  }

  async #markAllRead(): Promise<void> {
    this.headerError = null;
    try {
      await this.#client.client?.markAllRead();
    } catch {
      this.headerError = this.strings.actionFailed;
    }
  }

  #setRowError(id: string, message: string | null): void {
    const errors = new Map(this.rowErrors);
    if (message) errors.set(id, message);
    else errors.delete(id);
    this.rowErrors = errors;
  }
}

/** Fills `{trackId}` and `{widget}`; null when the result is not an http(s) URL. */
export function fillTemplate(template: string, trackId: string, widget: string): string | null {
  return safeHttpUrl(
    template.replaceAll('{trackId}', encodeURIComponent(trackId)).replaceAll('{widget}', encodeURIComponent(widget)),
  );
}
