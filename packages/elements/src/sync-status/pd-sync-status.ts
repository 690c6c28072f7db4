import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientController } from '../client-controller.js';
import { PdElement } from '../pd-element.js';
import { tokens } from '../styles/tokens.js';

/**
 * The file-sync progress of an accepted track (SPEC IN8), from the client's
 * `$syncProgress`: an accessible progress bar with its text ("Syncing files:
 * 3 of 12"), gone once the sync is done. Small enough for a cell of the host's
 * track grid.
 *
 * @csspart progress - The progress bar's track.
 * @csspart bar - The filled part.
 * @csspart label - The text.
 * @cssproperty --pd-color-accent - The filled part's colour.
 * @cssproperty --pd-color-edge - The track's edge (3:1 on the surface).
 * @cssproperty --pd-color-surface - The track's inside.
 * @cssproperty --pd-color-text-muted - The text's colour.
 *
 * @tag pd-sync-status
 */
export class PdSyncStatus extends PdElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        min-inline-size: 8rem;
      }
      /* The track: an edge that reads at 3:1 on the surface (light and dark), the fill in the accent. */
      .progress {
        box-sizing: border-box;
        block-size: 0.5rem;
        border: 1px solid var(--_edge);
        border-radius: 999px;
        background: var(--_surface);
        overflow: hidden;
      }
      .bar {
        block-size: 100%;
        background: var(--_accent);
        transition: inline-size 200ms ease-out;
      }
      .label {
        display: block;
        margin-block-start: 0.25rem;
        font-size: 0.75rem;
        color: var(--_muted);
      }
    `,
  ];

  /** The track whose files are syncing. */
  @property({ attribute: 'track-id', reflect: true }) trackId: string | null = null;

  #client = new ClientController(this, (client) => [client.$syncProgress]);

  override render() {
    const sync = this.trackId ? this.#client.client?.$syncProgress.get()[this.trackId] : undefined;
    if (!sync || sync.done) return nothing;
    const t = this.strings;
    const text = t.syncing(sync.filesDone, sync.filesTotal);
    const share = sync.filesTotal > 0 ? (sync.filesDone / sync.filesTotal) * 100 : 0;
    return html`<div
        part="progress"
        class="progress"
        role="progressbar"
        aria-label=${t.syncLabel}
        aria-valuemin="0"
        aria-valuemax=${sync.filesTotal}
        aria-valuenow=${sync.filesDone}
        aria-valuetext=${text}
      >
        <!-- Through the CSSOM (a property), not a style attribute: a strict CSP refuses those. -->
        <div part="bar" class="bar" .style=${`inline-size: ${share}%`}></div>
      </div>
      <span part="label" class="label" aria-hidden="true">${text}</span>`;
  }
}
