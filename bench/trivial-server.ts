/**
 * The yardstick of the list benchmark: a plain node:http server that answers
 * every request with one fixed answer, the reference server's own answer to
 * `GET <argv[2]>` as Alice (status, headers and body, fetched once at start).
 * Prints its URL on the first line, then answers the probes of process-probe.ts.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerProbes } from './process-probe.js';

const model = await fetch(process.argv[2]!, {
  headers: { Authorization: 'Bearer demo-alice', 'Accept-Encoding': 'identity' },
});
const body = Buffer.from(await model.arrayBuffer());
const headers: Record<string, string> = { ...Object.fromEntries(model.headers), 'content-length': String(body.length) };
// Node writes these itself.
for (const name of ['connection', 'keep-alive', 'date', 'transfer-encoding']) delete headers[name];

const server = createServer((_req, res) => {
  res.writeHead(model.status, headers);
  res.end(body);
});
server.keepAliveTimeout = 5000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
answerProbes();
process.on('SIGTERM', () => server.close(() => process.exit(0)));
