import { css } from 'lit';

export const feedStyles = css`
  :host {
    display: inline-block;
    position: relative;
  }
  :host([inline]) {
    display: block;
    block-size: var(--pd-feed-height, 36rem);
  }
  .panel {
    box-sizing: border-box;
    inline-size: var(--pd-panel-width, 24rem);
    max-inline-size: calc(100vw - 16px);
    max-block-size: var(--pd-panel-max-height, 32rem);
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  .panel[popover] {
    position: fixed;
    inset: auto;
    /* A definite height, so the virtualized list has room: the smaller of the
       configured height and the space below the bell (set when it opens). */
    block-size: min(var(--pd-panel-max-height, 32rem), var(--_available, 32rem));
  }
  .panel[popover]:not(:popover-open) {
    display: none;
  }
  :host([inline]) .panel {
    inline-size: 100%;
    max-block-size: none;
    block-size: 100%;
    box-shadow: none;
  }
  .header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem 0.75rem 0.5rem 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1rem;
    font-weight: 650;
    flex: 1;
  }
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
  .tabs {
    display: flex;
    gap: 0.25rem;
    padding: 0 0.75rem 0.5rem;
    overflow-x: auto;
    scrollbar-width: thin;
    border-block-end: 1px solid var(--_border);
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
  .body {
    flex: 1;
    min-block-size: 0;
    display: flex;
    flex-direction: column;
  }
  .list {
    flex: 1;
    min-block-size: 0;
    overflow: auto;
    contain: strict;
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
  .loading {
    padding: 0.5rem 1rem;
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
