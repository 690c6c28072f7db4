import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { feedbackStyles, toneIcons } from '../feedback.js';
import { FocusKeeper } from '../focus-keeper.js';
import { closeIcon } from '../icons.js';
import { iconButton } from '../icon-button.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import type { PdToastEvent, ToastAction, ToastKind } from './toast.js';

interface Toast {
  id: number;
  message: string;
  kind: ToastKind;
  action: ToastAction | undefined;
  /** Time left before it goes, in ms (frozen while paused). */
  remaining: number;
  startedAt: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  hovered: boolean;
  focused: boolean;
}

/** Connected toasters, in the order they were connected: the last one shows new toasts. */
const toasters: PdToaster[] = [];

/**
 * The page's region for toasts (`toast()` from this package, or the messages
 * the elements show, such as "Collaboration accepted — files are syncing.").
 * Polite for screen readers; toasts stack, go after `duration` ms, wait while
 * hovered or focused, and close with their button or Escape. Each shows its
 * kind's icon (success: a check, error: "!", info: "i"), never colour alone, and
 * may carry one action ("Undo": pressing it runs it and closes the toast). Place one anywhere
 * (it is fixed to the bottom corner); one is added to `<body>` when a toast is
 * shown and the page has none.
 *
 * The most recently connected toaster shows new toasts: the invitations modal
 * and the feed's dropdown carry their own while open, so a toast shown then is
 * above them in the top layer, can be clicked, and is announced (a modal dialog
 * makes the rest of the page inert, a toast outside it included).
 *
 * A toaster on the page is a landmark region, "Messages". One inside a dialog or
 * a popover (the modal's and the dropdown's own) is not: its toasts belong to that
 * dialog, are still announced, and the page keeps one "Messages" landmark.
 *
 * When a toast closes with focus on it, focus moves to the next toast, else to
 * where it was before it entered the toasts.
 *
 * @keyboard Tab / Shift+Tab - Reach a toast's action ("Undo") and close button (the toast waits while focused).
 * @keyboard Enter / Space - Run the focused action (the toast closes), or close the toast.
 * @keyboard Escape - Close the toast that has focus (only it: a modal or dropdown around it stays open).
 *
 * @csspart region - The fixed container of the stack.
 * @csspart toast - One toast (also `toast-success`, `toast-error`, `toast-info`).
 * @csspart message - A toast's text.
 * @csspart icon - A toast's kind icon.
 * @csspart action - A toast's action button ("Undo").
 * @csspart close - A toast's close button.
 * @cssproperty --pd-toast-inset - Distance from the viewport's edges. Default 1rem.
 * @cssproperty --pd-toast-width - The toasts' width. Default 22rem.
 * @cssproperty --pd-color-surface - Toast background.
 * @cssproperty --pd-color-text - Toast text.
 * @cssproperty --pd-color-success - The success icon.
 * @cssproperty --pd-color-danger - The error icon.
 * @cssproperty --pd-color-accent - The info icon.
 *
 * @tag pd-toaster
 */
export class PdToaster extends PdElement {
  static override styles = [
    tokens,
    feedbackStyles,
    css`
      .region {
        position: fixed;
        inset-block-end: var(--pd-toast-inset, 1rem);
        inset-inline-end: var(--pd-toast-inset, 1rem);
        z-index: 2147483000;
        inline-size: min(var(--pd-toast-width, 22rem), calc(100vw - 2 * var(--pd-toast-inset, 1rem)));
        pointer-events: none;
      }
      ol {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        align-items: flex-start;
        gap: 0.625rem;
        padding-block: 0.5rem;
        padding-inline: var(--_inset) 0.5rem;
        pointer-events: auto;
        animation: enter 160ms ease-out;
      }
      [part='icon'] {
        display: flex;
        padding-block-start: 0.375rem;
      }
      .toast-body {
        flex: 1;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 0.75rem;
        min-inline-size: 0;
        padding-block: 0.25rem;
      }
      p {
        flex: 1 1 12rem;
        margin: 0;
        font-size: 0.875rem;
        line-height: 1.5rem;
      }
      @keyframes enter {
        from {
          opacity: 0;
          transform: translateY(0.5rem);
        }
      }
    `,
  ];

  /** How long a toast stays, in milliseconds (not counting time hovered or focused). */
  @property({ type: Number }) duration = 5000;

  @state() private toasts: Toast[] = [];
  #nextId = 1;
  /** Where focus was before it entered the toasts: it goes back there when the last focused toast closes. */
  #cameFrom: HTMLElement | null = null;
  /** The position of the toast that last had focus. */
  #focusedAt = 0;
  /** Inside a dialog or a popover: not a landmark of the page. */
  #contained = false;

