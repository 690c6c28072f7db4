import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseOverflowError, SseParser, type SseMessage } from '../src/index.js';

interface Parsed {
  events: SseMessage[];
  comments: string[];
  retries: number[];
  lastEventId: string;
}

function parse(chunks: (string | Uint8Array)[]): Parsed {
  const out: Parsed = { events: [], comments: [], retries: [], lastEventId: '' };
  const parser = new SseParser({
    onEvent: (event) => out.events.push(event),
    onComment: (text) => out.comments.push(text),
    onRetry: (ms) => out.retries.push(ms),
  });
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  out.lastEventId = parser.lastEventId;
  return out;
}

/** Parses the input whole, then split into two byte chunks at every position: all must agree. */
function parseEverySplit(input: string): Parsed {
  const bytes = new TextEncoder().encode(input);
  const whole = parse([bytes]);
  for (let i = 0; i <= bytes.length; i++) {
    assert.deepEqual(parse([bytes.slice(0, i), bytes.slice(i)]), whole, `split at byte ${i}`);
  }
  return whole;
}

describe('SseParser', () => {
  it('dispatches events with type, joined multi-line data and the last id', () => {
    const { events, lastEventId } = parseEverySplit('id: 1\nevent: counts\ndata: a\ndata:b\n\ndata: c\n\n');
    assert.deepEqual(events, [
      { event: 'counts', data: 'a\nb', id: '1' },
      { event: 'message', data: 'c', id: '1' },
    ]);
    assert.equal(lastEventId, '1');
  });

  it('accepts CR, LF and CRLF line ends, even mixed and split between chunks', () => {
    const { events } = parseEverySplit('data: a\r\rdata: b\r\n\r\ndata: c\n\n');
    assert.deepEqual(
      events.map((event) => event.data),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      parse(['data: x\r', '\n', '\r', '\ndata: y\r\n\r\n']).events.map((e) => e.data),
      ['x', 'y'],
    );
  });

  it('strips one leading BOM only', () => {
    assert.deepEqual(
      parseEverySplit('\uFEFFdata: 1\n\n').events.map((e) => e.data),
      ['1'],
    );
    assert.deepEqual(parseEverySplit('\uFEFF\uFEFFdata: 1\n\n').events, []);
  });

  it('reports comments, ignores unknown fields, and reads a field without a colon as empty', () => {
    const { events, comments } = parseEverySplit(': hello\nfoo: bar\ndata\n\ndata:\ndata\n\n');
    assert.deepEqual(comments, ['hello']);
    assert.deepEqual(
      events.map((e) => e.data),
      ['', '\n'],
    );
  });

  it('ignores an id containing NUL, clears the id on an empty one, keeps it across events', () => {
    const parsed = parseEverySplit('id: a\ndata: 1\n\nid: b\u0000c\ndata: 2\n\ndata: 3\n\nid\ndata: 4\n\n');
    assert.deepEqual(
      parsed.events.map((e) => e.id),
      ['a', 'a', 'a', ''],
    );
    assert.equal(parsed.lastEventId, '');
  });

  it('accepts retry only when all digits', () => {
    assert.deepEqual(parseEverySplit('retry: 1500\nretry: 15x\nretry: -1\nretry:  5\nretry\n\n').retries, [1500]);
  });

  it('discards an unterminated final event, and decodes UTF-8 split across chunks', () => {
    const { events, lastEventId } = parseEverySplit('data: “Golden Hour” ✓\n\nid: 9\ndata: unterminated\n');
    assert.deepEqual(
      events.map((e) => e.data),
      ['“Golden Hour” ✓'],
    );
    assert.equal(lastEventId, '', 'the id of an undispatched event never takes effect');
  });

  it('keeps markup as plain data', () => {
    const { events } = parseEverySplit('data: <img src=x onerror=alert(1)>\n\n');
    assert.equal(events[0]!.data, '<img src=x onerror=alert(1)>');
  });

  it('raises SseOverflowError when an event grows past the bound, and recovers after', () => {
    const parser = new SseParser({ onEvent: () => {} }, { maxEventSize: 64 });
    assert.throws(() => parser.feed(`data: ${'x'.repeat(100)}`), SseOverflowError);
    const big = new SseParser({ onEvent: () => {} }, { maxEventSize: 64 });
    assert.throws(() => {
      for (let i = 0; i < 10; i++) big.feed('data: 0123456789\n');
    }, SseOverflowError);
    const seen: string[] = [];
    const recovered = new SseParser({ onEvent: (e) => seen.push(e.data) }, { maxEventSize: 64 });
    assert.throws(() => recovered.feed(`data: ${'x'.repeat(100)}`));
    recovered.end();
    recovered.feed('data: ok\n\n');
    assert.deepEqual(seen, ['ok']);
  });
});
