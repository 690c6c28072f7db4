import { css } from 'lit';

export const preferencesStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    padding: var(--pd-form-padding, 1rem);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .form {
    display: grid;
    gap: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.5rem;
  }
  /* Two columns filled row by row, in the DOM's (and Tab's) order; a row is as tall as its
     tallest category (an open one) and the other stretches beside it: no hole. */
  .categories {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  /* An odd one out (System) takes the whole last row: no ragged, half-empty column. */
  .category:last-child:nth-child(odd) {
    grid-column: 1 / -1;
  }
  @container (max-width: 40rem) {
    .categories {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .category {
    padding: 0.75rem var(--_inset);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .category-head {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  h3 {
    flex: 1;
    margin: 0;
    font-size: 0.875rem;
    font-weight: 650;
    line-height: 1.25rem;
  }
  /* What the category produces, as the feed shows it: its icons and tabs. */
  .in-feed {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem;
    margin: 0.375rem 0 0;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .in-feed .icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }
  .in-feed .icon svg {
    inline-size: 0.875rem;
    block-size: 0.875rem;
  }
  .in-feed > span:last-child {
    margin-inline-start: 0.25rem;
  }
  .switch {
    position: relative;
    flex: none;
    inline-size: 2.6rem;
    block-size: 1.5rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: var(--_edge);
    cursor: pointer;
    transition: background-color 150ms;
  }
  .switch[aria-checked='true'] {
    background: var(--_accent);
  }
  .thumb {
    position: absolute;
    inset-block-start: 0.2rem;
    inset-inline-start: 0.2rem;
    inline-size: 1.1rem;
    block-size: 1.1rem;
    border-radius: 50%;
    background: var(--_surface);
    transition: transform 150ms;
  }
  .switch[aria-checked='true'] .thumb {
    transform: translateX(1.1rem);
  }
  :host(:dir(rtl)) .switch[aria-checked='true'] .thumb {
    transform: translateX(-1.1rem);
  }
  /* A disclosure: the chevron points down, and up once open, on a filled disc. */
  .disclosure svg {
    rotate: 90deg;
    transition: rotate 150ms;
  }
  .disclosure[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_accent) var(--_tint), var(--_surface));
    color: var(--_accent);
  }
  .disclosure[aria-expanded='true'] svg {
    rotate: -90deg;
  }
  .options[hidden] {
    display: none;
  }
  fieldset {
    margin: 0.75rem 0 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 0.35rem;
    padding: 0;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.25rem 0;
    font-size: 0.875rem;
    line-height: 1.25rem;
    cursor: pointer;
  }
  /* Checkboxes and radios in the switches' family: the native input, drawn in the theme. */
  .control {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin-block-start: 0.0625rem;
  }
  .control > * {
    grid-area: 1 / 1;
  }
  .control input {
    appearance: none;
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    border: 2px solid var(--_edge);
    border-radius: 0.3125rem;
    background: var(--_surface);
    cursor: pointer;
  }
  .control input:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  .control svg {
    inline-size: 0.75rem;
    block-size: 0.75rem;
    stroke-width: 3.5;
    color: var(--_on-accent);
    pointer-events: none;
    visibility: hidden;
  }
  .control input:checked + svg {
    visibility: visible;
  }
  .radio input {
    border-radius: 50%;
  }
  .radio input:checked {
    background: var(--_surface);
    box-shadow:
      inset 0 0 0 0.1875rem var(--_surface),
      inset 0 0 0 1rem var(--_accent);
  }
  /* Forced colours drop backgrounds and shadows (the drawn dot): the browser's own controls there. */
  @media (forced-colors: active) {
    .control input {
      appearance: auto;
    }
    .control svg {
      display: none;
    }
  }
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  [part='warning'] {
    margin-block-start: 0.75rem;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  .browser {
    padding: 0.75rem var(--_inset);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .browser h3 {
    margin-block-end: 0.35rem;
  }
  /* A phone (a 360 px page): the boxes' inset gives way a little, so that
     "Turn on browser notifications" stays on one line in every engine's font. */
  @container (max-width: 20rem) {
    .category,
    .browser {
      padding-inline: calc(var(--_inset) * 0.75);
    }
  }
`;
