/**
 * The design tokens every element shares: `--pd-*` custom properties with
 * fallbacks, light (the default) and dark (`theme="dark"`, or `theme="auto"` on
 * a dark OS), plus the small helpers every element uses. The host element sets
 * no text colour: a trigger in the host's header inherits the header's, and each
 * surface (panel, dialog, card, form, toast) sets the theme's own. The rules
 * behind them (insets, type and button scales, states) are in docs/design.md.
 */
import { css } from 'lit';

const dark = css`
  --_focus: var(--pd-focus-ring-color, #b3a6ff);
  --_surface: var(--pd-color-surface, #1c1b22);
  --_text: var(--pd-color-text, #f2f2f5);
  --_muted: var(--pd-color-text-muted, #b4b4c2);
  --_border: var(--pd-color-border, #3a3947);
  --_edge: var(--pd-color-edge, #707080);
  --_hover: var(--pd-color-hover, #2a2933);
  --_unread: var(--pd-color-unread, #2b2545);
  --_accent: var(--pd-color-accent, #b3a6ff);
  --_on-accent: var(--pd-color-on-accent, #1c1b22);
  --_danger: var(--pd-color-danger, #ff8a8f);
  --_warning: var(--pd-color-warning, #e3b341);
  --_success: var(--pd-color-success, #57d38c);
  --_high: var(--pd-color-high-priority, #ff8a8f);
  --_badge: var(--pd-color-badge, #ff6b6b);
  --_on-badge: var(--pd-color-on-badge, #1c1b22);
  --_shadow: var(--pd-shadow, 0 12px 32px rgb(0 0 0 / 0.55));
  --_tint: 14%;
  --_c-collaboration: var(--pd-category-collaboration, #7aa7ff);
  --_c-deadline: var(--pd-category-deadline, #ffa06b);
  --_c-workflow: var(--pd-category-workflow, #c4a2ff);
  --_c-reminder: var(--pd-category-reminder, #5fd6c8);
  --_c-system: var(--pd-category-system, #b4bfd0);
  --_c-support: var(--pd-category-support, #ff8cc6);
  color-scheme: dark;
`;

export const tokens = css`
  :host {
    --_font: var(--pd-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_radius: var(--pd-radius, 10px);
    /* One inset: every surface's content starts and ends this far from its edge. */
    --_inset: var(--pd-inset, 1rem);
    --_focus: var(--pd-focus-ring-color, #5b3fd6);
    --_surface: var(--pd-color-surface, #ffffff);
    --_text: var(--pd-color-text, #1d1d22);
    --_muted: var(--pd-color-text-muted, #5a5a66);
    --_border: var(--pd-color-border, #e2e2e8);
    /* Edges that must be seen (3:1 on the surface): control outlines, placeholders, tracks. */
    --_edge: var(--pd-color-edge, #8a8a99);
    --_hover: var(--pd-color-hover, #f5f5f8);
    --_unread: var(--pd-color-unread, #f0ecff);
    --_accent: var(--pd-color-accent, #5b3fd6);
    --_on-accent: var(--pd-color-on-accent, #ffffff);
    --_danger: var(--pd-color-danger, #b4232a);
    --_warning: var(--pd-color-warning, #9a6700);
    --_success: var(--pd-color-success, #1a7f37);
    --_high: var(--pd-color-high-priority, #b4232a);
    --_badge: var(--pd-color-badge, #c81e1e);
    --_on-badge: var(--pd-color-on-badge, #ffffff);
    --_shadow: var(--pd-shadow, 0 12px 32px rgb(20 20 40 / 0.18));
    /* How much of a tone tints a callout's background. */
    --_tint: 10%;
    --_c-collaboration: var(--pd-category-collaboration, #2459d6);
    --_c-deadline: var(--pd-category-deadline, #b9440f);
    --_c-workflow: var(--pd-category-workflow, #6b35d9);
    --_c-reminder: var(--pd-category-reminder, #0e7064);
    --_c-system: var(--pd-category-system, #4a5568);
    --_c-support: var(--pd-category-support, #b3195a);
    font-family: var(--_font);
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    cursor: pointer;
  }
  .icon-button:hover {
    background: var(--_hover);
  }
  svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
  }
  /* A floating box: the feed's panel, the invitations dialog, a toast (no specificity: elements refine it). */
  :where(.surface) {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
    font-family: var(--_font);
  }
  /* The one button scale: 14 px semibold text, 2rem tall on one line; a label that has to wrap
     gets a rounded box, not a squeezed pill (the radius is half a one-line height). */
  .button {
    box-sizing: border-box;
    min-block-size: 2rem;
    padding: 0.3125rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: 1rem;
    background: var(--_surface);
    font-size: 0.875rem;
    font-weight: 600;
    line-height: 1.25rem;
    cursor: pointer;
  }
  .button:hover {
    background: var(--_hover);
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.primary:hover {
    background: color-mix(in srgb, var(--_accent) 88%, var(--_text));
  }
  /* Working ("Accepting…"): still focusable, marked aria-disabled. */
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  /* Disabled: an outline instead of a fill, its text and edge still 3:1 or more against the surface. */
  .button:disabled {
    border-color: var(--_muted);
    background: transparent;
    color: var(--_muted);
    cursor: not-allowed;
  }
  /* "Show more": a text button inside running text. */
  .text-button {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.75rem;
    font-weight: 600;
    cursor: pointer;
  }
  .text-button:hover {
    text-decoration: underline;
  }
  /* The one loading mark: a turning ring, with its text beside it. */
  .spinner {
    display: inline-block;
    flex: none;
    box-sizing: border-box;
    inline-size: 1rem;
    block-size: 1rem;
    border: 2px solid var(--_edge);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
    /* Still: a ring that does not turn still says "loading" beside its text. */
    .spinner,
    .bone {
      animation: none !important;
    }
  }
`;
