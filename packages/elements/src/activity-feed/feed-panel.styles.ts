import { css } from 'lit';

/**
 * The styles of the feed's panel contents (adopted by the feed's shadow root when they load).
 * Everything starts and ends at the one inset (`--_inset`): the title, the first chip, the row
 * icons, "Mark all as read" and each row's buttons.
 */
export const feedPanelStyles = css`
  .header button:disabled {
    opacity: 0.45;
    cursor: default;
  }
  .header-error {
    padding: 0 var(--_inset) 0.5rem;
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
  /* The search box under the header, and the words found in a row. */
  .search {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0 var(--_inset) 0.5rem;
  }
  .search input {
    flex: 1;
    min-inline-size: 0;
    box-sizing: border-box;
    min-block-size: 2rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_muted);
    border-radius: 1rem;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 0.875rem;
  }
  mark {
    background: color-mix(in srgb, var(--_accent) 22%, transparent);
    color: inherit;
    border-radius: 2px;
  }
  [part='search-local'] {
    margin: 0.5rem var(--_inset);
  }
  /* Select mode: the bar over the list, and a checkbox at each row's start. */
  .selection {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem var(--_inset);
    border-block-end: 1px solid var(--_border);
    font-size: 0.8125rem;
  }
  .selected-count {
    font-weight: 600;
  }
  .selection-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-inline-start: auto;
  }
  .selection .button {
    min-block-size: 1.75rem;
    padding: 0.125rem 0.625rem;
    font-size: 0.8125rem;
  }
  .row .select {
    flex: none;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0.5625rem 0 0;
    accent-color: var(--_accent);
  }
  /* The views (Inbox, Snoozed, Archived): a segmented control on the header's inset. */
  .views-bar {
    padding: 0 var(--_inset) 0.5rem;
  }
  .views {
    display: flex;
    padding: 0.125rem;
    border-radius: 0.5rem;
    background: var(--_hover);
  }
  .view {
    flex: 1;
    min-block-size: 1.75rem;
    padding: 0.125rem 0.5rem;
    border: 0;
    border-radius: 0.375rem;
    background: transparent;
    color: var(--_muted);
    font-size: 0.8125rem;
    font-weight: 500;
    cursor: pointer;
  }
  .view[aria-checked='true'] {
    background: var(--_surface);
    color: var(--_text);
    font-weight: 650;
    box-shadow: 0 1px 2px rgb(0 0 0 / 0.12);
  }
  .tab-strip {
    position: relative;
    border-block-end: 1px solid var(--_border);
  }
  /* Room around the chips for their focus ring (2 px, 2 px off), which the scroller would clip. */
  .tabs {
    --_to-end: to right;
    display: flex;
    gap: 0.375rem;
    padding: 0.25rem var(--_inset) 0.625rem;
    overflow-x: auto;
    scrollbar-width: none;
    scroll-behavior: smooth;
    /* A tab brought into view by the keyboard clears the scroll buttons and the fades. */
    scroll-padding-inline: 3rem;
  }
  :host(:dir(rtl)) .tabs {
    --_to-end: to left;
  }
  /* Chips cut by an end with more fade out under its button instead of stopping mid-word. */
  .fade-start .tabs {
    --_fade-start: 3rem;
  }
  .fade-end .tabs {
    --_fade-end: 3rem;
  }
  .fade-start .tabs,
  .fade-end .tabs {
    mask-image: linear-gradient(
      var(--_to-end),
      transparent 0.75rem,
      #000 var(--_fade-start, 0.75rem),
      #000 calc(100% - var(--_fade-end, 0.75rem)),
      transparent calc(100% - 0.75rem)
    );
  }
  .fade-start:not(.fade-end) .tabs {
    mask-image: linear-gradient(var(--_to-end), transparent 0.75rem, #000 var(--_fade-start));
  }
  .fade-end:not(.fade-start) .tabs {
    mask-image: linear-gradient(var(--_to-end), #000 calc(100% - var(--_fade-end)), transparent calc(100% - 0.75rem));
  }
  /* Over each end with tabs out of view: a button that scrolls them in.
     Drawn for the end; the start one is its mirror image (swapped right-to-left). */
  .scroll {
    position: absolute;
    inset-block: 0 0.5rem;
    inset-inline-end: 0;
    display: grid;
    place-items: center end;
    inline-size: 2.5rem;
    padding: 0 0.5rem;
    border: 0;
    background: transparent;
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
  /* Filter chips: the compact step of the button scale (1.75rem, 13 px). */
  .tab {
    flex: none;
    box-sizing: border-box;
    min-block-size: 1.75rem;
    padding: 0.1875rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: transparent;
    font-size: 0.8125rem;
    font-weight: 500;
    line-height: 1.25rem;
    cursor: pointer;
  }
  .tab:hover {
    background: var(--_hover);
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
    position: relative;
    box-sizing: border-box;
    inline-size: 100%;
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.75rem var(--_inset);
    border-block-end: 1px solid var(--_border);
    cursor: pointer;
    background: var(--_surface);
  }
  .row:hover {
    background: var(--_hover);
  }
  .row.unread {
    background: var(--_unread);
  }
  /* Marks in the inset's gutter, so they move nothing: high priority's bar at the edge, unread's dot. */
  .row.high::before {
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    inline-size: 3px;
    background: var(--_high);
  }
  .row.unread::after {
    content: '';
    position: absolute;
    inset-block-start: 1.375rem;
    inset-inline-start: 0.25rem;
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border-radius: 50%;
    background: var(--_accent);
  }
  .row:focus-visible {
    outline-offset: -3px;
  }
  .icon {
    inline-size: 2.25rem;
    block-size: 2.25rem;
  }
  .text {
    flex: 1;
    min-inline-size: 0;
  }
  h3 {
    margin: 0;
    font-size: 0.875rem;
    font-weight: 500;
    line-height: 1.25rem;
    overflow-wrap: anywhere;
  }
  .unread h3 {
    font-weight: 650;
  }
  .text p {
    margin: 0.125rem 0 0;
    font-size: 0.875rem;
    line-height: 1.25rem;
    overflow-wrap: anywhere;
  }
  /* Clamped: title 2 lines, message 3; "Show more" expands the row in place. */
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  h3.clamp {
    -webkit-line-clamp: 2;
  }
  .expanded .clamp {
    display: block;
    -webkit-line-clamp: unset;
    overflow: visible;
  }
  .text .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.25rem;
    color: var(--_muted);
    font-size: 0.75rem;
    line-height: 1rem;
  }
  [part='show-more'] {
    margin-block-start: 0.125rem;
  }
  /* A group's people in the icon's square: one fills it; two overlap corner to corner; three make a triangle. */
  .avatars {
    position: relative;
    flex: none;
    inline-size: 2.25rem;
    block-size: 2.25rem;
  }
  .avatar {
    position: absolute;
    box-sizing: border-box;
    display: grid;
    place-items: center;
    inline-size: 1.375rem;
    block-size: 1.375rem;
    border: 2px solid var(--_surface);
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.5625rem;
    font-weight: 700;
    object-fit: cover;
  }
  .avatar:only-child {
    inline-size: 2.25rem;
    block-size: 2.25rem;
    font-size: 0.75rem;
  }
  .avatar:nth-child(1) {
    inset-block-start: 0;
    inset-inline-start: 0;
    z-index: 3;
  }
  .avatar:nth-child(2) {
    inset-block-start: 0.875rem;
    inset-inline-start: 0.875rem;
    z-index: 2;
  }
  .avatar:nth-child(2):nth-last-child(2) {
    inset-block-start: 0;
  }
  .avatar:nth-child(3) {
    inset-block-start: 0.875rem;
    inset-inline-start: 0.4375rem;
    z-index: 1;
  }
  /* A group's disclosure: the chevron points down, and up once open. */
  .group-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-block-size: 1.5rem;
    margin-block-start: 0.25rem;
  }
  .group-toggle svg {
    inline-size: 1rem;
    block-size: 1rem;
    rotate: 90deg;
  }
  .group-toggle[aria-expanded='true'] svg {
    rotate: -90deg;
  }
  /* A member of an expanded group, under it: indented by the icon's width. */
  .row.member {
    padding-inline-start: calc(var(--_inset) + 1.5rem);
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
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  .answered {
    color: var(--_muted);
    font-style: italic;
  }
  .text .note {
    margin-block-start: 0.5rem;
  }
  /* The row's own buttons, in a column ending at the inset: Dismiss, then "Turn off…". */
  .tools {
    display: grid;
    gap: 0.25rem;
    margin-block: -0.25rem;
  }
  .tools .icon-button {
    color: var(--_muted);
  }
  .tools .icon-button:hover {
    color: var(--_text);
  }
  .state {
    padding: 1rem var(--_inset);
  }
  .loading-more {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0.5rem;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  /* The Snooze menu (snooze-menu.ts), in the top layer beside its button. */
  .snooze-menu {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0.25rem;
    min-inline-size: 13rem;
    max-inline-size: calc(100vw - 16px);
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  .snooze-menu [role='menuitem'] {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    inline-size: 100%;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-radius: 0.375rem;
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: 0.875rem;
    text-align: start;
    cursor: pointer;
  }
  .snooze-menu [role='menuitem']:hover,
  .snooze-menu [role='menuitem']:focus-visible {
    background: var(--_hover);
  }
  .snooze-menu .when {
    color: var(--_muted);
  }
  .snooze-menu form {
    display: grid;
    gap: 0.5rem;
    padding: 0.5rem;
  }
  .snooze-menu label {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
    font-weight: 600;
  }
  .snooze-menu input {
    font: inherit;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: 0.375rem;
    background: var(--_surface);
    color: inherit;
    color-scheme: inherit;
  }
  .snooze-menu .form-buttons {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
  }
`;
