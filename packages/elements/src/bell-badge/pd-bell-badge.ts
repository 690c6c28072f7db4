import { css, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientController } from '../client-controller.js';
import { bellIcon, mailIcon } from '../icons.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import { bell, BellLink, notificationCount } from './bell.js';
import { BellInk } from './ink.js';
import { bellStyles } from './bell.styles.js';

/** What a badge can count. */
export const COUNTERS = ['notifications', 'invitations'] as const;
export type Counter = (typeof COUNTERS)[number];

/**
 * A bell button with a live count badge: unread notifications (the default),
 * unseen ones with `badge="unseen"` (those the user has not had on screen in the
 * feed's open panel), or, with `counter="invitations"`, pending invitations. The
 * badge shows 1–99 and "99+" and hides at 0; the button is named "Notifications"
 * (or "Invitations") and its description carries the count. With `for` set to the id of an element
 * that has a `show()` method (such as `<pd-invitations>`), clicking opens it.
 *
 * The icon takes the text colour around the element (the host's header), in
 * light and dark themes alike, or `--pd-bell-color`; where that colour would not
 * read on the background behind the button (under 3:1: a dark page that set a
 * background but no text colour), it takes the theme text that does, so no
 * theme ever draws an invisible icon. The badge starts just past the middle of
 * the icon and grows away from it ("99+" covers only its top corner).
 *
 * @keyboard Tab - Reach the button.
 * @keyboard Enter / Space - Press it: opens the element named by `for`.
 *
 * @screenshot images/pd-bell-badge-headers.png - The notification and invitation badges on a light and on a dark host header: the icons take each header's text colour.
 *
 * @csspart bell - The button.
 * @csspart badge - The count badge.
 * @cssproperty --pd-bell-size - The button's size. Default 2.5rem.
 * @cssproperty --pd-bell-color - The icon's colour. Default: the text colour around the element (the host's header).
 * @cssproperty --pd-focus-ring-color - The focus outline's colour. Default: the icon's colour.
 * @cssproperty --pd-bell-background - The button's background.
 * @cssproperty --pd-color-badge - The badge's background.
 * @cssproperty --pd-color-on-badge - The badge's text colour.
 *
 * @tag pd-bell-badge
 */
export class PdBellBadge extends PdElement {
  /** Focusing the element focuses its button (so a dialog can give focus back to it). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    tokens,
    bellStyles,
    css`
      :host {
        display: inline-block;
      }
    `,
  ];

  /** `notifications` (default) or `invitations`. */
  @property({ reflect: true }) counter: Counter = 'notifications';
  /**
   * What a notifications badge counts: `unread` (the default) or `unseen`
   * notifications, those the user has not had on screen in the feed's open
   * panel (unread ones while the server sends no unseen count). The button's
   * description says which ("3 new notifications"). Only with
   * `counter="notifications"`; another value warns once and counts unread.
   */
  @property({ reflect: true }) badge: 'unread' | 'unseen' = 'unread';
  /** The id of the element to `show()` on click, in the same document or shadow root (e.g. a `<pd-invitations>`). */
  @property({ attribute: 'for' }) for: string | null = null;
  /**
   * A host page (its activity, say) the bell links to until the element runs: a
   * server-rendered page read without JavaScript, or before its script loads.
   * Once running, the bell is a button as always.
   */
  @property() href: string | null = null;

  #bellLink = new BellLink(this);

  #client = new ClientController(this, (client) => [
    client.$unreadCount,
    client.$unseenCount,
    client.$pendingInviteCount,
  ]);

  constructor() {
    super();
    new BellInk(this);
  }

  /** The number shown. */
  get count(): number {
    return this.#shown().count;
  }

  /** The number shown and the button's description. */
  #shown(): { count: number; description: string } {
    const client = this.#client.client;
    if (this.#counter !== 'invitations') return notificationCount(this, client, this.strings);
    const count = client?.$pendingInviteCount.get() ?? 0;
    return { count, description: this.strings.pendingCount(count) };
  }

  get #counter(): Counter {
    if ((COUNTERS as readonly string[]).includes(this.counter)) return this.counter;
    console.warn(
      `<pd-bell-badge>: counter="${this.counter}" is not one of ${COUNTERS.join(', ')}; counting notifications`,
    );
    return 'notifications';
  }

  override render() {
    const { count, description } = this.#shown();
    const t = this.strings;
    const invitations = this.#counter === 'invitations';
    return bell({
      label: invitations ? t.invitations : t.notifications,
      description,
      count,
      opensDialog: this.for !== null,
      icon: invitations ? mailIcon : bellIcon,
      onClick: this.#open,
      href: this.#bellLink.href(this.href),
    });
  }

  #open = (): void => {
    if (!this.for) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const target = root.getElementById(this.for) as (HTMLElement & { show?: () => void }) | null;
    if (typeof target?.show === 'function') target.show();
    else console.warn(`<pd-bell-badge>: for="${this.for}" names no element with a show() method`);
  };
}
