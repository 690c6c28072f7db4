/**
 * `@pd-notify/protocol`: the schemas, types and constants of the pd-notify
 * protocol, shared by the client, the elements and the reference server.
 * @packageDocumentation
 */
export * from './schema.js';
export type * from './types.js';
export * from './problems.js';
export * from './event-id.js';
export {
  CATEGORY_ICONS,
  ICONS,
  NOTIFICATION_KINDS,
  categoryOfType,
  preferenceCategoryOfType,
  type IconName,
  type NotificationKind,
} from './categories.js';
export { wireProblem, type TypedWireCheck, type WireCheck } from './wire-check.js';
export * from './wire-checks.generated.js';
