/**
 * The reference server in its own process for the server benchmarks, so the
 * load generator does not share its event loop: no rate limit, room for 2,000
 * streams per user. Prints its URL on the first line.
 */
import { startServer } from '@pd-notify/mock-server';

const server = await startServer({ port: 0, seed: 'demo', control: true, rateLimit: false, maxStreamsPerUser: 2000 });
console.log(server.url);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
