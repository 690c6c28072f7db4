/**
 * The server's counts (unread notifications, pending invitations): from the
 * stream's `ready` event when the server sends them there (a bell then costs
 * the stream alone), from `counts` events, or from `GET /v1/counts`. The badges'
 * stores belong to the notifications and invitations areas, which adjust these
 * numbers for their optimistic changes.
 */
import type { Counts, EventName } from '@pd-notify/protocol/wire';
import { Area } from './area.js';

export class CountsArea extends Area<Counts> {
  readonly name = 'counts';
  value: Counts = { unreadNotifications: 0, pendingInvitations: 0 };
  #listeners: (() => void)[] = [];
  /** Counts arrived from the stream while a load was in flight: they are newer than its answer. */
  #fromStream: boolean | null = null;

  /** Calls back whenever the counts change. */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  /** Counts the stream delivered (a `counts` event, or the `ready` event's). */
  take(counts: Counts): void {
    this.value = counts;
    if (this.#fromStream !== null) this.#fromStream = true;
    if (this.status !== 'ready') {
      this.status = 'ready';
      this.error = null;
    }
    this.stale = false;
    this.publish();
  }

  apply(name: EventName, data: unknown): void {
    if (name !== 'counts') return;
    this.take(data as Counts);
  }

  protected begin(): void {
    this.#fromStream = false;
  }

  protected end(): void {
    this.#fromStream = null;
  }

  protected fetch(): Promise<Counts> {
    return this.context.rest.getCounts();
  }

  protected commit(counts: Counts): void {
    if (!this.#fromStream) this.value = counts;
    this.end();
  }

  protected capture(): Counts {
    return this.value;
  }

  protected adopt(counts: Counts): void {
    this.value = counts;
  }

  protected reset(): void {
    this.value = { unreadNotifications: 0, pendingInvitations: 0 };
  }

  protected publish(): void {
    for (const listener of this.#listeners) listener();
  }
}
