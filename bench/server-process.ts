/**
 * The reference server in its own process for the server benchmarks, so the
 * load generator does not share its event loop: no rate limit, room for 2,000
 * streams per user. Prints its URL on the first line, then answers the probes
 * of process-probe.ts.
 */
import { startServer } from '@pd-notify/mock-server';
import { answerProbes } from './process-probe.js';

const server = await startServer({ port: 0, seed: 'demo', control: true, rateLimit: false, maxStreamsPerUser: 2000 });
console.log(server.url);
answerProbes();
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
