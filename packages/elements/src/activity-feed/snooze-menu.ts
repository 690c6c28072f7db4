/**
 * A row's "Snooze" menu (the WAI-ARIA APG menu button pattern): "1 hour",
 * "Tomorrow, 9:00", "Next week (Monday, 9:00)" in the viewer's time zone, and
 * "Pick a date and time…", which turns the menu into a small form. Loaded the
 * first time a Snooze button is pressed (its code is not in the feed's panel).
 * Drawn in the top layer (a popover) beside its button, so the panel's edges
 * never clip it.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PanelTexts } from './inbox-texts.js';
import { note } from '../feedback.js';
import { deepActiveElement } from '../focus-keeper.js';

const HOUR = 3_600_000;
/** The protocol's limit: a snooze ends at most a year ahead. */
const YEAR = 365 * 24 * HOUR;

/** The menu's choices, from `now` in the viewer's time zone. */
export function snoozeTimes(now: Date): { hour: Date; tomorrow: Date; nextWeek: Date } {
  const day = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, 9, 0, 0, 0);
  // The next Monday (a week on from a Monday).
  return { hour: new Date(now.getTime() + HOUR), tomorrow: day(1), nextWeek: day((8 - now.getDay()) % 7 || 7) };
}

/** A `datetime-local` value (local time, to the minute) for `date`. */
function localValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface SnoozeMenuOptions {
  strings(): PanelTexts;
  language(): string;
  /** The element the menu is drawn in (the feed's shadow root takes it). */
  root(): ParentNode;
  /** Snoozes the row's notification until `until`; the menu is closed by then. */
  choose(id: string, until: Date): void;
  /** The menu closed without a choice: focus goes back to its button. */
  cancelled(button: HTMLElement): void;
}

type Host = ReactiveControllerHost & HTMLElement;

/** One menu per feed, opened for one row at a time. */
export class SnoozeMenu {
  #host: Host;
  #options: SnoozeMenuOptions;
  /** The row's notification and its Snooze button, while open. */
  #for: { id: string; button: HTMLElement } | null = null;
  #picking = false;
  #invalid = false;
  #times = snoozeTimes(new Date());

