/**
 * Serves a fetch handler over Node's http: each IncomingMessage becomes a
 * Request, each Response is written back, compressed when the client accepts
 * it (for HEAD, the headers only: Node leaves the body out). An event stream is written as it comes; when the
 * handler fails its body, the connection is dropped. Requests Node refuses
 * before they reach the handler are answered problem+json too.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { compress, compressible, negotiate } from './compression.js';
import { problemResponse } from './http.js';
import { ProblemError } from './problem.js';

/** A `request` listener for Node's http server that answers with `handle`. */
export function serveFetch(
  handle: (request: Request) => Promise<Response>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let request: Request;
    try {
      request = toRequest(req);
    } catch (error) {
      void write(req, res, problemResponse(error as ProblemError));
      return;
    }
    void handle(request)
      .then((response) => write(req, res, response))
      .catch((error: unknown) => {
        console.error('pd-mock-server: could not write the answer', error);
        res.destroy();
      });
  };
}

/** A Host header (RFC 9110 §7.2): a name, an IPv4 or a bracketed IPv6 address, and maybe a port. */
const HOST = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;

/** The Request for a Node request, its URL on the request's own Host; throws a 400 problem when there is none. */
function toRequest(req: IncomingMessage): Request {
  const host = req.headers.host ?? '';
  const target = req.url ?? '/';
  let url: URL;
  try {
    if (!HOST.test(host)) throw new TypeError(host);
    // An origin-form target is glued to the host, so that `//x/y` stays a path; an absolute-form one stands alone.
    url = new URL(target.startsWith('/') ? `http://${host}${target}` : target);
  } catch {
    throw new ProblemError('malformedRequest', 400, 'The request has no valid Host header or target');
  }
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: bodyOf(req), duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * The request body as a web stream, read only as the handler reads it: a body
 * the handler never reads is left to Node, which discards it. Cancelling it (a
 * body over the limit) drains the rest instead of destroying the socket, so the
 * client still gets the answer.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let listening = false;
  let stop = (): void => {};
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!listening) {
          listening = true;
          const onData = (chunk: Buffer): void => {
            controller.enqueue(new Uint8Array(chunk));
            req.pause();
          };
          const onEnd = (): void => controller.close();
          const onError = (error: Error): void => controller.error(error);
          req.on('data', onData).once('end', onEnd).once('error', onError);
          stop = () => void req.off('data', onData).off('end', onEnd).off('error', onError);
        }
        req.resume();
      },
      cancel() {
        stop();
        req.resume();
      },
    },
    { highWaterMark: 0 },
  );
}

async function write(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const headers = Object.fromEntries(response.headers);
  if (response.body && /^text\/event-stream/.test(response.headers.get('content-type') ?? '')) {
    res.writeHead(response.status, headers);
    if (req.method === 'HEAD') {
      await response.body.cancel();
      res.end();
      return;
    }
    res.flushHeaders();
    req.socket.setNoDelay(true);
    await pipe(response.body, res);
    return;
  }
  let body: Uint8Array = new Uint8Array(await response.arrayBuffer());
  if (compressible(headers['content-type'] ?? '', body.length) && !headers['content-encoding']) {
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
    const coding = negotiate(req.headers['accept-encoding'] ?? '');
    if (coding) {
      body = await compress(body, coding);
      headers['content-encoding'] = coding;
      // Other bytes than the identity answer's: a strong tag would claim they are the same.
      if (headers.etag?.startsWith('"')) headers.etag = `W/${headers.etag}`;
    }
  }
  if (response.body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Copies a streamed body to the socket until it ends (end the answer), fails (drop the connection) or the client goes. */
async function pipe(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  res.on('close', () => void reader.cancel().catch(() => {}));
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch {
      res.destroy();
      return;
    }
    if (read.done) {
      res.end();
      return;
    }
    res.write(read.value);
  }
}

/**
 * Node's `clientError` listener: a request Node could not take (headers over
 * its limit, a malformed request line or header, too slow to arrive) gets a
 * problem+json answer and the connection is closed, as Node would do with a
 * bare status line. A connection already reset, or one whose current answer has
 * begun, is only destroyed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const current = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ProblemError('headersTooLarge', 431, 'The request line and headers are over 16 KB')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ProblemError('requestTimeout', 408, 'The request took too long to arrive')
        : new ProblemError('malformedRequest', 400, 'The request is not well-formed HTTP/1.1');
  const body = JSON.stringify(problem.toProblem());
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}
