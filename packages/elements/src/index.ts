/**
 * `@pd-notify/elements`: the pd-notify web components. Importing this entry
 * registers every tag (once); import `@pd-notify/elements/pd-activity-feed` and
 * the like to register only what you use.
 * @packageDocumentation
 */
export type * from '@pd-notify/client';
export { PdActivityFeed } from './define/pd-activity-feed.js';
export { PdBellBadge } from './define/pd-bell-badge.js';
export { PdProvider } from './define/pd-provider.js';
export { PdInviteCard } from './define/pd-invite-card.js';
export { PdInvitations } from './define/pd-invitations.js';
export { PdToaster } from './define/pd-toaster.js';
export { PdSyncStatus } from './define/pd-sync-status.js';
export { PdPreferencesForm } from './define/pd-preferences-form.js';
export { PdNotificationHelp } from './define/pd-notification-help.js';
export type { InviteCardStatus } from './invitations/pd-invite-card.js';
export { toast, PdToastEvent, type ToastAction, type ToastKind, type ToastRequest } from './toaster/toast.js';
export { COUNTERS, type Counter } from './bell-badge/pd-bell-badge.js';
export type { FeedTab } from './activity-feed/pd-activity-feed.js';
export type { NotificationGroup, RowHelpers, RowRenderer } from './activity-feed/row-renderer.js';
export {
  PdDismissEvent,
  PdInviteAcceptedEvent,
  PdInviteCardSettledEvent,
  PdInviteDeclinedEvent,
  PdInviteReviewEvent,
  PdNavigateEvent,
  PdPreferencesSavedEvent,
  PdTrackFilterClearedEvent,
  type PdInviteReviewDetail,
  type PdNavigateDetail,
} from './events.js';
export { clientContext } from './context.js';
export { LOCALES, strings, type Strings } from './i18n.js';
