/** Registers `<pd-activity-feed>`. */
import { PdActivityFeed } from '../activity-feed/pd-activity-feed.js';
import { define } from '../define.js';

define('pd-activity-feed', PdActivityFeed);

export { PdActivityFeed };

declare global {
  interface HTMLElementTagNameMap {
    'pd-activity-feed': PdActivityFeed;
  }
}
