import { formatEventId, parseEventId, type EventDataMap, type EventName } from '@pd-notify/protocol';

/** One event as stored in a user's log, its data serialised (in English; `texts.ts` writes it in other languages). */
export interface LoggedEvent {
  id: string;
  seq: number;
  event: EventName;
  data: unknown;
  json: string;
}

/** What a stream must send first for a given `Last-Event-ID`. */
export type Resume =
  { kind: 'fresh' } | { kind: 'replay'; events: LoggedEvent[] } | { kind: 'reset'; reason: 'unknown-id' | 'too-old' };

type Listener = (event: LoggedEvent) => void;

interface UserLog {
  seq: number;
  events: LoggedEvent[];
  listeners: Set<Listener>;
}

/**
 * Per-user event logs: ids that increase per user, a bounded replay window, and
 * the live listeners (open streams). The epoch names the id space; a restart
 * without the log starts a new one, so old ids are recognised as unknown.
 */
export class EventLog {
  #epoch = newEpoch();
  #users = new Map<string, UserLog>();

  constructor(readonly capacity = 1000) {}

  get epoch(): string {
    return this.#epoch;
  }

  /** Forgets every log and starts a new id space (as a restarted server would). */
  restart(): void {
    this.#epoch = newEpoch();
    for (const log of this.#users.values()) {
      log.seq = 0;
      log.events = [];
    }
  }

  /** The id of the user's newest event (`<epoch>-0` before the first). */
  latestId(userId: string): string {
    return formatEventId({ epoch: this.#epoch, seq: this.#log(userId).seq });
  }

  append<K extends EventName>(userId: string, event: K, data: EventDataMap[K]): LoggedEvent {
    const log = this.#log(userId);
    const seq = ++log.seq;
    const logged: LoggedEvent = {
      id: formatEventId({ epoch: this.#epoch, seq }),
      seq,
      event,
      data,
      json: JSON.stringify(data),
    };
    log.events.push(logged);
    if (log.events.length > this.capacity) log.events.splice(0, log.events.length - this.capacity);
    for (const listener of log.listeners) listener(logged);
    return logged;
  }

  /** Decides between a replay of what was missed and a reset. `lastEventId` must be well-formed. */
  resume(userId: string, lastEventId: string | undefined): Resume {
    if (lastEventId === undefined) return { kind: 'fresh' };
    const parsed = parseEventId(lastEventId);
    const log = this.#log(userId);
    if (!parsed || parsed.epoch !== this.#epoch || parsed.seq > log.seq) {
      return { kind: 'reset', reason: 'unknown-id' };
    }
    const oldest = log.events[0]?.seq ?? log.seq + 1;
    if (parsed.seq < oldest - 1) return { kind: 'reset', reason: 'too-old' };
    return { kind: 'replay', events: log.events.filter((event) => event.seq > parsed.seq) };
  }

  subscribe(userId: string, listener: Listener): () => void {
    const listeners = this.#log(userId).listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  #log(userId: string): UserLog {
    let log = this.#users.get(userId);
    if (!log) {
      log = { seq: 0, events: [], listeners: new Set() };
      this.#users.set(userId, log);
    }
    return log;
  }
}

function newEpoch(): string {
  return Math.floor(Math.random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
}
