import { css } from 'lit';

export const bellStyles = css`
  .bell-wrap {
    position: relative;
    display: inline-block;
  }
  .bell {
    position: relative;
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    inline-size: var(--pd-bell-size, 2.5rem);
    block-size: var(--pd-bell-size, 2.5rem);
    padding: 0;
    border: 1px solid transparent;
    border-radius: 999px;
    background: var(--pd-bell-background, transparent);
    /* The host header's text colour (the element sets none), whatever the theme. */
    color: var(--pd-bell-color, currentColor);
    cursor: pointer;
    text-decoration: none;
  }
  /* The host's text colour would not read on its background: the theme text that does (BellInk). */
  .bell[data-ink='light'] {
    color: #f2f2f5;
  }
  .bell[data-ink='dark'] {
    color: #1d1d22;
  }
  .bell:hover {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  .bell:focus-visible {
    outline-color: var(--pd-focus-ring-color, currentColor);
  }
  .bell svg {
    inline-size: 1.4rem;
    block-size: 1.4rem;
  }
  /* Anchored just past the middle of the icon, growing away from it (to the end): a larger count
     covers no more of the icon than its top corner. */
  .badge {
    position: absolute;
    inset-block-start: 0.125rem;
    inset-inline-start: calc(50% + 0.1875rem);
    box-sizing: border-box;
    min-inline-size: 1.125rem;
    block-size: 1.125rem;
    padding-inline: 0.3125rem;
    border-radius: 999px;
    background: var(--_badge);
    color: var(--_on-badge);
    font-size: 0.6875rem;
    font-weight: 700;
    line-height: 1.125rem;
    text-align: center;
    white-space: nowrap;
    pointer-events: none;
  }
  .badge[hidden] {
    display: none;
  }
`;
