/**
 * The page of wrappers.test.ts (bundled for Chromium): `pdWrapper(tag, events)`
 * renders @pd-notify/react's component for `tag` with a recorder on the `onPd…`
 * prop of each event, dispatches each event on the element it rendered, and
 * reports the element's tag and which prop heard which event. `pdBadges()`
 * renders the bell components with `badge="unseen"` and reports what the
 * elements got.
 */
import { createElement, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as wrappers from '../src/index.js';
import { componentName, propName } from './names.js';

function pdWrapper(tag: string, events: string[]): { rendered: string | null; heard: string[] } {
  const component = (wrappers as Record<string, unknown>)[componentName(tag)] as ComponentType<object> | undefined;
  if (!component) return { rendered: null, heard: [] };
  const heard: string[] = [];
  const props = Object.fromEntries(
    events.map((event) => [
      propName(event),
      (heardEvent: Event) => heard.push(`${propName(event)} ${heardEvent.type}`),
    ]),
  );
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  flushSync(() => root.render(createElement(component, props)));
  const element = host.firstElementChild;
  for (const event of events) element?.dispatchEvent(new CustomEvent(event, { bubbles: true, composed: true }));
  flushSync(() => root.unmount());
  host.remove();
  return { rendered: element?.localName ?? null, heard };
}

/** Renders `<PdBellBadge badge="unseen">` and `<PdActivityFeed badge="unseen">`: each element's `badge` and attribute. */
async function pdBadges(): Promise<{ tag: string; property: string; attribute: string | null }[]> {
  const host = document.body.appendChild(document.createElement('div'));
  const root = createRoot(host);
  flushSync(() =>
    root.render([
      createElement(wrappers.PdBellBadge, { key: 'badge', badge: 'unseen' }),
      createElement(wrappers.PdActivityFeed, { key: 'feed', badge: 'unseen' }),
      // @ts-expect-error: badge is 'unread' or 'unseen'
      createElement(wrappers.PdBellBadge, { key: 'typo', badge: 'unsen' }),
    ]),
  );
  const found = [...host.children].slice(0, 2) as (HTMLElement & { badge: string; updateComplete: Promise<boolean> })[];
  await Promise.all(found.map((el) => el.updateComplete));
  const seen = found.map((el) => ({ tag: el.localName, property: el.badge, attribute: el.getAttribute('badge') }));
  flushSync(() => root.unmount());
  host.remove();
  return seen;
}

Object.assign(window, { pdWrapper, pdBadges });
