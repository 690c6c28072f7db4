/**
 * The parsing cases of web-platform-tests' `eventsource/` directory (the
 * `format-*` tests and `event-data`), as data: the exact bytes each test's
 * server resource sends for one connection, and what an event-stream parser must
 * dispatch. `resources/message.py` sends `message` + "\n\n" (or nothing with
 * `newline=none`) + "\n"; `message2.py` and `last-event-id*.py` send fixed bodies.
 */
export interface Vector {
  /** The WPT file the case comes from. */
  source: string;
  /** What the case checks. */
  title: string;
  /** The stream body, as text (encoded to UTF-8 bytes by the test). */
  input: string;
  /** The dispatched events, in order. `event` defaults to `message`; `id` is checked when given. */
  events: { data: string; event?: string; id?: string }[];
  /** The valid `retry:` values seen, in order (when the case is about retry). */
  retries?: number[];
  /** The last event id after the stream ends (when the case is about ids). */
  lastEventId?: string;
}

const message = (text: string, newline = '\n\n'): string => `${text}${newline}\n`;
const long = 'x'.repeat(2 * 1024);

export const WPT_VECTORS: Vector[] = [
  {
    source: 'eventsource/format-bom.js',
    title: 'one leading BOM is stripped; a BOM later is part of a field name',
    input: message('\uFEFFdata:1\n\n\uFEFFdata:2\n\ndata:3'),
    events: [{ data: '1' }, { data: '3' }],
  },
  {
    source: 'eventsource/format-bom-2.any.js',
    title: 'a second leading BOM is not stripped',
    input: message('\uFEFF\uFEFFdata:1\n\ndata:2\n\ndata:3'),
    events: [{ data: '2' }, { data: '3' }],
  },
  {
    source: 'eventsource/format-comments.js',
    title: 'comments, with CR, LF and CRLF line ends and long comment lines',
    input: message(`data:1\r:\0\n:\r\ndata:2\n:${long}\rdata:3\n:data:fail\r:${long}\ndata:4\n`, ''),
    events: [{ data: '1\n2\n3\n4' }],
  },
  {
    source: 'eventsource/format-data-before-final-empty-line.js',
    title: 'an event not ended by an empty line is never dispatched, nor its id taken',
    input: message('retry:1000\ndata:test1\n\nid:test\ndata:test2', ''),
    events: [{ data: 'test1', id: '' }],
    retries: [1000],
    lastEventId: '',
  },
  {
    source: 'eventsource/format-field-data.js',
    title: 'empty data, data without a colon, and data joined with LF',
    input: message('data:\n\ndata\ndata\n\ndata:test'),
    events: [{ data: '' }, { data: '\n' }, { data: 'test' }],
  },
  {
    source: 'eventsource/format-field-event.htm',
    title: 'a custom event name applies to one event only',
    input: message('event:test\ndata:x\n\ndata:x'),
    events: [
      { data: 'x', event: 'test' },
      { data: 'x', event: 'message' },
    ],
  },
  {
    source: 'eventsource/format-field-event-empty.htm',
    title: 'an empty event name means "message"',
    input: message('event: \ndata:data'),
    events: [{ data: 'data', event: 'message' }],
  },
  {
    source: 'eventsource/format-field-id.htm',
    title: 'a non-ASCII id (resources/last-event-id.py, first connection)',
    input: 'id: …\nretry: 200\ndata: hello\n\n',
    events: [{ data: 'hello', id: '…' }],
    retries: [200],
    lastEventId: '…',
  },
  {
    source: 'eventsource/format-field-id-null.htm',
    title: 'an id containing U+0000 is ignored (the current WHATWG rule)',
    input: 'id: \0\0\nretry: 200\ndata: hello\n\n',
    events: [{ data: 'hello', id: '' }],
    retries: [200],
    lastEventId: '',
  },
  {
    source: 'eventsource/format-field-id-3.htm',
    title: 'the id persists across events (resources/last-event-id2.py?type=1)',
    input: 'id: 1\ndata: 1\n\ndata:2\n\n',
    events: [
      { data: '1', id: '1' },
      { data: '2', id: '1' },
    ],
    lastEventId: '1',
  },
  {
    source: 'eventsource/format-field-id-3.htm',
    title: 'the id changes and persists (resources/last-event-id2.py?type=2)',
    input: 'id: 1\ndata: 1\n\nid: 2\ndata:2\n\ndata:3\n\n',
    events: [
      { data: '1', id: '1' },
      { data: '2', id: '2' },
      { data: '3', id: '2' },
    ],
    lastEventId: '2',
  },
  {
    source: 'eventsource/format-field-id-3.htm',
    title: 'an empty id resets it (resources/last-event-id2.py?type=3)',
    input: 'id: 1\ndata: 1\n\nid:\ndata:2\n\ndata:3\n\n',
    events: [
      { data: '1', id: '1' },
      { data: '2', id: '' },
      { data: '3', id: '' },
    ],
    lastEventId: '',
  },
  {
    source: 'eventsource/format-field-retry.htm',
    title: 'retry is decimal, leading zeros included',
    input: message('retry:02000\ndata:x'),
    events: [{ data: 'x' }],
    retries: [2000],
  },
  {
    source: 'eventsource/format-field-retry-bogus.htm',
    title: 'a retry value that is not all digits is ignored',
    input: message('retry:2000\nretry:1000x\ndata:x'),
    events: [{ data: 'x' }],
    retries: [2000],
  },
  {
    source: 'eventsource/format-null-character.html',
    title: 'U+0000 in data is kept',
    input: message('data:\0\n'),
    events: [{ data: '\0' }],
  },
  {
    source: 'eventsource/format-utf-8.js',
    title: 'always UTF-8, whatever the declared charset',
    input: message('data:ok…'),
    events: [{ data: 'ok…' }],
  },
  {
    source: 'eventsource/event-data.js',
    title: 'lines and data parsing (resources/message2.py, one iteration)',
    input: 'data:msg\ndata: msg\n\n:\nfalsefield:msg\n\nfalsefield:msg\nData:data\n\ndata\n\ndata:end\n\n',
    events: [{ data: 'msg\nmsg' }, { data: '' }, { data: 'end' }],
  },
];
