/**
 * The host of seen-marker.browser.test.ts: a scrolling list (200 px tall, rows
 * of `--row` px, 50 by default) with a {@link SeenMarker}, recording each
 * `mark()` call. Also loaded alone in an iframe (its own document, so its own
 * `document.hidden`), which registers `<seen-list-host>` there.
 */
import { css, html, LitElement } from 'lit';
import { SeenMarker } from '../src/activity-feed/seen-marker.js';

export interface Item {
  id: string;
  seen: boolean;
}

export interface MarkCall {
  ids: string[];
  /** `performance.now()` when mark() was called. */
  at: number;
}

export class SeenListHost extends LitElement {
  static override styles = css`
    ul {
      height: 200px;
      overflow: auto;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      height: var(--row, 50px);
      box-sizing: border-box;
      overflow: hidden;
    }
  `;

  items: Item[] = Array.from({ length: 30 }, (_, index) => ({ id: `n${index}`, seen: false }));
  /** What `shown()` answers. */
  shown = true;
  calls: MarkCall[] = [];
  /** mark() rejects while set. */
  failing = false;
  /** A successful mark() shows the ids seen (as the client's optimistic markSeen does). */
  showsSeen = true;

  marker = new SeenMarker(this, {
    scroller: () => this.renderRoot.querySelector('ul'),
    rows: () => this.renderRoot.querySelectorAll('li'),
    unseenOf: (row) => {
      const item = this.items[Number(row.dataset.index)];
      return item && !item.seen ? [item.id] : [];
    },
    shown: () => this.shown,
    mark: async (ids) => {
      this.calls.push({ ids, at: performance.now() });
      if (this.failing) throw new Error('offline');
      if (!this.showsSeen) return;
      for (const item of this.items) if (ids.includes(item.id)) item.seen = true;
      this.requestUpdate();
    },
  });

  /** The list. */
  get list(): HTMLElement {
    return this.renderRoot.querySelector('ul')!;
  }

  override render() {
    return html`<ul>
      ${this.items.map((item, index) => html`<li data-index=${index}>${item.id}</li>`)}
    </ul>`;
  }
}

if (!customElements.get('seen-list-host')) customElements.define('seen-list-host', SeenListHost);

declare global {
  interface HTMLElementTagNameMap {
    'seen-list-host': SeenListHost;
  }
}
