/**
 * One HTTP/1.1 exchange over a raw socket (node:net), for what fetch cannot send:
 * bytes a URL parser would re-encode or refuse, oversized request lines and
 * headers, HEAD answers read byte for byte. The request asks the server to close
 * the connection; the answer is everything read until it does, past any interim
 * 1xx answer (`100 Continue`). An event stream, whose body never ends, is
 * answered by its status and headers, and the connection closed.
 */
import { connect } from 'node:net';

export interface RawReply {
  status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as sent (chunked transfer coding removed, content coding kept); empty for an event stream. */
  body: Buffer;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  /** The request target exactly as sent: a string (sent as latin1 bytes) or raw bytes. */
  target: string | Uint8Array;
  headers?: Record<string, string>;
  body?: string;
  /** Stops before the blank line that ends the headers, as a client that never finishes. */
  unfinished?: boolean;
}

/** Sends one request to `baseUrl`'s host and port and reads the whole answer. */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawReply> {
  const { hostname, port } = new URL(baseUrl);
  const headers: Record<string, string> = {
    Host: `${hostname}:${port}`,
    Connection: 'close',
    ...(request.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(request.body)) }),
    ...request.headers,
  };
  const head = Buffer.concat([
    Buffer.from(`${request.method ?? 'GET'} `, 'latin1'),
    typeof request.target === 'string' ? Buffer.from(request.target, 'latin1') : request.target,
    Buffer.from(
      ` HTTP/1.1\r\n${Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('')}${request.unfinished ? '' : '\r\n'}`,
      'latin1',
    ),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    const chunks: Buffer[] = [];
    const settle = () => {
      try {
        resolve(parse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const data = finalAnswer(Buffer.concat(chunks));
      const end = data.indexOf('\r\n\r\n');
      if (end >= 0 && /\r\ncontent-type: *text\/event-stream/i.test(data.subarray(0, end).toString('latin1'))) {
        socket.destroy();
        settle();
      }
    });
    socket.on('error', reject);
    socket.on('close', settle);
    const bytes = request.body === undefined ? head : Buffer.concat([head, Buffer.from(request.body)]);
    if (request.unfinished) socket.write(bytes);
    else socket.end(bytes);
  });
}

/** The answer after any interim 1xx answers. */
function finalAnswer(data: Buffer): Buffer {
  while (/^HTTP\/1\.[01] 1\d\d /.test(data.subarray(0, 13).toString('latin1'))) {
    const end = data.indexOf('\r\n\r\n');
    if (end < 0) break;
    data = data.subarray(end + 4);
  }
  return data;
}

function parse(answer: Buffer): RawReply {
  const data = finalAnswer(answer);
  const end = data.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`No complete answer: ${JSON.stringify(data.toString('latin1').slice(0, 200))}`);
  const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (!status) throw new Error(`Not an HTTP status line: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  let body = data.subarray(end + 4);
  if (/^text\/event-stream/.test(headers['content-type'] ?? '')) body = Buffer.alloc(0);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = unchunk(body);
  let json: unknown;
  if (/json/.test(headers['content-type'] ?? '') && !headers['content-encoding'] && body.length > 0) {
    json = JSON.parse(body.toString('utf8'));
  }
  return { status: Number(status), headers, body, json };
}

function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}
