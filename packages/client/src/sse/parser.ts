/**
 * An incremental parser for `text/event-stream`, following the WHATWG HTML
 * standard's "Parsing an event stream" and "Interpreting an event stream":
 * one leading BOM stripped; CR, LF and CRLF line ends (also split across chunks);
 * multi-line `data` joined with LF; comments; a field without a colon; an `id`
 * containing NUL ignored; an empty `id` clearing the last id; `retry` only when
 * all ASCII digits; an unterminated final event never dispatched. The buffers are
 * bounded: a stream that never ends a line or an event raises `SseOverflowError`.
 */

/** One dispatched event. `id` is the last event id in force when it was dispatched. */
export interface SseMessage {
  event: string;
  data: string;
  id: string;
}

export interface SseParserHandlers {
  onEvent(message: SseMessage): void;
  /** A comment line (the text after the colon); servers send these as heartbeats. */
  onComment?(text: string): void;
  /** A valid `retry:` field, in milliseconds. */
  onRetry?(ms: number): void;
}

export interface SseParserOptions {
  /** The most characters one event (its lines together) may hold. Default 1 MiB. */
  maxEventSize?: number;
}

/** Raised when an event grows past `maxEventSize` without ending. */
export class SseOverflowError extends Error {
  constructor(readonly limit: number) {
    super(`An event-stream event grew past ${limit} characters without ending`);
    this.name = 'SseOverflowError';
  }
}

const LF = 10;
const CR = 13;
const ALL_DIGITS = /^[0-9]+$/;

export class SseParser {
  #handlers: SseParserHandlers;
  #maxEventSize: number;
  #decoder = new TextDecoder('utf-8');
  #line = '';
  #afterCR = false;
  #data = '';
  #hasData = false;
  #eventType = '';
  #idBuffer = '';
  #lastEventId = '';
  #eventSize = 0;

  constructor(handlers: SseParserHandlers, options: SseParserOptions = {}) {
    this.#handlers = handlers;
    this.#maxEventSize = options.maxEventSize ?? 1 << 20;
  }

  /** The last event id in force (what to send as `Last-Event-ID` on reconnect). */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** Feeds the next chunk of the stream, as bytes or as already-decoded text. */
  feed(chunk: Uint8Array | string): void {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== LF && code !== CR) continue;
      if (code === LF && this.#afterCR && i === start && this.#line === '') {
        // The LF of a CRLF whose CR ended the previous line.
        this.#afterCR = false;
        start = i + 1;
        continue;
      }
      this.#line += text.slice(start, i);
      this.#processLine(this.#line);
      this.#line = '';
      this.#afterCR = code === CR;
      start = i + 1;
    }
    if (start < text.length) {
      this.#afterCR = false;
      this.#line += text.slice(start);
      if (this.#eventSize + this.#line.length > this.#maxEventSize) this.#overflow();
    }
  }

  /** The stream ended: an event not yet terminated by a blank line is discarded. */
  end(): void {
    this.#line = '';
    this.#afterCR = false;
    this.#resetEvent();
    this.#decoder = new TextDecoder('utf-8');
  }

  #overflow(): never {
    this.#line = '';
    this.#resetEvent();
    throw new SseOverflowError(this.#maxEventSize);
  }

  #processLine(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    this.#eventSize += line.length + 1;
    if (this.#eventSize > this.#maxEventSize) this.#overflow();
    const colon = line.indexOf(':');
    if (colon === 0) {
      this.#handlers.onComment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#eventType = value;
        break;
      case 'data':
        this.#data += `${value}\n`;
        this.#hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.#idBuffer = value;
        break;
      case 'retry':
        if (ALL_DIGITS.test(value)) this.#handlers.onRetry?.(Number(value));
        break;
      default:
        break;
    }
  }

  #dispatch(): void {
    this.#lastEventId = this.#idBuffer;
    if (!this.#hasData) {
      this.#resetEvent();
      return;
    }
    const message: SseMessage = {
      event: this.#eventType || 'message',
      data: this.#data.slice(0, -1),
      id: this.#lastEventId,
    };
    this.#resetEvent();
    this.#handlers.onEvent(message);
  }

  #resetEvent(): void {
    this.#data = '';
    this.#hasData = false;
    this.#eventType = '';
    this.#eventSize = 0;
    // The id buffer is not reset: per the standard it persists until changed.
    this.#idBuffer = this.#lastEventId;
  }
}
