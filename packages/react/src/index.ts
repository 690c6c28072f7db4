/**
 * `@pd-notify/react`: React components for every pd-notify element, made with
 * `@lit/react`. Props are the elements' properties; `onPd…` props take their
 * events, typed. Importing this module registers the elements.
 * @packageDocumentation
 */
import { createComponent, type EventName } from '@lit/react';
import {
  PdActivityFeed as PdActivityFeedElement,
  PdBellBadge as PdBellBadgeElement,
  PdInvitations as PdInvitationsElement,
  PdInviteCard as PdInviteCardElement,
  PdNotificationHelp as PdNotificationHelpElement,
  PdPreferencesForm as PdPreferencesFormElement,
  PdProvider as PdProviderElement,
  PdSyncStatus as PdSyncStatusElement,
  PdToaster as PdToasterElement,
  type PdDismissEvent,
  type PdInviteAcceptedEvent,
  type PdInviteCardSettledEvent,
  type PdInviteDeclinedEvent,
  type PdInviteReviewEvent,
  type PdNavigateEvent,
  type PdPreferencesSavedEvent,
  type PdTrackFilterClearedEvent,
} from '@pd-notify/elements';
import * as React from 'react';

const onInviteAccepted = 'pd-invite-accepted' as EventName<PdInviteAcceptedEvent>;
const onInviteDeclined = 'pd-invite-declined' as EventName<PdInviteDeclinedEvent>;

/** `<pd-provider>`: shares one client with every pd component inside it. */
export const PdProvider = createComponent({ react: React, tagName: 'pd-provider', elementClass: PdProviderElement });

/** `<pd-activity-feed>`: the bell and its feed; `badge` (`'unread' | 'unseen'`) picks what the bell counts. */
export const PdActivityFeed = createComponent({
  react: React,
  tagName: 'pd-activity-feed',
  elementClass: PdActivityFeedElement,
  events: {
    onPdNavigate: 'pd-navigate' as EventName<PdNavigateEvent>,
    onPdInviteReview: 'pd-invite-review' as EventName<PdInviteReviewEvent>,
    onPdDismiss: 'pd-dismiss' as EventName<PdDismissEvent>,
    onPdInviteAccepted: onInviteAccepted,
  },
});

/** `<pd-bell-badge>`: a badge button for notifications (`badge`: `'unread' | 'unseen'`) or invitations. */
export const PdBellBadge = createComponent({
  react: React,
  tagName: 'pd-bell-badge',
  elementClass: PdBellBadgeElement,
});

/** `<pd-invitations>`: the Invitations modal. */
export const PdInvitations = createComponent({
  react: React,
  tagName: 'pd-invitations',
  elementClass: PdInvitationsElement,
  events: {
    onPdInviteAccepted: onInviteAccepted,
    onPdInviteDeclined: onInviteDeclined,
    onPdTrackFilterCleared: 'pd-track-filter-cleared' as EventName<PdTrackFilterClearedEvent>,
  },
});

/** `<pd-invite-card>`: one invitation with Accept and Decline. */
export const PdInviteCard = createComponent({
  react: React,
  tagName: 'pd-invite-card',
  elementClass: PdInviteCardElement,
  events: {
    onPdInviteAccepted: onInviteAccepted,
    onPdInviteDeclined: onInviteDeclined,
    onPdInviteCardSettled: 'pd-invite-card-settled' as EventName<PdInviteCardSettledEvent>,
  },
});

/** `<pd-toaster>`: the page's toasts. */
export const PdToaster = createComponent({ react: React, tagName: 'pd-toaster', elementClass: PdToasterElement });

/** `<pd-sync-status>`: an accepted track's file-sync progress. */
export const PdSyncStatus = createComponent({
  react: React,
  tagName: 'pd-sync-status',
  elementClass: PdSyncStatusElement,
});

/** `<pd-preferences-form>`: the notification preferences. */
export const PdPreferencesForm = createComponent({
  react: React,
  tagName: 'pd-preferences-form',
  elementClass: PdPreferencesFormElement,
  events: { onPdPreferencesSaved: 'pd-preferences-saved' as EventName<PdPreferencesSavedEvent> },
});

/** `<pd-notification-help>`: "Not receiving notifications?", checked live. */
export const PdNotificationHelp = createComponent({
  react: React,
  tagName: 'pd-notification-help',
  elementClass: PdNotificationHelpElement,
});

export { toast } from '@pd-notify/elements';
