import type { Invitation } from '@pd-notify/client';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ClientController } from '../client-controller.js';
import { PdTrackFilterClearedEvent } from '../events.js';
import { FocusKeeper, deepActiveElement, isTab, tabStops } from '../focus-keeper.js';
import { callout, emptyState, feedbackStyles, loading } from '../feedback.js';
import { closeIcon } from '../icons.js';
import { iconButton } from '../icon-button.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import type { PdInviteCard } from './pd-invite-card.js';

/**
 * The Invitations modal (SPEC IN2–IN10): every pending invitation, most recent
 * first, as `<pd-invite-card>`s, in a native modal `<dialog>` anchored near the
 * top of the window (it does not move when a card leaves). Open it with `show()`,
 * the `open` property, or `<pd-bell-badge counter="invitations" for="…">`
 * pointing at its id; `show(invitationId)` opens it on that invitation's card
 * (what the activity feed does when an invitation's row is clicked). Focus
 * moves in; Escape, the close button or a click on the backdrop close it, and
 * focus returns to what opened it. With `track-id` (set by the host when a track
 * is selected in its grid) only that track's invitations show, with a note
 * naming the track and a "Show all" button. Toasts shown while it is open (the
 * "accepted" message) appear inside it, above its backdrop, and are announced.
 *
 * Keyboard: focus moves into the dialog when it opens (onto the card, when opened
 * on an invitation); Tab cycles through the close button, "Show all", each card's
 * Decline and Accept (and a toast's close button while one shows), from the last
 * back to the close button and, with Shift, the other way, in every browser;
 * Escape closes it and focus returns to what opened it.
 * When a card leaves (accepted or declined), focus moves to the next card, else
 * the previous one, else the close button.
 *
 * @keyboard Tab / Shift+Tab - Cycle through the close button, "Show all" and each card's "Decline" and "Accept": past the last to the close button, and back.
 * @keyboard Enter / Space - Press the focused button.
 * @keyboard Escape - Close the modal; focus returns to what opened it.
 *
 * @screenshot images/pd-invitations-arabic.png - The modal on an Arabic page (dir="rtl"): mirrored, its cards in Arabic.
 * @screenshot images/pd-invitations-french.png - The modal on a page with lang="fr": its cards in French ("Envoyée par", "il y a 5 min", "Contrôle total", "Refuser", "Accepter").
 *
 * @fires pd-invite-accepted - From a card: an invitation was accepted (`{ invitation, track, permission, sync }`).
 * @fires pd-invite-declined - From a card: an invitation was declined.
 * @fires pd-track-filter-cleared - The user pressed "Show all": `{ trackId }` (the element has cleared `trackId`).
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart header - The title row.
 * @csspart title - The title, "Invitations".
 * @csspart close - The close button.
 * @csspart filter - The note shown while filtered by track.
 * @csspart show-all - Its "Show all" button.
 * @csspart list - The list of cards.
 * @csspart empty - The empty state ("No pending invites.").
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @cssproperty --pd-dialog-width - The dialog's width. Default 30rem.
 * @cssproperty --pd-dialog-top - The dialog's distance from the top of the window. Default min(10vh, 5rem).
 * @cssproperty --pd-color-surface - Dialog background.
 * @cssproperty --pd-color-text - Text colour.
 * @cssproperty --pd-color-border - Borders.
 * @cssproperty --pd-color-accent - The empty state's illustration (an envelope with a checkmark) and buttons.
 * @cssproperty --pd-radius - Corner radius.
 * @cssproperty --pd-shadow - The dialog's shadow.
 *
 * @tag pd-invitations
 */
