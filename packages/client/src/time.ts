/**
 * Relative times in the product's style ("just now", "5m ago", "2h ago", "3d ago")
 * in English, and through Intl.RelativeTimeFormat in other locales; plus one shared
 * ticking clock, so a list re-renders its times together and no row runs a timer.
 */
import { atom, onMount } from 'nanostores';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.RelativeTimeFormat>();

/** "5m ago" for a time `then` seen at `now`, in `locale` (default English). */
export function formatRelativeTime(then: string | number | Date, now: number = Date.now(), locale = 'en'): string {
  const elapsed = Math.max(0, now - new Date(then).getTime());
  const [value, unit, short] =
    elapsed < 45_000
      ? [0, 'second', '']
      : elapsed < HOUR
        ? [Math.max(1, Math.round(elapsed / MINUTE)), 'minute', 'm']
        : elapsed < DAY
          ? [Math.round(elapsed / HOUR), 'hour', 'h']
          : elapsed < 30 * DAY
            ? [Math.round(elapsed / DAY), 'day', 'd']
            : elapsed < 365 * DAY
              ? [Math.round(elapsed / (30 * DAY)), 'month', 'mo']
              : [Math.round(elapsed / (365 * DAY)), 'year', 'y'];
  if (/^en\b/i.test(locale)) return value === 0 ? 'just now' : `${value}${short} ago`;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    formatters.set(locale, formatter);
  }
  return formatter.format(-value, unit as Intl.RelativeTimeFormatUnit);
}

/** The current time, ticking every 30 s while anything listens (one timer for all). */
export const $now = atom(Date.now());

onMount($now, () => {
  $now.set(Date.now());
  const timer = setInterval(() => $now.set(Date.now()), 30_000);
  return () => clearInterval(timer);
});
