/**
 * Leader election over a BroadcastChannel, for browsers without Web Locks. The
 * leader announces itself with a heartbeat; when heartbeats stop (its tab closed
 * or crashed) or it abdicates, the others claim, and of competing claims the
 * lowest tab id wins. Two leaders (a partition healed) settle the same way.
 */
export type ElectionMessage =
  { type: 'beat'; tab: string } | { type: 'claim'; tab: string } | { type: 'abdicate'; tab: string };

export interface ElectionTimings {
  beatMs: number;
  /** Heartbeats missed this long mean the leader is gone. */
  timeoutMs: number;
  /** How long a claim waits for a better one. */
  claimMs: number;
}

const DEFAULT_TIMINGS: ElectionTimings = { beatMs: 1000, timeoutMs: 3000, claimMs: 300 };

export class BroadcastElection {
  #tab: string;
  #post: (message: ElectionMessage) => void;
  #lead: () => Promise<void>;
  #resign: () => void;
  #timings: ElectionTimings;
  #lastBeat = 0;
  #leading = false;
  #claimTimer: ReturnType<typeof setTimeout> | undefined;
  #checkTimer: ReturnType<typeof setInterval> | undefined;
  #beatTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    tab: string,
    post: (message: ElectionMessage) => void,
    lead: () => Promise<void>,
    resign: () => void,
    timings: ElectionTimings = DEFAULT_TIMINGS,
  ) {
    this.#tab = tab;
    this.#post = post;
    this.#lead = lead;
    this.#resign = resign;
    this.#timings = timings;
  }

  start(): void {
    // A leader answers a newcomer's hello with its state within one heartbeat; wait that long first.
    this.#lastBeat = Date.now() - this.#timings.timeoutMs + this.#timings.beatMs;
    this.#checkTimer = setInterval(() => this.#check(), this.#timings.beatMs / 4);
  }

  stop(): void {
    clearInterval(this.#checkTimer);
    clearTimeout(this.#claimTimer);
    this.#claimTimer = undefined;
    if (this.#leading) this.#post({ type: 'abdicate', tab: this.#tab });
    this.#stopLeading();
  }

  receive(message: ElectionMessage): void {
    if (message.tab === this.#tab) return;
    if (message.type === 'beat') {
      this.#lastBeat = Date.now();
      this.#cancelClaim();
      if (this.#leading && message.tab < this.#tab) {
        this.#stopLeading();
        this.#resign();
      }
    } else if (message.type === 'claim') {
      if (this.#leading) this.#post({ type: 'beat', tab: this.#tab });
      else if (this.#claimTimer && message.tab < this.#tab) {
        this.#cancelClaim();
        this.#lastBeat = Date.now();
      }
    } else {
      this.#lastBeat = 0;
      this.#check();
    }
  }

  #check(): void {
    if (this.#leading || this.#claimTimer) return;
    if (Date.now() - this.#lastBeat < this.#timings.timeoutMs) return;
    this.#post({ type: 'claim', tab: this.#tab });
    this.#claimTimer = setTimeout(() => {
      this.#claimTimer = undefined;
      this.#becomeLeader();
    }, this.#timings.claimMs);
  }

  #cancelClaim(): void {
    clearTimeout(this.#claimTimer);
    this.#claimTimer = undefined;
  }

  #becomeLeader(): void {
    this.#leading = true;
    this.#post({ type: 'beat', tab: this.#tab });
    this.#beatTimer = setInterval(() => this.#post({ type: 'beat', tab: this.#tab }), this.#timings.beatMs);
    void this.#lead().finally(() => this.#stopLeading());
  }

  #stopLeading(): void {
    this.#leading = false;
    clearInterval(this.#beatTimer);
  }
}
