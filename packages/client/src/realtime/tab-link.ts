/**
 * One stream per browser and user. Tabs of the same user elect a leader with Web
 * Locks (or, without them, over the BroadcastChannel itself); the leader holds
 * the realtime link and shares every event, its connection state and its errors
 * over a BroadcastChannel, answers a newcomer's request for state with what it
 * has loaded (so the newcomer need not load it again), and sends its state to
 * all after a resync. Followers tell it whether they are visible (so a visible
 * follower keeps the link up while the leader's own tab is hidden). When the
 * leader's tab closes, its lock is released (or its heartbeat stops) and the
 * next tab takes over, resuming from the last event id it has seen. Only pages
 * share: without a `document` (Node, workers) each client holds its own link.
 */
import type { Problem } from '@pd-notify/protocol/wire';
import { PdError, type PdErrorKind } from '../errors.js';
import type { Environment } from '../env.js';
import type { AreaName } from '../sync/area.js';
import type { TabSnapshot } from '../sync/loader.js';
import type { BroadcastElection, ElectionMessage } from './broadcast-election.js';
import type { Link, LinkHandlers, RealtimeFactory, Shared } from './link.js';
import type { Realtime } from './realtime.js';
import type { LinkState, WireEvent } from './types.js';

/** A PdError as it crosses to another tab (structured clone keeps no class). */
interface PdErrorData {
  kind: PdErrorKind;
  message: string;
  status?: number;
  problem?: Problem;
  retryAfterMs?: number;
}

function errorData(error: PdError): PdErrorData {
  return {
    kind: error.kind,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.problem === undefined ? {} : { problem: error.problem }),
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  };
}

function errorFromData({ kind, message, ...details }: PdErrorData): PdError {
  return new PdError(kind, message, details);
}

type WireState = Omit<LinkState, 'error'> & { error: PdErrorData | null };

type Message =
  | { type: 'event'; wire: WireEvent }
  | { type: 'state'; state: WireState }
  | { type: 'error'; error: PdErrorData }
  | { type: 'shared'; result: Shared }
  | { type: 'want'; tab: string; request: number; areas: AreaName[] }
  | { type: 'snapshot'; to: string | null; request: number; snapshot: TabSnapshot }
  | { type: 'wake' }
  | { type: 'hello'; tab: string; hidden: boolean }
  | { type: 'visibility'; tab: string; hidden: boolean }
  | { type: 'bye'; tab: string }
  | ElectionMessage;

/** How long a follower waits for the leader's answer before loading by itself. */
const ANSWER_TIMEOUT_MS = 3000;

export class TabLink implements Link {
  #key: string;
  #factory: RealtimeFactory;
  #env: Environment;
  #handlers: LinkHandlers;
  #tab = Math.random().toString(36).slice(2);
  #channel: BroadcastChannel | null = null;
  #abort: AbortController | null = null;
  #leaderState: WireState | null = null;
  #realtime: Realtime | null = null;
  /** Followers' visibility, as the leader knows it. */
  #followers = new Map<string, boolean>();
  #envListeners = new Set<() => void>();
  #unwatch: (() => void) | null = null;
  #resign: (() => void) | null = null;
  #election: BroadcastElection | null = null;
  #requests = new Map<number, (snapshot: TabSnapshot | null) => void>();
  #nextRequest = 1;

  constructor(key: string, factory: RealtimeFactory, env: Environment, handlers: LinkHandlers) {
    this.#key = key;
    this.#factory = factory;
    this.#env = env;
    this.#handlers = handlers;
  }

  get leading(): boolean {
    return this.#realtime !== null;
  }

  start(): void {
    if (this.#channel) return;
    const channel = new BroadcastChannel(`pd-notify:${this.#key}`);
    this.#channel = channel;
    channel.onmessage = (message: MessageEvent<Message>) => this.#receive(message.data);
    this.#handlers.onState({
      status: 'connecting',
      reason: 'waiting for the tab that holds the stream',
      error: null,
      retryAt: null,
    });
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
    this.#answerAll(null);
  }

  share(result: Shared): void {
    this.#post({ type: 'shared', result });
  }

  broadcast(snapshot: TabSnapshot): void {
    if (this.leading) this.#post({ type: 'snapshot', to: null, request: 0, snapshot });
  }

  wake(): void {
    if (this.#realtime) this.#realtime.wake();
    else this.#post({ type: 'wake' });
  }

  request(areas: AreaName[]): Promise<TabSnapshot | null> {
    if (this.leading || !this.#channel) return Promise.resolve(null);
    const request = this.#nextRequest++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => answer(null), ANSWER_TIMEOUT_MS);
      const answer = (snapshot: TabSnapshot | null): void => {
        clearTimeout(timer);
        this.#requests.delete(request);
        resolve(snapshot);
      };
      this.#requests.set(request, answer);
      this.#post({ type: 'want', tab: this.#tab, request, areas });
    });
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
    const realtime = this.#factory(
      {
        onEvent: (wire) => {
          this.#handlers.onEvent(wire);
          this.#post({ type: 'event', wire });
        },
        onState: (state) => {
          this.#leaderState = wireState(state);
          this.#handlers.onState(state);
          this.#post({ type: 'state', state: this.#leaderState });
        },
        onResync: () => this.#handlers.onResync(),
        onError: (error) => {
          this.#handlers.onError(error);
          this.#post({ type: 'error', error: errorData(error) });
        },
      },
      env,
    );
    this.#realtime = realtime;
    // Requests waiting for a leader that is now this tab: it loads for itself.
    this.#answerAll(null);
    this.#handlers.onLeading(true);
    realtime.start();
    await new Promise<void>((resolve) => (this.#resign = resolve));
    realtime.stop();
    this.#realtime = null;
    this.#handlers.onLeading(false);
  }

  #receive(message: Message): void {
    switch (message.type) {
      case 'event':
        this.#handlers.onEvent(message.wire);
        break;
      case 'state': {
        const { error, ...state } = message.state;
        this.#handlers.onState({ ...state, error: error && errorFromData(error) });
        break;
      }
      case 'error':
        this.#handlers.onError(errorFromData(message.error));
        break;
      case 'shared':
        this.#handlers.onShared(message.result);
        break;
      case 'want':
        if (this.leading) {
          void this.#handlers
            .collect(message.areas)
            .then((snapshot) => this.#post({ type: 'snapshot', to: message.tab, request: message.request, snapshot }));
        }
        break;
      case 'snapshot':
        if (message.to === null) this.#handlers.onSnapshot(message.snapshot);
        else if (message.to === this.#tab) this.#requests.get(message.request)?.(message.snapshot);
        break;
      case 'wake':
        this.#realtime?.wake();
        break;
      case 'hello':
      case 'visibility':
        this.#followers.set(message.tab, message.hidden);
        if (message.type === 'hello' && this.leading && this.#leaderState)
          this.#post({ type: 'state', state: this.#leaderState });
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

  #answerAll(snapshot: TabSnapshot | null): void {
    for (const answer of [...this.#requests.values()]) answer(snapshot);
  }

  #notifyEnv(): void {
    for (const listener of this.#envListeners) listener();
  }

  #post(message: Message): void {
    this.#channel?.postMessage(message);
  }
}

function wireState(state: LinkState): WireState {
  return { ...state, error: state.error && errorData(state.error) };
}
