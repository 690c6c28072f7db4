import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientController } from '../client-controller.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import { bell } from './bell.js';
import { bellStyles } from './bell.styles.js';

/** What a badge can count. */
export const COUNTERS = ['notifications', 'invitations'] as const;
export type Counter = (typeof COUNTERS)[number];

/**
 * A bell button with a live count badge: unread notifications (the default) or,
 * with `counter="invitations"`, pending invitations. The badge shows 1–99 and
 * "99+" and hides at 0; the button is named "Notifications" (or "Invitations")
 * and its description carries the count.
 *
 * @csspart bell - The button.
 * @csspart badge - The count badge.
 * @cssproperty --pd-bell-size - The button's size. Default 2.5rem.
 * @cssproperty --pd-bell-color - The icon's colour.
 * @cssproperty --pd-bell-background - The button's background.
 * @cssproperty --pd-color-badge - The badge's background.
 * @cssproperty --pd-color-on-badge - The badge's text colour.
 */
export class PdBellBadge extends PdElement {
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

  #client = new ClientController(this, (client) => [client.$unreadCount, client.$pendingInviteCount]);

  /** The number shown. */
  get count(): number {
    const client = this.#client.client;
    if (!client) return 0;
    return this.#counter === 'invitations' ? client.$pendingInviteCount.get() : client.$unreadCount.get();
  }

  get #counter(): Counter {
    if ((COUNTERS as readonly string[]).includes(this.counter)) return this.counter;
    console.warn(
      `<pd-bell-badge>: counter="${this.counter}" is not one of ${COUNTERS.join(', ')}; counting notifications`,
    );
    return 'notifications';
  }

  override render() {
    const count = this.count;
    const t = this.strings;
    const invitations = this.#counter === 'invitations';
    return bell({
      label: invitations ? t.invitations : t.notifications,
      description: invitations ? t.pendingCount(count) : t.unreadCount(count),
      count,
    });
  }
}
