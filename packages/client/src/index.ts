/**
 * `@pd-notify/client`: the typed client core of pd-notify. Build your own bell and
 * feed on its stores, or let `@pd-notify/elements` do it.
 * @packageDocumentation
 */
export type * from '@pd-notify/protocol';
export {
  CATEGORIES,
  CATEGORY_ICONS,
  foldText,
  ICONS,
  NOTIFICATION_KINDS,
  PREFERENCE_CATEGORIES,
  PREFERENCE_OPTIONS,
  searchTerms,
} from '@pd-notify/protocol/wire';
export {
  createClient,
  type ClientOptions,
  type NotificationContext,
  type NotificationHandler,
  type PdClient,
} from './client.js';
export { PdError, type PdErrorKind } from './errors.js';
export { isClientSnapshot, loadSnapshot, type ClientSnapshot, type SnapshotOptions } from './snapshot.js';
export type { TokenSource } from './tokens.js';
export type { TransportMode } from './realtime/realtime.js';
export type { ConnectionState, ConnectionStatus, LinkState } from './realtime/types.js';
export type { Environment } from './env.js';
export type { LoadStatus } from './sync/area.js';
export type { InvitationsState } from './sync/invitations.js';
export type { NotificationFilter, NotificationsState, NotificationView } from './sync/notifications.js';
export type { SearchState, SearchStore } from './sync/search.js';
export type { PreferencesDraft, PreferencesState } from './sync/preferences.js';
export { setPreferenceOption } from './sync/preference-option.js';
export type { SyncsByTrack } from './sync/syncs.js';
export { $now, formatRelativeTime } from './time.js';
export {
  SseOverflowError,
  SseParser,
  type SseMessage,
  type SseParserHandlers,
  type SseParserOptions,
} from './sse/parser.js';
