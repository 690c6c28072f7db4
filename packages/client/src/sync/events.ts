/**
 * Stream events into the areas: each event is checked against the protocol
 * (one that is not JSON or not the protocol is reported and dropped), a
 * duplicate id is dropped, a gap in the ids or a new id space asks for a
 * resync, and the `ready` event marks where the stream stands (with the counts,
 * when the server sends them there).
 */
import {
  EVENT_CHECKS,
  parseEventId,
  wireProblem,
  type Counts,
  type EventId,
  type EventName,
  type Notification,
} from '@pd-notify/protocol/wire';
import { PdError } from '../errors.js';
import type { WireEvent } from '../realtime/types.js';
import type { Area } from './area.js';
import type { CountsArea } from './counts.js';

export interface EventRouterHooks {
  /** An error to report (once). */
  report(error: PdError): void;
  /** The stream is ready; `fresh` when it started without a position (nothing was replayed). */
  ready(fresh: boolean): void;
  /** Events were missed: `reset` when the server said so (the id is unknown or too old), else a gap. */
  missed(reset: boolean): void;
  /** A notification created on the server, new to this client. */
  created(notification: Notification): void;
}

export class EventRouter {
  #areas: readonly Area<unknown, unknown>[];
  #counts: CountsArea;
  #hooks: EventRouterHooks;
  #last: EventId | null = null;
  #lastId = '';

  constructor(areas: readonly Area<unknown, unknown>[], counts: CountsArea, hooks: EventRouterHooks) {
    this.#areas = areas;
    this.#counts = counts;
    this.#hooks = hooks;
  }

  /** The id of the last event taken ('' before any): where the stream resumes. */
  get lastEventId(): string {
    return this.#lastId;
  }

  /** Sets where the stream stands (another tab's snapshot, or a new user: ''). */
  position(id: string): void {
    this.#lastId = id;
    this.#last = id ? parseEventId(id) : null;
  }

  /** Takes one event off the wire (from this tab's stream or the leading tab's). */
  apply(wire: WireEvent): void {
    const name = wire.event as EventName;
    const check = EVENT_CHECKS[name];
    if (!check) return; // an event this client does not know: forward compatible
    let data: unknown;
    try {
      data = JSON.parse(wire.data);
    } catch (cause) {
      this.#hooks.report(new PdError('invalid-response', `The ${name} event's data is not JSON`, { cause }));
      return;
    }
    const problem = wireProblem(check, data);
    if (problem) {
      this.#hooks.report(
        new PdError('invalid-response', `The ${name} event does not follow the protocol at ${problem}`),
      );
      return;
    }
    const id = parseEventId(wire.id);
    const last = this.#last;
    let gap = false;
    if (id && last && id.epoch === last.epoch) {
      if (name !== 'ready' && name !== 'reset' && id.seq <= last.seq) return; // a duplicate
      gap = id.seq > last.seq + 1;
    } else if (id && last && name !== 'reset') {
      gap = true; // a new id space without a reset
    }
    if (id) {
      this.#last = id;
      this.#lastId = wire.id;
    }
    if (name === 'ready') {
      this.#hooks.ready(last === null);
      const counts = (data as { counts?: Counts }).counts;
      if (counts) this.#counts.take(counts);
    } else if (name === 'reset') {
      this.#hooks.missed(true);
      return;
    } else {
      if (name === 'notification.created') this.#hooks.created(data as Notification);
      for (const area of this.#areas) area.apply(name, data);
    }
    if (gap) this.#hooks.missed(false);
  }
}
