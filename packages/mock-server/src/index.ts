/**
 * `@pd-notify/mock-server`: the reference implementation of the pd-notify
 * protocol, for tests, demos and as an example for host backends.
 * @packageDocumentation
 */
export { startServer, type RunningServer, type ServerOptions } from './server.js';
export { createHandler, type HandlerOptions, type ReferenceHandler } from './handler.js';
export { Clock, type ClockOptions } from './clock.js';
export { DEMO_USERS, SEEDS, type SeedName } from './seed.js';
export type { FaultSettings } from './faults.js';
