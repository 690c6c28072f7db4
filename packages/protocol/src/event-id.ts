/**
 * Stream event ids: `<epoch>-<sequence>`, where the epoch names one id space (it
 * changes when a server restarts without its log) and the sequence increases by
 * one per event of a user. Clients treat ids as opaque and only echo the last one
 * back in `Last-Event-ID`; servers parse them strictly.
 */
export interface EventId {
  epoch: string;
  seq: number;
}

const EVENT_ID = /^([a-z0-9]{1,16})-(\d{1,15})$/;

export function formatEventId(id: EventId): string {
  return `${id.epoch}-${id.seq}`;
}

/** Parses an event id; anything that is not exactly `<epoch>-<sequence>` gives null. */
export function parseEventId(text: string): EventId | null {
  const match = EVENT_ID.exec(text);
  if (!match) return null;
  return { epoch: match[1]!, seq: Number(match[2]) };
}
