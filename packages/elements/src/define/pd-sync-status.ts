/** Registers `<pd-sync-status>`. */
import { define } from '../define.js';
import { PdSyncStatus } from '../sync-status/pd-sync-status.js';

define('pd-sync-status', PdSyncStatus);

export { PdSyncStatus };

declare global {
  interface HTMLElementTagNameMap {
    'pd-sync-status': PdSyncStatus;
  }
}
