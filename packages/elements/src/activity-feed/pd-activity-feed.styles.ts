import { css } from 'lit';

/** The feed's own styles: the bell's host and the panel's box (its contents bring theirs when they load). */
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
    /* As tall as its content, up to the smaller of the configured height and
       the space below the bell (set when it opens); then the list scrolls. */
    max-block-size: min(var(--pd-panel-max-height, 32rem), var(--_available, 32rem));
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
    min-block-size: 2rem;
    padding: 0.75rem var(--_inset) 0.5rem;
  }
  h2 {
    margin: 0;
    font-size: 1rem;
    font-weight: 650;
    line-height: 1.5rem;
    flex: 1;
  }
  /* The host's footer (the footer slot): under the list, never scrolled away; nothing when it is empty. */
  slot[name='footer']::slotted(*) {
    display: block;
    margin: 0;
    padding: 0.75rem var(--_inset);
    border-block-start: 1px solid var(--_border);
  }
  .loading {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0.75rem var(--_inset);
    font-size: 0.875rem;
    color: var(--_muted);
  }
`;
