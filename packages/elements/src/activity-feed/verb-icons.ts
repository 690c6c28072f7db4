/** The icons of the inbox verbs, in the panel's chunk (not the page's start). */
import { svg } from 'lit';
import { icon } from '../icons.js';

/** Snooze: an alarm clock. */
export const snoozeIcon = icon(svg`<circle cx="12" cy="13" r="8"/><path d="M12 9v4l2 2M5 3 2 6M22 6l-3-3"/>`);
/** Restore (to the inbox) and unsnooze: an arrow turning back. */
export const restoreIcon = icon(svg`<path d="M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8"/><path d="M3 3v5h5"/>`);
/** Search: a magnifying glass. */
export const searchIcon = icon(svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/>`);
/** Select many: a checked box. */
export const selectIcon = icon(svg`<rect x="3" y="3" width="18" height="18" rx="3"/><path d="m8 12 3 3 5-6"/>`);
