/**
 * The realtime link as the client sees it: this tab's own (in Node, workers and
 * pages that do not share), or one shared by the user's tabs (`tab-link.ts`,
 * loaded only by pages that share).
 */
import type { Environment } from '../env.js';
import type { QueueMessage } from '../offline/queue.js';
import type { AreaName, SharedResult } from '../sync/area.js';
import type { LoaderSource, TabSnapshot } from '../sync/loader.js';
import type { Realtime } from './realtime.js';
import type { RealtimeHandlers } from './types.js';

/** What a tab tells the others: a change's result, or news of the queue of changes waiting. */
export type Shared = SharedResult | { kind: 'queue'; message: QueueMessage };

export interface LinkHandlers extends RealtimeHandlers {
  onShared(result: Shared): void;
  /** A leading tab's state, sent to all after its resync. */
  onSnapshot(snapshot: TabSnapshot): void;
  /** Leader: what this tab can give of these areas. */
  collect(names: AreaName[]): Promise<TabSnapshot>;
  /** This tab started or stopped leading. */
  onLeading(leading: boolean): void;
}

export interface Link extends LoaderSource {
  start(): void;
  stop(): void;
  share(result: Shared): void;
  /** Leader: sends this tab's state to every other tab. */
  broadcast(snapshot: TabSnapshot): void;
  /** Tries at once whatever the link is waiting to retry. */
  wake(): void;
}

/** Makes the realtime link, resuming from the last event id this tab has seen. */
export type RealtimeFactory = (handlers: RealtimeHandlers, env: Environment) => Realtime;

/** A link of its own, for environments without tab coordination. */
export function ownLink(factory: RealtimeFactory, env: Environment, handlers: LinkHandlers): Link {
  let realtime: Realtime | null = null;
  return {
    leading: true,
    start() {
      realtime ??= factory(handlers, env);
      realtime.start();
    },
    stop() {
      realtime?.stop();
      realtime = null;
    },
    wake() {
      realtime?.wake();
    },
    share() {},
    broadcast() {},
    request: () => Promise.resolve(null),
  };
}

/** Whether tabs can share one link here: only in pages (Node 21+ has the globals too). */
export function canShareAcrossTabs(): boolean {
  return typeof document !== 'undefined' && typeof BroadcastChannel !== 'undefined';
}
