import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
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
}: BellOptions): TemplateResult {
  return html`<span class="bell-wrap"
    ><button
      part="bell"
      class="bell"
      type="button"
      aria-label=${label}
      aria-describedby="bell-description"
      popovertarget=${popoverTarget ?? nothing}
      aria-haspopup=${opensDialog ? 'dialog' : nothing}
      @click=${onClick ?? nothing}
    >
      ${icon}</button
    ><span part="badge" class="badge" aria-hidden="true" ?hidden=${count <= 0}>${badgeText(count)}</span
    ><span id="bell-description" hidden>${description}</span></span
  >`;
}
