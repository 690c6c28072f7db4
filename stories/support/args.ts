/**
 * A story's args applied to its element, as the manifest describes the element:
 * `<pd-activity-feed ${fromArgs(args, context)}>`. Every attribute is set (or
 * removed when its arg is empty), `--pd-*` tokens become inline custom
 * properties, public properties are assigned, and each documented event is
 * reported to the Actions panel (Storybook makes an `onPdNavigate` arg for
 * `pd-navigate`). `theme` unset follows the toolbar; `locale` unset leaves the
 * element to the page's `lang` (the toolbar's language).
 */
import type { Args, StoryContext } from '@storybook/web-components-vite';
import { noChange, nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { lookOf } from './globals.js';
import { element } from './manifest.js';

/** Storybook's arg name for an event (`pd-navigate` → `onPdNavigate`), as its web-components renderer makes it. */
export const eventArg = (event: string): string =>
  `on${event.replace(/(?:^|[-_:.\s]+)(.)/g, (_match, chr: string) => chr.toUpperCase())}`;

const empty = (value: unknown): boolean => value === undefined || value === null || value === '';

class FromArgs extends Directive {
  #listeners = new Map<string, EventListener>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('fromArgs() goes on an element: <pd-x ${fromArgs(…)}>');
  }

  render(_args: Args, _theme: string) {
    return nothing;
  }

  override update(part: ElementPart, [args, theme]: [Args, string]) {
    const host = part.element as HTMLElement & Record<string, unknown>;
    const declaration = element(host.localName);
    const values: Args = { theme, ...Object.fromEntries(Object.entries(args).filter(([, value]) => !empty(value))) };
    for (const attribute of declaration.attributes ?? []) {
      const value = values[attribute.name];
      if (attribute.type?.text === 'boolean') host.toggleAttribute(attribute.name, value === true);
      else if (empty(value)) host.removeAttribute(attribute.name);
      else host.setAttribute(attribute.name, String(value));
    }
    for (const member of declaration.members ?? []) {
      if (member.kind === 'field' && !member.readonly && member.name in values) host[member.name] = values[member.name];
    }
    for (const token of declaration.cssProperties ?? []) {
      const value = values[token.name];
      if (empty(value)) host.style.removeProperty(token.name);
      else host.style.setProperty(token.name, String(value));
    }
    if (host.getAttribute('style') === '') host.removeAttribute('style');
    for (const event of declaration.events ?? []) {
      const handler = args[eventArg(event.name)] as ((event: Event) => void) | undefined;
      const previous = this.#listeners.get(event.name);
      if (previous) host.removeEventListener(event.name, previous);
      if (typeof handler === 'function') {
        const listener: EventListener = (fired) => handler(fired);
        host.addEventListener(event.name, listener);
        this.#listeners.set(event.name, listener);
      }
    }
    return noChange;
  }
}

const fromArgsDirective = directive(FromArgs);

/** Applies `args` to the element it is placed on, with the toolbar's theme when its `theme` arg is unset. */
export const fromArgs = (args: Args, context: StoryContext) => fromArgsDirective(args, lookOf(context.globals).theme);
