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
    font-size: 1.15rem;
  }
  /* Two columns filled row by row, in the DOM's (and Tab's) order; a row is as tall as its
     tallest category (an open one) and the other stretches beside it: no hole. */
  .categories {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  @container (max-width: 40rem) {
    .categories {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .category {
    padding: 0.75rem 0.9rem;
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
    font-size: 0.95rem;
  }
  .switch {
    position: relative;
    flex: none;
    inline-size: 2.6rem;
    block-size: 1.5rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: var(--_muted);
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
  .disclosure[aria-expanded='true'] svg {
    transform: rotate(60deg);
  }
  .disclosure svg {
    transition: transform 150ms;
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
    font-size: 0.8rem;
    font-weight: 600;
    color: var(--_muted);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.2rem 0;
    font-size: 0.9rem;
    cursor: pointer;
  }
  .check input {
    margin: 0.15rem 0 0;
    accent-color: var(--_accent);
  }
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .warning {
    margin: 0.5rem 0 0;
    font-size: 0.85rem;
    color: var(--_danger);
  }
  .banner {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_unread);
  }
  .banner p {
    margin: 0;
  }
  .banner-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  .footer .button {
    font-size: 0.9rem;
    padding: 0.5rem 1rem;
  }
  .status {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .status.error {
    color: var(--_danger);
  }
  .browser {
    padding: 0.75rem 0.9rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .browser h3 {
    margin-block-end: 0.35rem;
  }
  .state p {
    margin: 0 0 0.5rem;
  }
`;
