/**
 * Property-based tests (fast-check) of the SSE parser: however the bytes of a
 * stream are split into chunks, the same events come out; no input makes it
 * throw anything but its overflow error; and an event that never ends cannot
 * grow its memory past the limit.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SseOverflowError, SseParser, type SseMessage } from '../src/index.js';

const encoder = new TextEncoder();

/** Everything the parser reports for `chunks`: events and retry hints, in order. */
function parse(chunks: readonly Uint8Array[], maxEventSize?: number) {
  const out: (SseMessage | { retry: number })[] = [];
  const parser = new SseParser(
    { onEvent: (message) => out.push({ ...message }), onRetry: (retry) => out.push({ retry }) },
    maxEventSize === undefined ? {} : { maxEventSize },
  );
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return { out, lastEventId: parser.lastEventId };
}

/** Splits `bytes` at the given cut points. */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

const field = fc.constantFrom('data', 'event', 'id', 'retry', ':', 'data:', 'unknown', '');
const value = fc.oneof(
  fc.string(),
  fc.stringMatching(/^[0-9]{1,6}$/),
  fc.constant('\u0000'),
  fc.string({ unit: 'grapheme' }),
);
const lineEnd = fc.constantFrom('\n', '\r', '\r\n');
/** Streams made of SSE-like lines (with any text, any line ends, BOMs and Unicode). */
const streamText = fc
  .array(
    fc.oneof(
      fc.tuple(field, fc.constantFrom(':', ': ', ''), value, lineEnd).map((parts) => parts.join('')),
      lineEnd,
      fc.string({ unit: 'grapheme' }),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.join(''));

describe('SseParser (property-based)', () => {
  it('gives the same events however the bytes are split into chunks', () => {
    fc.assert(
      fc.property(streamText, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const bytes = encoder.encode(text);
        assert.deepEqual(parse(split(bytes, cuts)), parse([bytes]));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary bytes (only its overflow error, when an event outgrows the limit)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 10 }), (chunks) => {
        try {
          parse(chunks, 500);
        } catch (error) {
          assert.ok(error instanceof SseOverflowError, String(error));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to hold an event that never ends past its limit, however it arrives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 4096 }), fc.array(fc.nat(), { maxLength: 8 }), (limit, cuts) => {
        const endless = encoder.encode(`data: ${'x'.repeat(limit * 2)}`);
        assert.throws(() => parse(split(endless, cuts), limit), SseOverflowError);
      }),
      { numRuns: 200 },
    );
  });
});