  constructor(host: Host, options: SnoozeMenuOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Whether the menu is open for notification `id`. */
  isOpenFor(id: string): boolean {
    return this.#for?.id === id;
  }

  /** Opens the menu for a row, focus on its first item. */
  open(id: string, button: HTMLElement): void {
    this.#for = { id, button };
    this.#picking = false;
    this.#invalid = false;
    this.#times = snoozeTimes(new Date());
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const menu = this.#menu();
      if (!menu) return;
      if (!menu.matches(':popover-open')) menu.showPopover();
      this.#place(menu, button);
      this.#items()[0]?.focus();
    });
  }

  /** Closes the menu; focus goes back to its button unless a choice was made. */
  close(chosen = false): void {
    const open = this.#for;
    if (!open) return;
    this.#for = null;
    this.#picking = false;
    const menu = this.#menu();
    if (menu?.matches(':popover-open')) menu.hidePopover();
    this.#host.requestUpdate();
    if (!chosen) this.#options.cancelled(open.button);
  }

  render(): TemplateResult | typeof nothing {
    if (!this.#for) return nothing;
    const t = this.#options.strings();
    const time = new Intl.DateTimeFormat(this.#options.language(), {
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    });
    const item = (label: string, until: Date | null) =>
      html`<button
        role="menuitem"
        type="button"
        tabindex="-1"
        @click=${() => (until ? this.#choose(until) : this.#pick())}
      >
        <span>${label}</span>${until ? html`<span class="when">${time.format(until)}</span>` : nothing}
      </button>`;
    if (this.#picking) {
      const now = new Date();
      return html`<div
        class="snooze-menu"
        part="snooze-menu"
        popover="manual"
        role="dialog"
        aria-label=${t.snooze}
        @keydown=${this.#onFormKey}
        @focusout=${this.#onFocusOut}
      >
        <form @submit=${this.#submit} novalidate>
          <label
            >${t.snoozeUntilLabel}
            <input
              type="datetime-local"
              required
              min=${localValue(now)}
              max=${localValue(new Date(now.getTime() + YEAR))}
              .value=${localValue(this.#times.tomorrow)}
              aria-invalid=${this.#invalid ? 'true' : 'false'}
              aria-describedby=${this.#invalid ? 'snooze-invalid' : nothing}
          /></label>
          ${this.#invalid ? html`<div id="snooze-invalid">${note('error', t.snoozeTimeInvalid)}</div>` : nothing}
          <div class="form-buttons">
            <button class="button" type="button" @click=${() => this.close()}>${t.cancel}</button>
            <button class="button primary" type="submit">${t.snooze}</button>
          </div>
        </form>
      </div>`;
    }
    return html`<div
      class="snooze-menu"
      part="snooze-menu"
      popover="manual"
      role="menu"
      aria-label=${t.snooze}
      @keydown=${this.#onMenuKey}
      @focusout=${this.#onFocusOut}
    >
      ${item(t.snoozeFor.hour, this.#times.hour)} ${item(t.snoozeFor.tomorrow, this.#times.tomorrow)}
      ${item(t.snoozeFor.nextWeek, this.#times.nextWeek)} ${item(t.snoozeFor.pick, null)}
    </div>`;
  }

  #menu(): HTMLElement | null {
    return this.#options.root().querySelector<HTMLElement>('.snooze-menu') ?? null;
  }

  #items(): HTMLElement[] {
    return [...(this.#menu()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  /** Below the button, its inline end aligned with the button's; above when there is no room below. */
  #place(menu: HTMLElement, button: HTMLElement): void {
    const at = button.getBoundingClientRect();
    const size = menu.getBoundingClientRect();
    const rtl = getComputedStyle(button).direction === 'rtl';
    const below = at.bottom + 4 + size.height <= window.innerHeight;
    const top = below ? at.bottom + 4 : Math.max(8, at.top - 4 - size.height);
    const left = rtl ? at.left : at.right - size.width;
    menu.style.top = `${top}px`;
    menu.style.left = `${Math.max(8, Math.min(left, window.innerWidth - size.width - 8))}px`;
  }

  #choose(until: Date): void {
    const id = this.#for!.id;
    this.close(true);
    this.#options.choose(id, until);
  }

  #pick(): void {
    this.#picking = true;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const menu = this.#menu();
      if (!menu || !this.#for) return;
      if (!menu.matches(':popover-open')) menu.showPopover();
      this.#place(menu, this.#for.button);
      menu.querySelector('input')?.focus();
    });
  }

  #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    // datetime-local is read in the viewer's time zone.
    const until = input.value ? new Date(input.value) : null;
    const now = Date.now();
    if (!until || Number.isNaN(until.getTime()) || until.getTime() <= now || until.getTime() > now + YEAR) {
      this.#invalid = true;
      this.#host.requestUpdate();
      // Its message makes the form taller and wider: placed again beside its button.
      void this.#host.updateComplete.then(() => {
        const menu = this.#menu();
        if (menu && this.#for) this.#place(menu, this.#for.button);
        input.focus();
      });
      return;
    }
    this.#choose(until);
  };

  // APG menu: arrows move and wrap, Home and End, Escape closes to the button, Tab leaves and closes.
  #onMenuKey = (event: KeyboardEvent): void => {
    const items = this.#items();
    const index = items.indexOf(event.target as HTMLElement);
    const to = (next: number) => items[(next + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        to(index + 1);
        break;
      case 'ArrowUp':
        to(index - 1);
        break;
      case 'Home':
        to(0);
        break;
      case 'End':
        to(items.length - 1);
        break;
      case 'Escape':
        this.close();
        break;
      case 'Tab':
        this.close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  #onFormKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  /**
   * Focus left the menu for something else on the page (a click elsewhere): it closes, focus staying
   * where it went. Not when the window lost focus (another window, a frame around the page): the menu
   * is still there when the user comes back.
   */
  #onFocusOut = (event: FocusEvent): void => {
    const menu = event.currentTarget as HTMLElement;
    setTimeout(() => {
      // A menu replaced by its form (or closed) is gone from the page: nothing to do for it.
      if (!this.#for || !menu.isConnected || !document.hasFocus() || menu.contains(deepActiveElement())) return;
      this.#for = null;
      if (menu.matches(':popover-open')) menu.hidePopover();
      this.#host.requestUpdate();
    });
  };
}
