/**
 * One stream per browser and user. Tabs of the same user elect a leader with Web
 * Locks (or, without them, over the BroadcastChannel itself); the leader holds the realtime link and shares every event, its
 * connection state and resync requests over a BroadcastChannel; the followers
 * tell it whether they are visible (so a visible follower keeps the link up
 * while the leader's own tab is hidden). When the leader's tab closes, its lock
 * is released (or its heartbeat stops) and the next tab takes over, resuming
 * from the last event id all tabs have seen. Without BroadcastChannel (Node),
 * each client holds its own link.
 */
import { PdError } from '../errors.js';
import type { SharedResult } from '../sync/engine.js';
import type { Environment } from '../env.js';
import type { BroadcastElection, ElectionMessage } from './broadcast-election.js';
import type { Realtime } from './realtime.js';
import type { ConnectionState, RealtimeHandlers, WireEvent } from './types.js';

export interface LinkHandlers extends RealtimeHandlers {
  onShared(result: SharedResult): void;
}

export interface Link {
  start(): void;
  stop(): void;
  share(result: SharedResult): void;
}

export type RealtimeFactory = (handlers: RealtimeHandlers, env: Environment, lastEventId: string) => Realtime;

type Message =
  | { type: 'event'; wire: WireEvent }
  | {
      type: 'state';
      state: { status: ConnectionState['status']; reason: string | null; error: string | null };
      lastEventId: string;
    }
  | { type: 'resync' }
  | { type: 'shared'; result: SharedResult }
  | { type: 'hello'; tab: string; hidden: boolean }
  | { type: 'visibility'; tab: string; hidden: boolean }
  | { type: 'bye'; tab: string }
  | ElectionMessage;

/** A link of its own, for environments without tab coordination. */
export function ownLink(factory: RealtimeFactory, env: Environment, handlers: LinkHandlers): Link {
  let realtime: Realtime | null = null;
  return {
    start() {
      realtime ??= factory(handlers, env, '');
      realtime.start();
    },
    stop() {
      realtime?.stop();
    },
    share() {},
  };
}

export function canShareAcrossTabs(): boolean {
  return typeof BroadcastChannel !== 'undefined' && typeof navigator !== 'undefined';
}

export class TabLink implements Link {
  #key: string;
  #factory: RealtimeFactory;
  #env: Environment;
  #handlers: LinkHandlers;
  #tab = Math.random().toString(36).slice(2);
  #channel: BroadcastChannel | null = null;
  #abort: AbortController | null = null;
  #lastEventId = '';
  #leaderState: ConnectionState | null = null;
  /** Followers' visibility, as the leader knows it. */
  #followers = new Map<string, boolean>();
  #envListeners = new Set<() => void>();
  #unwatch: (() => void) | null = null;
  #resign: (() => void) | null = null;
  #election: BroadcastElection | null = null;

  constructor(key: string, factory: RealtimeFactory, env: Environment, handlers: LinkHandlers) {
    this.#key = key;
    this.#factory = factory;
    this.#env = env;
    this.#handlers = handlers;
  }

  start(): void {
    if (this.#channel) return;
    const channel = new BroadcastChannel(`pd-notify:${this.#key}`);
    this.#channel = channel;
    channel.onmessage = (message: MessageEvent<Message>) => this.#receive(message.data);
    this.#handlers.onState({ status: 'connecting', reason: 'waiting for the tab that holds the stream', error: null });
    this.#post({ type: 'hello', tab: this.#tab, hidden: this.#env.hidden() });
    this.#unwatch = this.#env.watch(() => {
      this.#post({ type: 'visibility', tab: this.#tab, hidden: this.#env.hidden() });
      this.#notifyEnv();
    });
    if (!navigator.locks) {
      // Only pages without Web Locks (plain http other than localhost) load the fallback election.
      void import('./broadcast-election.js').then(({ BroadcastElection }) => {
        if (this.#channel !== channel) return; // stopped meanwhile
        this.#election = new BroadcastElection(
          this.#tab,
          (message) => this.#post(message),
          () => this.#lead(),
          () => this.#resign?.(),
        );
        this.#election.start();
      });
      return;
    }
    this.#abort = new AbortController();
    navigator.locks
      .request(`pd-notify:${this.#key}`, { signal: this.#abort.signal }, () => this.#lead())
      .catch(() => {
        // aborted by stop() while waiting: nothing to do
      });
  }

  stop(): void {
    if (!this.#channel) return;
    this.#post({ type: 'bye', tab: this.#tab });
    this.#election?.stop();
    this.#election = null;
    this.#abort?.abort();
    this.#resign?.();
    this.#unwatch?.();
    this.#channel.close();
    this.#channel = null;
  }

  share(result: SharedResult): void {
    this.#post({ type: 'shared', result });
  }

  async #lead(): Promise<void> {
    if (!this.#channel) return;
    const env: Environment = {
      hidden: () => this.#env.hidden() && [...this.#followers.values()].every((hidden) => hidden),
      online: () => this.#env.online(),
      watch: (onChange) => {
        this.#envListeners.add(onChange);
        return () => this.#envListeners.delete(onChange);
      },
    };
    // With the last event id, the stream replays what this tab missed; without one
    // (no event seen yet), a resync once the stream is ready closes the gap.
    let resyncWhenReady = this.#lastEventId === '';
    const realtime = this.#factory(
      {
        onEvent: (wire) => {
          this.#lastEventId = wire.id || this.#lastEventId;
          this.#handlers.onEvent(wire);
          this.#post({ type: 'event', wire });
          if (wire.event === 'ready' && resyncWhenReady) {
            resyncWhenReady = false;
            this.#handlers.onResync();
          }
        },
        onState: (state) => {
          this.#leaderState = state;
          this.#handlers.onState(state);
          this.#postState(state);
        },
        onResync: () => {
          this.#handlers.onResync();
          this.#post({ type: 'resync' });
        },
      },
      env,
      this.#lastEventId,
    );
    realtime.start();
    await new Promise<void>((resolve) => (this.#resign = resolve));
    realtime.stop();
  }

  #receive(message: Message): void {
    switch (message.type) {
      case 'event':
        this.#lastEventId = message.wire.id || this.#lastEventId;
        this.#handlers.onEvent(message.wire);
        break;
      case 'state': {
        const { status, reason, error } = message.state;
        this.#lastEventId = message.lastEventId || this.#lastEventId;
        this.#handlers.onState({ status, reason, error: error === null ? null : new PdError('network', error) });
        break;
      }
      case 'resync':
        this.#handlers.onResync();
        break;
      case 'shared':
        this.#handlers.onShared(message.result);
        break;
      case 'hello':
      case 'visibility':
        this.#followers.set(message.tab, message.hidden);
        if (message.type === 'hello' && this.#leaderState) this.#postState(this.#leaderState);
        this.#notifyEnv();
        break;
      case 'bye':
        this.#followers.delete(message.tab);
        this.#notifyEnv();
        break;
      case 'beat':
      case 'claim':
      case 'abdicate':
        this.#election?.receive(message);
        break;
    }
  }

  #notifyEnv(): void {
    for (const listener of this.#envListeners) listener();
  }

  #postState(state: ConnectionState): void {
    this.#post({
      type: 'state',
      state: { status: state.status, reason: state.reason, error: state.error?.message ?? null },
      lastEventId: this.#lastEventId,
    });
  }

  #post(message: Message): void {
    this.#channel?.postMessage(message);
  }
}
