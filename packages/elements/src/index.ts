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
export { COUNTERS, type Counter } from './bell-badge/pd-bell-badge.js';
export type { FeedTab } from './activity-feed/pd-activity-feed.js';
export { PdDismissEvent, PdInviteAcceptedEvent, PdNavigateEvent, type PdNavigateDetail } from './events.js';
export { clientContext } from './context.js';
export { LOCALES, strings, type Strings } from './i18n.js';
