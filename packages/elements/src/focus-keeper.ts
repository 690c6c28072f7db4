import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The focused element, looking inside open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether `element` can still hold focus: in the page, enabled and rendered. */
const canHoldFocus = (element: HTMLElement): boolean =>
  element.isConnected && !element.matches(':disabled') && element.getClientRects().length > 0;

/**
 * The controls Tab stops at inside `root`, in order, through open shadow roots (each
 * host's shadow tree in its place; slotted content is not followed).
 */
export function tabStops(root: Element | ShadowRoot): HTMLElement[] {
  const found: HTMLElement[] = [];
  const visit = (node: Element | ShadowRoot): void => {
    for (const child of node.children) {
      if (child instanceof HTMLElement && child.tabIndex >= 0 && canHoldFocus(child) && !child.closest('[inert]')) {
        found.push(child);
      }
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return found;
}

/** Whether a key event is Tab (WebKitGTK names Shift+Tab's key "Unidentified"; its code is still Tab). */
export const isTab = (event: KeyboardEvent): boolean => event.key === 'Tab' || event.code === 'Tab';

/**
 * Keeps keyboard focus inside its host when the control that has it goes away
 * (removed, disabled or hidden by an update): focus moves to what `fallback`
 * names for the lost control (the next row or card, the heading, the close
 * button), never to `<body>`. Focus the user moved elsewhere is left alone.
 */
export class FocusKeeper implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  #fallback: (lost: HTMLElement) => HTMLElement | null | undefined;
  /** The control inside the host that last had or lost focus. */
  #last: HTMLElement | null = null;

  constructor(
    host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    fallback: (lost: HTMLElement) => HTMLElement | null | undefined,
  ) {
    this.#host = host;
    this.#fallback = fallback;
    host.addController(this);
  }

  // On the shadow root, not the host: a move between two controls inside it reaches the
  // root, while the host hears nothing (its retargeted target and related target are one).
  hostConnected(): void {
    this.#host.renderRoot.addEventListener('focusin', this.#onFocusIn);
    this.#host.renderRoot.addEventListener('focusout', this.#onFocusOut as EventListener);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('focusin', this.#onFocusIn);
    this.#host.renderRoot.removeEventListener('focusout', this.#onFocusOut as EventListener);
    this.#last = null;
  }

  hostUpdated(): void {
    // A focused control removed by the update (its focusout never reaches us). Checked after
    // the update, outside it: focusing may update the host again.
    if (this.#last) queueMicrotask(this.#rescue);
  }

  #onFocusIn = (event: Event): void => {
    this.#last = event.composedPath()[0] as HTMLElement;
  };

  #onFocusOut = (event: FocusEvent): void => {
    if (event.relatedTarget) return;
    // Focus went to nothing: the control was disabled or hidden (seen once the browser has
    // settled focus, by the next frame), or the user clicked away or left the window.
    this.#last = event.composedPath()[0] as HTMLElement;
    requestAnimationFrame(this.#rescue);
  };

  #rescue = (): void => {
    const lost = this.#last;
    if (!lost) return;
    // Still usable: focus left it on purpose (a click elsewhere, another window).
    if (canHoldFocus(lost)) return;
    const active = deepActiveElement();
    // Only focus that fell to nothing, or still sits on the gone control, is moved.
    if (active && active !== document.body && active !== lost) return;
    this.#last = null;
    this.#fallback(lost)?.focus();
  };
}
