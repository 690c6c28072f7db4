import { $now, formatRelativeTime, type Invitation } from '@pd-notify/client';
import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClientController } from '../client-controller.js';
import { PdInviteAcceptedEvent, PdInviteCardSettledEvent, PdInviteDeclinedEvent } from '../events.js';
import { feedbackStyles, note } from '../feedback.js';
import { musicIcon } from '../icons.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import { toast } from '../toaster/toast.js';
import { safeHttpUrl } from '../urls.js';

/** Where a card is in answering its invitation. */
export type InviteCardStatus = 'idle' | 'accepting' | 'declining' | 'failed' | 'accepted' | 'declined';

const FADE_MS = 240;

/**
 * One pending invitation (SPEC IN4, IN7–IN9): the track's artwork (or a
 * placeholder), its name (two lines at most; a longer one offers "Show more",
 * which expands it in place), "Sent by" and the sender, the live relative time and
 * the permission it grants, with "Accept" and "Decline". "Accept" reads
 * "Accepting…" while the request runs; on success the card fades out (at once
 * under reduced motion), a toast says "Collaboration accepted — files are
 * syncing." and `pd-invite-accepted` tells the host. On failure a message shows
 * and the buttons come back.
 *
 * The card takes focus itself (`focus()`: the modal does so when opened on it),
 * so a screen reader reads the track, the sender, the time and the permission
 * before the buttons. "Accepting…" and "Declining…" keep focus on the pressed
 * button (it is only marked `aria-disabled`). Used alone, the card hides itself
 * once answered: move focus on `pd-invite-card-settled`.
 *
 * @keyboard Tab / Shift+Tab - Move between "Show more" (a long track name), "Decline" and "Accept".
 * @keyboard Enter / Space - Press the focused button.
 *
 * @fires pd-invite-accepted - Accepted: `{ invitation, track, permission, sync }`, so the host can add the track.
 * @fires pd-invite-declined - Declined: `{ invitation }`.
 * @fires pd-invite-card-settled - The card finished answering and fading out: `{ invitationId }`.
 *
 * @csspart card - The card.
 * @csspart artwork - The artwork image or its placeholder.
 * @csspart track-name - The track's name (two lines at most until expanded).
 * @csspart show-more - "Show more" / "Show less" under a track name longer than two lines.
 * @csspart sender - "Sent by" and the sender's name.
 * @csspart time - The relative time.
 * @csspart permission - The permission granted.
 * @csspart actions - The buttons' row.
 * @csspart accept - The "Accept" button.
 * @csspart decline - The "Decline" button.
 * @csspart error - The failure message.
 * @csspart pending - "Will sync when you're back online", while an answer made offline waits.
 * @cssproperty --pd-color-surface - Card background.
 * @cssproperty --pd-color-border - Card border.
 * @cssproperty --pd-color-accent - The "Accept" button.
 * @cssproperty --pd-color-danger - The failure message.
 * @cssproperty --pd-radius - Corner radius.
 *
 * @tag pd-invite-card
 */
export class PdInviteCard extends PdElement {
  static override styles = [
    tokens,
    feedbackStyles,
    css`
      :host {
        display: block;
      }
      .card {
        display: grid;
        grid-template-columns: 3.5rem 1fr;
        gap: 0.5rem 0.75rem;
        padding: 0.75rem var(--_inset);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }
      .artwork {
        display: grid;
        place-items: center;
        inline-size: 3.5rem;
        block-size: 3.5rem;
        border-radius: calc(var(--_radius) * 0.6);
        background: var(--_hover);
        color: var(--_muted);
        object-fit: cover;
      }
      .text {
        min-inline-size: 0;
      }
      h3 {
        margin: 0;
        font-size: 0.875rem;
        font-weight: 650;
        line-height: 1.25rem;
        overflow-wrap: anywhere;
      }
      /* A long name: two lines, then "Show more" expands it in place. */
      .card:not(.expanded) h3 {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        overflow: hidden;
      }
      .text p {
        margin: 0.125rem 0 0;
        font-size: 0.875rem;
        color: var(--_muted);
        overflow-wrap: anywhere;
      }
      .permission {
        display: inline-block;
        margin-block-start: 0.35rem;
        padding: 0.125rem 0.5rem;
        border: 1px solid var(--_border);
        border-radius: 999px;
        font-size: 0.75rem;
        color: var(--_text);
      }
      [part='show-more'] {
        display: block;
        margin-block-start: 0.125rem;
      }
      .actions {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: flex-end;
      }
      .note {
        grid-column: 1 / -1;
      }
      .pending {
        font-style: italic;
      }
    `,
  ];

  /** The invitation to show. */
  @property({ attribute: false }) invitation: Invitation | null = null;
  /** Present while the card fades out after an answer. */
  @property({ type: Boolean, reflect: true }) leaving = false;
  /** The answer was made offline: shown, and sent when the connection is back ("Will sync…"). */
  @property({ type: Boolean, reflect: true }) pending = false;

