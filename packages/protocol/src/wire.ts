/**
 * `@pd-notify/protocol/wire`: what a client needs of the protocol at run time,
 * without the valibot schemas: the fixed lists, the payload checks generated
 * from the schemas, event ids, the category of each notification type, and the types.
 * @packageDocumentation
 */
export * from './constants.js';
export { wireProblem, type TypedWireCheck, type WireCheck } from './wire-check.js';
export * from './wire-checks.generated.js';
export * from './event-id.js';
export { categoryOfType, preferenceCategoryOfType } from './categories.js';
export type * from './types.js';
export type { EventName } from './schema.js';
