import { css } from 'lit';

/** The styles of the feed's panel contents (adopted by the feed's shadow root when they load). */
export const feedPanelStyles = css`
  .header button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .header-error {
    margin: 0 1rem 0.5rem;
    color: var(--_danger);
    font-size: 0.85rem;
  }
  .connection {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .dot {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_c-deadline);
  }
  .dot.offline {
    background: var(--_muted);
  }
  .tab-strip {
    position: relative;
    border-block-end: 1px solid var(--_border);
  }
  .tabs {
    display: flex;
    gap: 0.25rem;
    padding: 0 0.75rem 0.5rem;
    overflow-x: auto;
    scrollbar-width: none;
    scroll-behavior: smooth;
    /* A tab brought into view by the keyboard clears the scroll buttons. */
    scroll-padding-inline: 3rem;
  }
  /* Over each end with tabs out of view: a fade into a button that scrolls them in.
     Drawn for the end; the start one is its mirror image (swapped right-to-left). */
  .scroll {
    position: absolute;
    inset-block: 0 0.5rem;
    inset-inline-end: 0;
    display: grid;
    place-items: center end;
    inline-size: 2.75rem;
    padding: 0 0.35rem;
    border: 0;
    background: linear-gradient(to left, var(--_surface) 55%, transparent);
    color: var(--_muted);
    cursor: pointer;
  }
  .scroll.start {
    inset-inline: 0 auto;
    scale: -1 1;
  }
  :host(:dir(rtl)) .scroll.start {
    scale: none;
  }
  :host(:dir(rtl)) .scroll.end {
    scale: -1 1;
  }
  .scroll[hidden] {
    display: none;
  }
  .scroll:hover {
    color: var(--_text);
  }
  .tab {
    flex: none;
    padding: 0.3rem 0.65rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: transparent;
    font-size: 0.8rem;
    cursor: pointer;
  }
  .tab[aria-selected='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  /* The body and the list start at their content's height and shrink (down to 0, the list
     then scrolls) to the panel's greatest height, or grow to fill an inline feed. Not "flex: 1":
     its 0% basis counts as no height at all in WebKit while the dropdown's height is only a
     max-block-size, so the dropdown collapsed to its header and tabs there, rows and empty
     state hidden. */
  .body {
    flex: 1 1 auto;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
  }
  .list {
    flex: 1 1 auto;
    min-block-size: 0;
    overflow: auto;
    /* The panel anchors rows itself, the same in every engine (WebKit has no scroll anchoring). */
    overflow-anchor: none;
    contain: content;
  }
  .row {
    box-sizing: border-box;
    inline-size: 100%;
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.75rem 0.5rem 0.75rem 1rem;
    border-block-end: 1px solid var(--_border);
    border-inline-start: 3px solid transparent;
    cursor: pointer;
    background: var(--_surface);
  }
  .row:hover {
    background: var(--_hover);
  }
  .row.unread {
    background: var(--_unread);
  }
  .row.high {
    border-inline-start-color: var(--_high);
  }
  .row:focus-visible {
    outline-offset: -3px;
  }
  .icon {
    display: grid;
    place-items: center;
    inline-size: 2.25rem;
    block-size: 2.25rem;
    border-radius: 50%;
    background: color-mix(in srgb, currentColor 14%, transparent);
    flex: none;
  }
  .icon.collaboration {
    color: var(--_c-collaboration);
  }
  .icon.deadline {
    color: var(--_c-deadline);
  }
  .icon.workflow {
    color: var(--_c-workflow);
  }
  .icon.reminder {
    color: var(--_c-reminder);
  }
  .icon.system {
    color: var(--_c-system);
  }
  .icon.support {
    color: var(--_c-support);
  }
  .text {
    flex: 1;
    min-inline-size: 0;
  }
  h3 {
    margin: 0;
    font-size: 0.9rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .unread h3 {
    font-weight: 700;
  }
  .text p {
    margin: 0.15rem 0 0;
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: 0.75rem !important;
  }
  .priority {
    color: var(--_high);
    font-weight: 600;
  }
  .pending {
    font-style: italic;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin-block-start: 0.5rem;
  }
  .answered {
    color: var(--_muted);
    font-style: italic;
  }
  .row-error {
    color: var(--_danger);
  }
  .dismiss {
    color: var(--_muted);
  }
  .state {
    display: grid;
    justify-items: center;
    gap: 0.75rem;
    padding: 2.5rem 1rem;
    text-align: center;
    color: var(--_muted);
  }
  .state p {
    margin: 0;
  }
  .illustration {
    inline-size: 7.5rem;
    block-size: auto;
    color: var(--_accent);
  }
  .skeleton {
    display: grid;
    gap: 0.4rem;
    padding: 0.75rem 0;
  }
  .skeleton span {
    display: block;
    block-size: 0.7rem;
    border-radius: 4px;
    background: var(--_hover);
    animation: pulse 1.2s ease-in-out infinite;
  }
  .skeleton span:last-child {
    inline-size: 60%;
  }
  .loading-more {
    margin: 0;
    padding: 0.5rem;
    text-align: center;
    font-size: 0.8rem;
    color: var(--_muted);
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
