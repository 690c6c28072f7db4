/** The names @pd-notify/react gives: `pd-activity-feed` → `PdActivityFeed`, `pd-invite-accepted` → `onPdInviteAccepted`. */
const pascal = (kebab: string) =>
  kebab.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

export const componentName = (tag: string): string => pascal(tag);
export const propName = (event: string): string => `on${pascal(event)}`;
