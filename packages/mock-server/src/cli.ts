/**
 * `pd-mock-server --port 4010 --seed demo [--control] [--heartbeat-ms 15000] [--cors origin,origin]`
 */
import { parseArgs } from 'node:util';
import { DEMO_USERS, SEEDS, type SeedName } from './seed.js';
import { startServer } from './server.js';

const USAGE = `Usage: pd-mock-server [--port 4010] [--host 127.0.0.1] [--seed demo|empty] [--control]
                      [--heartbeat-ms 15000] [--cors http://localhost:*,https://app.example]`;

function fail(message: string): never {
  console.error(`pd-mock-server: ${message}\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'demo' },
      control: { type: 'boolean', default: false },
      'heartbeat-ms': { type: 'string' },
      cors: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${args.port}"`);
if (!(SEEDS as readonly string[]).includes(args.seed)) fail(`--seed must be one of ${SEEDS.join(', ')}`);
const heartbeatMs = args['heartbeat-ms'] === undefined ? undefined : Number(args['heartbeat-ms']);
if (heartbeatMs !== undefined && !(heartbeatMs > 0)) fail('--heartbeat-ms must be a positive number');

const server = await startServer({
  port,
  host: args.host,
  seed: args.seed as SeedName,
  control: args.control,
  ...(heartbeatMs === undefined ? {} : { heartbeatMs }),
  ...(args.cors === undefined ? {} : { corsOrigins: args.cors.split(',').map((origin) => origin.trim()) }),
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use; pick another with --port or PORT`);
  throw error;
});

console.log(`pd-notify reference server: ${server.url}  (seed: ${args.seed}${args.control ? ', control API on' : ''})`);
if (args.seed === 'demo' || args.seed === 'empty') {
  console.log('Demo users (bearer tokens):');
  for (const user of DEMO_USERS) console.log(`  ${user.name.padEnd(14)} ${user.role.padEnd(19)} ${user.token}`);
}
const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
