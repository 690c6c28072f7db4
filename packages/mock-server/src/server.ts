/** `startServer()`: the reference server's fetch handler (`handler.ts`) served over Node's http. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from './clock.js';
import { createHandler, type HandlerOptions } from './handler.js';
import { answerClientError, serveFetch } from './node-http.js';
import type { Store } from './store.js';

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
    // A request without Host is refused by toRequest as problem+json, not by Node with a bare 400.
    requireHostHeader: false,
  });
  server.keepAliveTimeout = 5000;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  // Attached in the same tick as `listening`: no request can arrive before it.
  const handler = createHandler({ ...options, baseUrl: url });
  server.on('request', serveFetch(handler.fetch));

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
