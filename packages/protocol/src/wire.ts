/**
 * `@pd-notify/protocol/wire`: what a client needs of the protocol at run time,
 * without the valibot schemas: the fixed lists, the payload checks generated
 * from the schemas, event ids, what each notification type is (feed category, preferences option, icon), and the types.
 * @packageDocumentation
 */
export * from './constants.js';
export { wireProblem, type TypedWireCheck, type WireCheck } from './wire-check.js';
export * from './wire-checks.generated.js';
export * from './event-id.js';
export { foldText, matchesTerms, searchTerms } from './search.js';
export {
  CATEGORY_ICONS,
  ICONS,
  NOTIFICATION_KINDS,
  categoryOfType,
  preferenceCategoryOfType,
  type IconName,
  type NotificationKind,
} from './categories.js';
export type * from './types.js';
export type { EventName } from './schema.js';
