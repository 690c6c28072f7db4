/**
 * Rows the host renders (`<pd-activity-feed>`'s `renderRow`): the host fills a
 * row's content area; the feed keeps the rest of the row (its role, keys,
 * focus, unread mark, time line, actions, selection, virtualisation).
 */
import type { Notification } from '@pd-notify/client';
import type { TemplateResult } from 'lit';
import type { NotificationGroup } from './grouping.js';

export type { NotificationGroup };

/** What a row renderer gets besides its notification. */
export interface RowHelpers {
  /** The feed's resolved language (its `locale`, its provider's, the nearest `lang`, English). */
  readonly locale: string;
  /**
   * The group the row stands for (its members, newest first, and its people), or null for a
   * notification of its own. A group's row is given its newest member as `notification`;
   * `defaultContent()` writes the group's title ("Ben Okafor and 2 others commented on …").
   */
  readonly group: NotificationGroup | null;
  /** "5 minutes ago" for a time, in the feed's language (rows render again as the shared clock ticks). */
  relativeTime(at: string): string;
  /** The feed's own content for this row (title, message, "Show more"; a group's title for a group), to wrap or extend. */
  defaultContent(): TemplateResult;
}

/**
 * Fills a row's content area: a Lit template, a DOM node (best kept per row,
 * `helpers.group?.id ?? notification.id`, and updated: a new node on every
 * render replaces the old one and focus inside it goes back to the row), or
 * null / undefined for the feed's own. Called on every render of a visible
 * row, so keep it quick. The row's accessible name stays the notification's
 * title; what this renders is its description.
 */
export type RowRenderer = (notification: Notification, helpers: RowHelpers) => TemplateResult | Node | null | undefined;
