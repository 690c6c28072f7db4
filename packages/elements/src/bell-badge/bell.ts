import type { PdClient } from '@pd-notify/client';
import {
  html,
  isServer,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type SVGTemplateResult,
  type TemplateResult,
} from 'lit';
import type { Strings } from '../i18n.js';
import { bellIcon } from '../icons.js';

export interface BellOptions {
  /** The button's accessible name ("Notifications", "Invitations"). */
  label: string;
  /** The description read after the name ("3 unread notifications"). */
  description: string;
  count: number;
  /** The id of a popover the button toggles, in the same shadow root. */
  popoverTarget?: string;
  /** Announces that the button opens a dialog (`aria-haspopup`). */
  opensDialog?: boolean;
  onClick?: (event: MouseEvent) => void;
  /** The button's icon; a bell by default. */
  icon?: SVGTemplateResult;
  /** A link to this host page instead of the button (see `BellLink`). */
  href?: string | undefined;
}

/**
 * Where an element's bell links before the element runs: rendered on the server
 * with `href` set, the bell is a link to that host page, so that a page read
 * without JavaScript (or before it loads) still leads to the activity. Once the
 * element runs (right after hydrating), the bell is its button again.
 */
export class BellLink implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  /** The element has run in a browser (one created there, not from server HTML, always has). */
  #running: boolean;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#running = !isServer && host.shadowRoot === null;
    host.addController(this);
  }

  /** The link the bell is now: `href`, until the element has run. */
  href(href: string | null): string | undefined {
    return this.#running || !href ? undefined : href;
  }

  hostUpdated(): void {
    if (this.#running) return;
    this.#running = true;
    this.#host.requestUpdate();
  }
}

/** What a notifications bell counts: `unread` (the default) or `unseen` notifications. */
export type Badge = 'unread' | 'unseen';

/** The unknown `badge` value each element last warned about. */
const warned = new WeakMap<Element, string>();

/**
 * The count a notifications bell shows and the description that says what it
 * counts. With `badge="unseen"`: the unseen notifications ("3 new
 * notifications"), or the unread ones while the server sends no unseen count
 * (described as unread, since that is what the number is). Otherwise the unread
 * ones; a value other than `unread` and `unseen` warns (once per element and
 * value) and counts unread.
 */
export function notificationCount(
  host: HTMLElement & { badge: Badge | null },
  client: PdClient | null,
  t: Strings,
): { count: number; description: string } {
  const badge = host.badge;
  if (badge && badge !== 'unread' && badge !== 'unseen' && warned.get(host) !== badge) {
    warned.set(host, badge);
    console.warn(`<${host.localName}> badge="${badge}": not unread or unseen, counting unread`);
  }
  const unseen = badge === 'unseen' ? client?.$unseenCount.get() : undefined;
  const count = unseen ?? client?.$unreadCount.get() ?? 0;
  return { count, description: unseen === undefined ? t.unreadCount(count) : t.unseenCount(count) };
}

/** The text on the badge: 1–99, then "99+". */
export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

/**
 * The bell button with its badge, shared by `<pd-bell-badge>` and the activity
 * feed's trigger. The badge sits over the button, outside it, so the button's
 * name stays exactly its label; the count is in its description. The badge is
 * hidden at 0.
 */
export function bell({
  label,
  description,
  count,
  popoverTarget,
  opensDialog,
  onClick,
  icon = bellIcon,
  href,
}: BellOptions): TemplateResult {
  const control = href
    ? html`<a part="bell" class="bell" href=${href} aria-label=${label} aria-describedby="bell-description">${icon}</a>`
    : html`<button
        part="bell"
        class="bell"
        type="button"
        aria-label=${label}
        aria-describedby="bell-description"
        popovertarget=${popoverTarget ?? nothing}
        aria-haspopup=${opensDialog ? 'dialog' : nothing}
        @click=${onClick ?? nothing}
      >
        ${icon}
      </button>`;
  return html`<span class="bell-wrap"
    >${control}<span part="badge" class="badge" aria-hidden="true" ?hidden=${count <= 0}
      ><span dir="ltr">${badgeText(count)}</span></span
    ><span id="bell-description" hidden>${description}</span></span
  >`;
}
