/** Registers `<pd-activity-feed>` (and the `<lit-virtualizer>` it renders rows with). */
import { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import { PdActivityFeed } from '../activity-feed/pd-activity-feed.js';
import { define } from '../define.js';

define('lit-virtualizer', LitVirtualizer);
define('pd-activity-feed', PdActivityFeed);

export { PdActivityFeed };

declare global {
  interface HTMLElementTagNameMap {
    'pd-activity-feed': PdActivityFeed;
  }
}
