/**
 * `startServer()`: the reference server's app (`handler.ts`) served over Node's
 * http by `@hono/node-server`. What never reaches the app gets problem+json
 * too: requests Node cannot parse (`clientError`), `CONNECT` (Node's `connect`
 * event) and requests the adapter cannot turn into a `Request`. Whatever fails
 * past all that is logged and answered 500, or its connection dropped when the
 * answer has begun; the process goes on serving.
 */
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { RequestError, getRequestListener } from '@hono/node-server';
import type { Clock } from './clock.js';
import { createHandler, type HandlerOptions, type Transport } from './handler.js';
import { problemResponse } from './json.js';
import { ProblemError } from './problem.js';
import type { Store } from './store/store.js';

export interface ServerOptions extends Omit<HandlerOptions, 'baseUrl'> {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How long a client may take to send a whole request, in ms; then 408. Default 300000 (Node's). */
  requestTimeoutMs?: number;
}

export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** The live store (for in-process tests). Replaced by a control reset. */
  readonly store: Store;
  readonly clock: Clock;
  close(): Promise<void>;
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const requestTimeout = options.requestTimeoutMs ?? 300_000;
  // Node looks for timed-out requests every connectionsCheckingInterval (30 s by default).
  const server = createServer({
    requestTimeout,
    connectionsCheckingInterval: Math.min(30_000, requestTimeout),
    // A request without Host is refused by the adapter, answered problem+json below, not by Node with a bare 400.
    requireHostHeader: false,
  });
  server.keepAliveTimeout = 5000;
  // A client that half-closes after its request still wants the answer (RFC 9112 says as much): Node would
  // otherwise end the socket at its FIN and cut an answer written over several turns (compressed, delayed).
  (server as typeof server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  server.on('clientError', answerClientError);
  server.on('connect', answerConnect);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  // Attached in the same tick as `listening`: no request can arrive before it.
  const handler = createHandler({ ...options, baseUrl: url });
  const listener = getRequestListener((request, { outgoing }) => handler.fetch(request, new Connection(outgoing)), {
    errorHandler: answerAdapterError,
  });
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    listener(req, res).catch((error: unknown) => {
      logUnexpected(error);
      res.destroy();
    });
  };
  server.on('request', answer);
  // An `Expect` other than 100-continue is ignored (RFC 9110 §10.1.1 allows it), not refused with Node's bare 417.
  server.on('checkExpectation', answer);

  return {
    url,
    get store() {
      return handler.store;
    },
    clock: handler.clock,
    async close() {
      handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The transport of one request: its Node connection. */
class Connection implements Transport {
  #outgoing: { destroy(): void };

  constructor(outgoing: { destroy(): void }) {
    this.#outgoing = outgoing;
  }

  drop(): void {
    this.#outgoing.destroy();
  }
}

function logUnexpected(error: unknown): void {
  console.error('pd-mock-server: unexpected error', error);
}

/** The adapter's failures: a request it cannot build (no valid Host or target) is the client's; anything else, ours. */
function answerAdapterError(error: unknown): Response {
  if (error instanceof RequestError) {
    return problemResponse(new ProblemError('malformedRequest', 400, 'The request has no valid Host header or target'));
  }
  logUnexpected(error);
  return problemResponse(new ProblemError('serverError', 500, 'The server failed to handle the request'));
}

/** Writes a problem as a whole HTTP/1.1 answer on a socket Node's http has given up on, and closes it. */
function endWithProblem(socket: Duplex, problem: ProblemError): void {
  const body = JSON.stringify(problem.toProblem());
  const headers = Object.entries(problem.extra.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      headers.join('') +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/**
 * Node's `clientError` listener: a request Node could not take (headers over
 * its limit, a malformed request line or header, too slow to arrive) gets a
 * problem+json answer and the connection is closed, as Node would do with a
 * bare status line. A connection already reset, or one whose current answer has
 * begun, is only destroyed.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const current = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy();
    return;
  }
  endWithProblem(
    socket,
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ProblemError('headersTooLarge', 431, 'The request line and headers are over 16 KB')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ProblemError('requestTimeout', 408, 'The request took too long to arrive')
        : new ProblemError('malformedRequest', 400, 'The request is not well-formed HTTP/1.1'),
  );
}

/**
 * `CONNECT` (Node's `connect` event; without a listener Node drops the
 * connection unanswered): this server is no proxy, so no target has a method
 * to allow.
 */
function answerConnect(_request: unknown, socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  endWithProblem(
    socket,
    new ProblemError('methodNotAllowed', 405, 'CONNECT is for proxies, and this server is not one', {
      headers: { Allow: '' },
    }),
  );
}
