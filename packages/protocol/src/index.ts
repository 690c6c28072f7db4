/**
 * `@pd-notify/protocol`: the schemas, types and constants of the pd-notify
 * protocol, shared by the client, the elements and the reference server: the
 * valibot schemas and problem types, and everything of `@pd-notify/protocol/wire`.
 * @packageDocumentation
 */
export * from './schema.js';
export * from './problems.js';
export * from './wire.js';
