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
  type RowHelpers,
  type RowRenderer,
} from '@pd-notify/elements';
import * as React from 'react';
import { createPortal } from 'react-dom';

const onInviteAccepted = 'pd-invite-accepted' as EventName<PdInviteAcceptedEvent>;
const onInviteDeclined = 'pd-invite-declined' as EventName<PdInviteDeclinedEvent>;

/** `<pd-provider>`: shares one client with every pd component inside it. */
export const PdProvider = createComponent({ react: React, tagName: 'pd-provider', elementClass: PdProviderElement });

const PdActivityFeedBase = createComponent({
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

/** A notification, as a row renderer gets it. */
type RowNotification = Parameters<RowRenderer>[0];

/** `<PdActivityFeed>`'s props: the element's, with `renderRow` in React. */
export type PdActivityFeedProps = Omit<React.ComponentProps<typeof PdActivityFeedBase>, 'renderRow'> & {
  /**
   * Fills each row's content area with React (rendered through a portal into
   * the row; the feed keeps the rest of the row); null, undefined or false for
   * the feed's own content. Called once each time the row renders; a new
   * function (the host's state changed) makes the feed render its rows again.
   * A group's row gets its newest member with `helpers.group`. `helpers.defaultContent()` is a Lit
   * template, which React cannot render: return null for the feed's own.
   */
  renderRow?: ((notification: RowNotification, helpers: RowHelpers) => React.ReactNode) | undefined;
};

/** A row the element asked for: where its React content goes, and that content. */
interface PortalRow {
  key: string;
  container: HTMLElement;
  content: React.ReactNode;
}

/**
 * `<pd-activity-feed>`: the bell and its feed; `badge` (`'unread' | 'unseen'`)
 * picks what the bell counts; `renderRow={(notification, helpers) => <JSX />}`
 * renders each row's content with React.
 */
export const PdActivityFeed = React.forwardRef<PdActivityFeedElement, PdActivityFeedProps>(function PdActivityFeed(
  { renderRow, ...props },
  ref,
) {
  const latest = React.useRef(renderRow);
  latest.current = renderRow;
  const [rows, setRows] = React.useState<readonly PortalRow[]>([]);
  const rendering = React.useRef<Map<string, PortalRow> | null>(null);
  const containers = React.useRef(new Map<string, HTMLElement>());
  const custom = renderRow !== undefined;
  // One renderer for the element while the prop is given: each row gets a container of its own (kept per
  // notification), and the rows the element rendered in one update become the portals, once that update ends.
  const elementRenderRow = React.useMemo<RowRenderer | null>(
    () =>
      custom
        ? (notification, helpers) => {
            // Every row the element renders joins the batch (so rows gone from it, or now the feed's own, go).
            let batch = rendering.current;
            if (!batch) {
              batch = rendering.current = new Map();
              queueMicrotask(() => {
                const rendered = rendering.current!;
                rendering.current = null;
                for (const id of containers.current.keys()) if (!rendered.has(id)) containers.current.delete(id);
                setRows([...rendered.values()]);
              });
            }
            // Nothing to render: the feed's own content.
            const content = latest.current?.(notification, helpers);
            if (content === null || content === undefined || content === false) return null;
            // A group's row and its newest member's row (expanded) show one notification: each has its container.
            const key = helpers.group?.id ?? notification.id;
            let container = containers.current.get(key);
            if (!container) {
              container = document.createElement('div');
              container.style.display = 'contents';
              containers.current.set(key, container);
            }
            batch.set(key, { key, container, content });
            return container;
          }
        : null,
    [custom],
  );
  // A new renderRow (the host's state changed) may turn rows to or from the feed's own content: the element
  // renders its rows again (then the portals follow).
  const element = React.useRef<PdActivityFeedElement | null>(null);
  React.useEffect(() => {
    if (custom) element.current?.requestUpdate();
  }, [renderRow, custom]);
  const setRef = React.useCallback(
    (node: PdActivityFeedElement | null) => {
      element.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  return React.createElement(
    React.Fragment,
    null,
    React.createElement(PdActivityFeedBase, { ...props, ref: setRef, renderRow: elementRenderRow }),
    rows.map(({ key, container, content }) => createPortal(content, container, key)),
  );
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
