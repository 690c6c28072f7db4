import { css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientController } from '../client-controller.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';
import type { HelpView } from './help-view.js';

/**
 * "Not receiving notifications?" (SPEC NS7): the product's troubleshooting list,
 * checked live for the signed-in user, each check in the product's words with
 * what applies now:
 *
 * - the categories that are switched off (main switch, every option, or the
 *   in-app channel), each with "Turn on", which switches it on (all its options,
 *   in-app) and saves at once, unsaved edits in a preferences form included;
 * - the address email notifications go to (`GET /v1/me`), with a link to the
 *   host's profile page (`profile-href`), which categories send email, and a
 *   reminder to check the spam folder;
 * - the browser's notification permission, with "Turn on browser notifications"
 *   while it has not been asked, how to allow notifications again when they are
 *   blocked, a line where the browser cannot show them, and which categories
 *   use them;
 * - the realtime connection (`$connection`: live, polling, offline, dropped
 *   and waiting to retry, or the error and its reason) with "Reconnect", which
 *   refreshes the connection (`client.refresh()`: a connection waiting to retry
 *   tries at once, and what is shown is reloaded) and checks the address again.
 *   A server that refuses the user's token needs them to sign in again, as the
 *   product's sentence says.
 *
 * Then "Receiving too many notifications?" points to switching categories off,
 * with a link to the host's preferences page (`preferences-href`). Every check
 * follows the client's stores: a change anywhere (another session's save, the
 * permission granted in another tab, the connection dropping) shows at once.
 * Its code loads when it is first connected.
 *
 * It is an element of its own, not a section of `<pd-preferences-form>`, so a
 * host places it where its users look for help: a help page, a dialog, beside
 * the form. Each check's heading is the product's sentence, followed (for
 * screen readers) by what its mark shows: OK (a circled check), needs your
 * attention (a triangle, the card tinted as a warning), checking (the turning
 * ring); the spam-folder reminder, which nothing can check, has an "i".
 *
 * When a focused button goes away, focus moves on, never to the page's
 * `<body>`: after a category is turned on, to the next "Turn on", else the
 * check's heading; after the browser answers the permission, to the browser
 * check's heading.
 *
 * @keyboard Tab / Shift+Tab - Move through the checks' buttons and links: "Turn on" per category switched off, the profile link, "Turn on browser notifications", "Reconnect", the preferences link.
 * @keyboard Enter / Space - Run the focused button.
 *
 * @csspart help - The view.
 * @csspart title - The two headings ("Not receiving notifications?", "Receiving too many notifications?").
 * @csspart check - One check (also `check-ok`, `check-attention` or `check-checking` by its state; none for the spam-folder reminder and a browser without notifications).
 * @csspart turn-on - A category's "Turn on" button.
 * @csspart allow-browser - "Turn on browser notifications" (while the browser has not been asked).
 * @csspart reconnect - "Reconnect".
 * @csspart link - A link to the host's profile or preferences page.
 * @cssproperty --pd-color-surface - Background.
 * @cssproperty --pd-color-text - Text colour.
 * @cssproperty --pd-color-text-muted - Secondary text.
 * @cssproperty --pd-color-border - Borders.
 * @cssproperty --pd-color-accent - Buttons, links and the reminder's mark.
 * @cssproperty --pd-color-success - The marks of checks that pass.
 * @cssproperty --pd-color-warning - The marks and tint of checks that need attention.
 * @cssproperty --pd-color-danger - A failure to turn a category on.
 * @cssproperty --pd-radius - Corner radius.
 * @cssproperty --pd-form-padding - Space around the view. Default 1rem.
 *
 * @tag pd-notification-help
 */
export class PdNotificationHelp extends PdElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The host's profile page, where the user checks their email address (a link when set). */
  @property({ attribute: 'profile-href' }) profileHref: string | null = null;
  /** The host's notification preferences page (a link under "Receiving too many notifications?" when set). */
  @property({ attribute: 'preferences-href' }) preferencesHref: string | null = null;

  #client = new ClientController(this, (client) => [client.$preferences, client.$connection]);
  /** The checks, once their code has loaded. */
  #view: HelpView | null = null;
  #loading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#loading) return;
    this.#loading = true;
    void import('./help-view.js').then(({ HelpView }) => {
      this.#view = new HelpView(this, {
        client: () => this.#client.client,
        language: () => this.language,
        profileHref: () => this.profileHref,
        preferencesHref: () => this.preferencesHref,
      });
      this.requestUpdate();
    });
  }

  override render() {
    return this.#view?.render() ?? nothing;
  }
}