  @state() private status: InviteCardStatus = 'idle';
  /** The track's name is longer than two lines (it offers "Show more"), and whether it is expanded. */
  @state() private clamped = false;
  @state() private expanded = false;
  #resize: ResizeObserver | null = null;

  #client = new ClientController(this, () => [$now]);
  #failure = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A card given another invitation starts afresh.
    if (changed.has('invitation') && changed.get('invitation')?.id !== this.invitation?.id) {
      this.status = 'idle';
      this.expanded = false;
      this.leaving = false;
      this.hidden = false;
      this.getAnimations().forEach((animation) => animation.cancel());
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver(() => this.#measure());
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#measure();
  }

  #measure(): void {
    const name = this.renderRoot.querySelector('h3');
    if (!name || this.expanded) return;
    const clamped = name.scrollHeight > name.clientHeight + 1;
    if (clamped !== this.clamped) this.clamped = clamped;
  }

  /** True from the click until the card has answered and faded out: a list should keep showing it. */
  get busy(): boolean {
    return this.status === 'accepting' || this.status === 'declining' || this.leaving;
  }

  /** Focuses the card itself (its name and details are read first). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('article')?.focus(options);
  }

  override render() {
    const invitation = this.invitation;
    if (!invitation) return nothing;
    const t = this.strings;
    const artwork = invitation.track.artworkUrl ? safeHttpUrl(invitation.track.artworkUrl) : null;
    const working = this.status === 'accepting' || this.status === 'declining' || this.leaving;
    return html`<article
      part="card"
      class="card ${this.expanded ? 'expanded' : ''}"
      tabindex="-1"
      aria-labelledby="name"
      aria-busy=${working ? 'true' : 'false'}
    >
      ${
        artwork
          ? html`<img part="artwork" class="artwork" src=${artwork} alt="" loading="lazy" />`
          : html`<span part="artwork" class="artwork" aria-hidden="true">${musicIcon}</span>`
      }
      <div class="text">
        <h3 part="track-name" id="name" dir="auto">${invitation.track.name}</h3>
        ${
          this.clamped || this.expanded
            ? html`<button
                part="show-more"
                class="text-button"
                type="button"
                aria-expanded=${this.expanded ? 'true' : 'false'}
                aria-controls="name"
                @click=${() => (this.expanded = !this.expanded)}
              >
                ${this.expanded ? t.showLess : t.showMore}
              </button>`
            : nothing
        }
        <p part="sender">${t.sentBy} <strong dir="auto">${invitation.sender.name}</strong></p>
        <p>
          <time part="time" datetime=${invitation.sentAt}
            >${formatRelativeTime(invitation.sentAt, $now.get(), this.language)}</time
          >
        </p>
        <span part="permission" class="permission">${t.permission[invitation.permission]}</span>
      </div>
      ${this.status === 'failed' ? note('error', this.#failure, 'error') : nothing}
      ${this.pending ? note('info', t.willSync, 'pending', 'status') : nothing}
      <div part="actions" class="actions">
        <button
          part="decline"
          class="button"
          type="button"
          aria-disabled=${working ? 'true' : 'false'}
          @click=${() => this.#answer('decline')}
        >
          ${this.status === 'declining' ? t.declining : t.decline}
        </button>
        <button
          part="accept"
          class="button primary"
          type="button"
          aria-disabled=${working ? 'true' : 'false'}
          @click=${() => this.#answer('accept')}
        >
          ${this.status === 'accepting' ? t.accepting : t.accept}
        </button>
      </div>
    </article>`;
  }

  async #answer(answer: 'accept' | 'decline'): Promise<void> {
    const client = this.#client.client;
    const invitation = this.invitation;
    if (!client || !invitation || this.busy) return;
    const t = this.strings;
    this.status = answer === 'accept' ? 'accepting' : 'declining';
    try {
      if (answer === 'accept') {
        const acceptance = await client.acceptInvitation(invitation.id);
        this.status = 'accepted';
        this.dispatchEvent(new PdInviteAcceptedEvent(acceptance));
        toast(t.collaborationAccepted);
      } else {
        const declined = await client.declineInvitation(invitation.id);
        this.status = 'declined';
        this.dispatchEvent(new PdInviteDeclinedEvent(declined));
      }
    } catch {
      this.#failure = answer === 'accept' ? t.inviteAcceptFailed : t.declineFailed;
      this.status = 'failed';
      return;
    }
    await this.#fadeOut();
    this.hidden = true;
    this.leaving = false;
    this.dispatchEvent(new PdInviteCardSettledEvent(invitation.id));
  }

  async #fadeOut(): Promise<void> {
    this.leaving = true;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const fade = this.animate(
      [
        { opacity: 1, transform: 'none' },
        { opacity: 0, transform: 'scale(0.98)' },
      ],
      {
        duration: reduced ? 0 : FADE_MS,
        easing: 'ease-out',
        fill: 'forwards',
      },
    );
    await fade.finished.catch(() => {});
  }
}
