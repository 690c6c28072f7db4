/**
 * The browser's notification permission as the preferences form and the help
 * view show it (SPEC NS6, NS7): while it is `default`, a button that asks for it
 * (from the click, as browsers require); `granted`, a line that says so;
 * `denied`, how to allow notifications again in the site settings; no
 * Notification API, a line that says so instead of a dead control. Loaded on
 * demand with the client's browser-notifications module.
 */
import {
  notificationPermission,
  requestNotificationPermission,
  watchNotificationPermission,
  type BrowserPermission,
} from '@pd-notify/client/browser-notifications';
import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { callout, feedbackStyles, note } from '../feedback.js';
import { textsFor } from '../i18n.js';
import { BROWSER_TEXTS, type BrowserTexts } from './texts.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

const styles = css`
  .permission > p {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
  }
  .permission > p:last-child {
    margin-block-end: 0;
  }
`;

/** The permission, kept current while its host is connected, and its rendering. */
export class PermissionView implements ReactiveController {
  permission: BrowserPermission = notificationPermission();
  #host: Host;
  #language: () => string;
  #unwatch: (() => void) | null = null;

  constructor(host: Host, language: () => string) {
    this.#host = host;
    this.#language = language;
    const root = host.renderRoot as ShadowRoot;
    // The feedback styles once: the form has them already, the help view not yet.
    const sheets = [feedbackStyles, styles].map((sheet) => sheet.styleSheet!);
    root.adoptedStyleSheets = [
      ...root.adoptedStyleSheets,
      ...sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet)),
    ];
    host.addController(this);
  }

  /** The browser channel's texts in the host's language (English until that language has loaded). */
  get texts(): BrowserTexts {
    return textsFor(BROWSER_TEXTS, this.#language(), () => this.#host.requestUpdate());
  }

  hostConnected(): void {
    this.permission = notificationPermission();
    this.#unwatch = watchNotificationPermission((permission) => {
      if (permission === this.permission) return;
      this.permission = permission;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = null;
  }

  /**
   * Where the permission stands, each in its own look: not asked yet, a sentence and the button
   * that asks; allowed, a success; blocked, a warning with how to allow them; no API, a note.
   */
  render(): TemplateResult {
    const t = this.texts;
    const text = t.permission[this.permission];
    return html`<div class="permission" data-permission=${this.permission}>
      ${
        this.permission === 'default'
          ? html`<p>${text}</p>
              <p>
                <button part="allow-browser" class="button primary" type="button" @click=${this.#ask}>
                  ${t.turnOnBrowser}
                </button>
              </p>`
          : this.permission === 'denied'
            ? callout('warning', text, { part: 'permission' })
            : note(this.permission === 'granted' ? 'success' : 'info', text, 'permission', null)
      }
    </div>`;
  }

  // Asked at once, in the click: a browser asks only during a user gesture.
  #ask = (): void => void requestNotificationPermission();
}