export class PdInvitations extends PdElement {
  static override styles = [
    tokens,
    feedbackStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        --_top: var(--pd-dialog-top, min(10vh, 5rem));
        inline-size: min(var(--pd-dialog-width, 30rem), calc(100vw - 2rem));
        max-block-size: min(40rem, calc(100dvh - var(--_top) - 1rem));
        /* Anchored at the top, not centred: the box keeps its place as cards leave. */
        margin-block: var(--_top) auto;
        padding: 0;
      }
      dialog[open] {
        display: flex;
        flex-direction: column;
      }
      dialog::backdrop {
        background: rgb(10 10 20 / 0.45);
      }
      .header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.75rem var(--_inset);
        border-block-end: 1px solid var(--_border);
      }
      h2 {
        margin: 0;
        font-size: 1rem;
        font-weight: 650;
        line-height: 1.5rem;
      }
      .filter {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin: 0;
        padding: 0.5rem var(--_inset);
        background: var(--_hover);
        font-size: 0.875rem;
      }
      .body {
        overflow: auto;
        padding: var(--_inset);
      }
      ul {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .loading-state {
        padding: 0;
      }
    `,
  ];

  /** Whether the modal is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Show only this track's invitations (the host's selected track). */
  @property({ attribute: 'track-id' }) trackId: string | null = null;

  @query('dialog') private dialog!: HTMLDialogElement | null;

  #client = new ClientController(this, (client) => [client.$invitations], { shareWithChildren: true });
  /** Invitations whose card is still answering or fading out: kept on screen until it settles. */
  #kept = new Map<string, Invitation>();
  /** Track names seen, so the filter note keeps naming the track once its list is empty. */
  #trackNames = new Map<string, string>();
  #returnFocus: HTMLElement | null = null;
  /** The invitation to focus once its card is shown (`show(invitationId)`). */
  #reviewing: string | null = null;

  constructor() {
    super();
    // A card that leaves hands focus to the next card, else the previous one, else the close button.
    new FocusKeeper(this, (lost) => {
      const gone = ((lost.getRootNode() as ShadowRoot).host as Partial<PdInviteCard> | undefined)?.invitation;
      const cards = [...this.renderRoot.querySelectorAll<PdInviteCard>('pd-invite-card')].filter(
        (card) => card.invitation && !card.hidden && !card.leaving,
      );
      const next = gone && (cards.find((card) => card.invitation!.sentAt < gone.sentAt) ?? cards.at(-1));
      return next ?? this.renderRoot.querySelector<HTMLElement>('[part="close"]');
    });
  }

  /**
   * Opens the modal; focus returns to the element focused now when it closes.
   * With an invitation's id, focus goes to its card (the track filter is cleared
   * if it hides it).
   */
  show(invitationId?: string): void {
    const active = document.activeElement;
    this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    this.#reviewing = invitationId ?? null;
    this.open = true;
    this.requestUpdate();
  }

  /** Closes the modal. */
  close(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    for (const card of this.renderRoot.querySelectorAll<PdInviteCard>('pd-invite-card')) {
      if (card.busy && card.invitation) this.#kept.set(card.invitation.id, card.invitation);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (dialog?.open) this.#focusReviewed();
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      if (!this.#returnFocus) {
        const active = document.activeElement;
        this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      dialog.showModal();
      this.#focusReviewed();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** Focuses the card of the invitation asked for by `show(invitationId)`, once it is shown. */
  #focusReviewed(): void {
    const id = this.#reviewing;
    const state = this.#client.client?.$invitations.get();
    if (!id || !state) return;
    const card = [...this.renderRoot.querySelectorAll<PdInviteCard>('pd-invite-card')].find(
      (c) => c.invitation?.id === id,
    );
    const invitation = state.items.find((inv) => inv.id === id);
    if (card) {
      this.#reviewing = null;
      void card.updateComplete.then(() => card.focus());
    } else if (invitation && this.trackId && invitation.track.id !== this.trackId) {
      this.#clearFilter();
    } else if (state.status === 'ready' || state.status === 'error') {
      this.#reviewing = null; // no longer pending: the dialog keeps its first focus
    }
  }

  #onClose = (): void => {
    this.open = false;
    this.#reviewing = null;
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target?.isConnected) target.focus();
  };

  /**
   * Tab cycles inside the dialog, the same in every engine: past the last control to the first
   * (Firefox would leave the page), back from the first to the last (Firefox would stop on the
   * dialog itself).
   */
  #onKeyDown = (event: KeyboardEvent): void => {
    const dialog = this.dialog;
    if (!dialog || !isTab(event) || event.altKey || event.ctrlKey || event.metaKey) return;
    const stops = tabStops(dialog);
    const active = deepActiveElement();
    const [first, last] = [stops[0], stops.at(-1)];
    const target =
      active === dialog
        ? event.shiftKey
          ? last
          : first
        : event.shiftKey
          ? active === first && last
          : active === last && first;
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  #onDialogClick = (event: MouseEvent): void => {
    // A click on the backdrop lands on the dialog itself, outside its box.
    const dialog = this.dialog;
    if (!dialog || event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.close();
  };

  #onSettled = (event: CustomEvent<{ invitationId: string }>): void => {
    this.#kept.delete(event.detail.invitationId);
    this.requestUpdate();
  };

  #clearFilter(): void {
    const trackId = this.trackId;
    if (!trackId) return;
    this.trackId = null;
    this.dispatchEvent(new PdTrackFilterClearedEvent(trackId));
  }

  /** What the list shows: the pending invitations (of the selected track) and those still answering. */
  #shown(pending: readonly Invitation[]): Invitation[] {
    const byId = new Map(pending.map((inv) => [inv.id, inv]));
    for (const [id, inv] of this.#kept) if (!byId.has(id)) byId.set(id, inv);
    return [...byId.values()]
      .filter((inv) => !this.trackId || inv.track.id === this.trackId)
      .sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
  }

  override render() {
    const t = this.strings;
    const state = this.#client.client?.$invitations.get();
    for (const inv of state?.items ?? []) this.#trackNames.set(inv.track.id, inv.track.name);
    const shown = this.#shown(state?.items ?? []);
    const trackName = this.trackId ? (this.#trackNames.get(this.trackId) ?? t.thisTrack) : null;
    // With cards, the scrolling body has tabindex -1: Firefox puts a scroller in the Tab order even when it
    // holds controls (an extra stop between the close button and the first card); Tab scrolls each into view.
    return html`<dialog
      part="dialog"
      class="surface"
      aria-labelledby="title"
      @close=${this.#onClose}
      @click=${this.#onDialogClick}
      @keydown=${this.#onKeyDown}
      @pd-invite-card-settled=${this.#onSettled}
    >
      <div part="header" class="header">
        <h2 id="title" part="title">${t.invitations}</h2>
        ${iconButton({ part: 'close', label: t.close, icon: closeIcon, onClick: () => this.close() })}
      </div>
      ${
        trackName
          ? html`<p part="filter" class="filter">
              <span>${t.filteredByTrack(trackName)}</span>
              <button part="show-all" class="button" type="button" @click=${this.#clearFilter}>${t.showAll}</button>
            </p>`
          : nothing
      }
      <div class="body" tabindex=${shown.length > 0 ? '-1' : nothing}>
        ${this.open ? this.#renderBody(state?.status, shown) : nothing}
      </div>
      ${this.open ? html`<pd-toaster locale=${this.language} theme=${this.theme ?? nothing}></pd-toaster>` : nothing}
    </dialog>`;
  }

  #renderBody(status: string | undefined, shown: Invitation[]) {
    const t = this.strings;
    const pending = this.#client.client?.$invitations.get().pending ?? [];
    if (shown.length > 0) {
      return html`<ul part="list" aria-labelledby="title">
        ${repeat(
          shown,
          (inv) => inv.id,
          (inv) =>
            html`<li>
              <pd-invite-card
                .invitation=${inv}
                ?pending=${pending.includes(inv.id)}
                locale=${this.language}
                theme=${this.theme ?? nothing}
              ></pd-invite-card>
            </li>`,
        )}
      </ul>`;
    }
    if (!status || status === 'idle' || status === 'loading') return loading(t.invitationsLoading, 2);
    if (status === 'error') {
      return callout('error', t.invitationsLoadFailed, {
        part: 'error',
        actions: html`<button class="button primary" type="button" @click=${() => void this.#client.client?.refresh()}>
          ${t.retry}
        </button>`,
      });
    }
    return emptyState('envelope', t.noPendingInvites);
  }
}
