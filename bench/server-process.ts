/**
 * The reference server in its own process for the server benchmarks, so the
 * load generator does not share its event loop: no rate limit, room for 2,000
 * streams per user. Prints its URL on the first line; for each `memory` line
 * on stdin, runs a full GC (needs --expose-gc) and prints process.memoryUsage()
 * as JSON.
 */
import { createInterface } from 'node:readline';
import { startServer } from '@pd-notify/mock-server';

const server = await startServer({ port: 0, seed: 'demo', control: true, rateLimit: false, maxStreamsPerUser: 2000 });
console.log(server.url);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  console.log(JSON.stringify(process.memoryUsage()));
});
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
