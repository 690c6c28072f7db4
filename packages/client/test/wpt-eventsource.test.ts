import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser, type SseMessage } from '../src/index.js';
import { WPT_VECTORS, type Vector } from './wpt-eventsource-vectors.js';

interface Outcome {
  events: SseMessage[];
  retries: number[];
  lastEventId: string;
}

function run(chunks: Uint8Array[]): Outcome {
  const outcome: Outcome = { events: [], retries: [], lastEventId: '' };
  const parser = new SseParser({
    onEvent: (event) => outcome.events.push(event),
    onRetry: (ms) => outcome.retries.push(ms),
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  outcome.lastEventId = parser.lastEventId;
  return outcome;
}

function check(vector: Vector, outcome: Outcome, how: string): void {
  const where = `${vector.source} (${how})`;
  assert.deepEqual(
    outcome.events.map((event) => event.data),
    vector.events.map((event) => event.data),
    `${where}: data`,
  );
  vector.events.forEach((expected, i) => {
    if (expected.event) assert.equal(outcome.events[i]!.event, expected.event, `${where}: event ${i} type`);
    if (expected.id !== undefined) assert.equal(outcome.events[i]!.id, expected.id, `${where}: event ${i} id`);
  });
  if (vector.retries) assert.deepEqual(outcome.retries, vector.retries, `${where}: retry`);
  if (vector.lastEventId !== undefined) assert.equal(outcome.lastEventId, vector.lastEventId, `${where}: last id`);
}

describe('web-platform-tests eventsource parsing vectors', () => {
  for (const vector of WPT_VECTORS) {
    it(`${vector.source}: ${vector.title}`, () => {
      const bytes = new TextEncoder().encode(vector.input);
      check(vector, run([bytes]), 'whole');
      for (let at = 0; at <= bytes.length; at++) {
        check(vector, run([bytes.subarray(0, at), bytes.subarray(at)]), `split at byte ${at}`);
      }
      check(vector, run(Array.from(bytes, (byte) => Uint8Array.of(byte))), 'one byte at a time');
    });
  }
});