  constructor() {
    super();
    new FocusKeeper(this, () => {
      const buttons = this.renderRoot.querySelectorAll<HTMLElement>('[part="close"]');
      return buttons[Math.min(this.#focusedAt, buttons.length - 1)] ?? this.#cameFrom;
    });
    this.addEventListener('focusin', (event) => {
      const from = event.relatedTarget as HTMLElement | null;
      if (from && !this.renderRoot.contains(from) && from !== this) this.#cameFrom = from;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    toasters.push(this);
    document.addEventListener('pd-toast', this.#onToast);
    const contained = insideDialog(this);
    if (contained !== this.#contained) {
      this.#contained = contained;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    toasters.splice(toasters.indexOf(this), 1);
    document.removeEventListener('pd-toast', this.#onToast);
    for (const item of this.toasts) clearTimeout(item.timer);
    this.toasts = [];
  }

  /** Shows a message (what `toast()` does through the page's toaster), with its action button when given. */
  show(message: string, kind: ToastKind = 'success', action?: ToastAction): void {
    const item: Toast = {
      id: this.#nextId++,
      message,
      kind,
      action,
      remaining: this.duration,
      startedAt: 0,
      timer: undefined,
      hovered: false,
      focused: false,
    };
    this.toasts = [...this.toasts, item];
    this.#run(item);
  }

  /** Closes a toast now. */
  dismiss(id: number): void {
    const item = this.toasts.find((t) => t.id === id);
    if (!item) return;
    clearTimeout(item.timer);
    this.toasts = this.toasts.filter((t) => t !== item);
  }

  #onToast = (event: PdToastEvent): void => {
    if (event.handled || toasters.at(-1) !== this) return;
    event.handled = true;
    this.show(event.detail.message, event.detail.kind, event.detail.action);
  };

  #run(item: Toast): void {
    item.startedAt = performance.now();
    item.timer = setTimeout(() => this.dismiss(item.id), item.remaining);
  }

  #hold(item: Toast, what: 'hovered' | 'focused', on: boolean): void {
    const wasPaused = item.hovered || item.focused;
    item[what] = on;
    const paused = item.hovered || item.focused;
    if (paused && !wasPaused) {
      clearTimeout(item.timer);
      item.timer = undefined;
      item.remaining = Math.max(0, item.remaining - (performance.now() - item.startedAt));
    } else if (!paused && wasPaused) {
      this.#run(item);
    }
    // A toast losing focus because it is being removed needs no update.
    if (this.toasts.includes(item)) this.requestUpdate();
  }

  override render() {
    const t = this.strings;
    const list = html`<ol
      aria-live="polite"
      aria-relevant="additions text"
      aria-label=${this.#contained ? t.toasts : nothing}
    >
      ${repeat(
        this.toasts,
        (item) => item.id,
        (item, index) =>
          html`<li
            part="toast toast-${item.kind}"
            class="surface ${item.kind}"
            data-paused=${item.hovered || item.focused ? 'true' : nothing}
            @pointerenter=${() => this.#hold(item, 'hovered', true)}
            @pointerleave=${() => this.#hold(item, 'hovered', false)}
            @focusin=${() => {
              this.#focusedAt = index;
              this.#hold(item, 'focused', true);
            }}
            @focusout=${(event: FocusEvent) => {
              if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) {
                this.#hold(item, 'focused', false);
              }
            }}
            @keydown=${(event: KeyboardEvent) => {
              if (event.key !== 'Escape') return;
              // Only the toast: the modal or dropdown around it stays open.
              event.preventDefault();
              this.dismiss(item.id);
            }}
          >
            <span part="icon" class=${item.kind}>${toneIcons[item.kind]}</span>
            <div class="toast-body">
              <p part="message">${item.message}</p>
              ${
                item.action
                  ? html`<button
                      part="action"
                      class="button"
                      type="button"
                      @click=${() => {
                        this.dismiss(item.id);
                        item.action!.run();
                      }}
                    >
                      ${item.action.label}
                    </button>`
                  : nothing
              }
            </div>
            ${iconButton({
              part: 'close',
              label: t.closeToast,
              icon: closeIcon,
              onClick: () => this.dismiss(item.id),
            })}
          </li>`,
      )}
    </ol>`;
    return this.#contained
      ? html`<div part="region" class="region">${list}</div>`
      : html`<section part="region" class="region" aria-label=${t.toasts}>${list}</section>`;
  }
}

/** Whether `element` is inside a dialog or a popover, looking out of shadow roots. */
function insideDialog(element: Element): boolean {
  for (let at: Node | null = element.parentNode; at; at = at.parentNode ?? (at as Partial<ShadowRoot>).host ?? null) {
    if (at instanceof HTMLDialogElement || (at instanceof HTMLElement && at.hasAttribute('popover'))) return true;
  }
  return false;
}
