import { css } from 'lit';

export const bellStyles = css`
  .bell-wrap {
    position: relative;
    display: inline-block;
  }
  .bell {
    position: relative;
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
  .badge {
    position: absolute;
    inset-block-start: 0.1rem;
    inset-inline-end: 0.05rem;
    min-inline-size: 1.15rem;
    block-size: 1.15rem;
    padding-inline: 0.3rem;
    box-sizing: border-box;
    border-radius: 999px;
    background: var(--_badge);
    color: var(--_on-badge);
    font-size: 0.7rem;
    font-weight: 700;
    line-height: 1.15rem;
    text-align: center;
    pointer-events: none;
  }
  .badge[hidden] {
    display: none;
  }
`;
