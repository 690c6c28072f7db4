/**
 * The elements' manifest (`packages/elements/custom-elements.json`) as the
 * stories use it: Storybook's arg tables come from it, so what a designer
 * should not touch is taken out here (private `#fields`, private and protected
 * members, statics, and the camelCase field of every attribute, which the
 * attribute's own row already covers), and each attribute and `--pd-*` token
 * gets a control. The elements themselves are not changed.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import generated from '../../packages/elements/custom-elements.json';

interface Typed {
  name: string;
  type?: { text: string };
  description?: string;
  default?: string;
}
interface Member extends Typed {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: Typed[];
  cssProperties?: Typed[];
  cssParts?: Typed[];
  events?: Typed[];
  [key: string]: unknown;
}
export interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** A member a page can use: public, not static, not a `#private` field. */
const isPublic = (member: Member): boolean =>
  !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public' && !member.static;

/**
 * The manifest without what is not the elements' public API: `#private` fields
 * and methods, `private` and `protected` members, static members, and fields
 * that an attribute stands for (`trackId` beside `track-id`).
 */
export function publicManifest<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((member) => isPublic(member) && !member.attribute),
      })),
    })),
  };
}

/** What Storybook's arg tables and docs pages are given (`.storybook/preview.ts`). */
export const PUBLIC_MANIFEST = publicManifest(generated as Manifest);

/** The public declaration of `tag`. */
export function element(tag: string): Declaration {
  for (const module of PUBLIC_MANIFEST.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tag) return declaration;
    }
  }
  throw new Error(`<${tag}> is not in custom-elements.json`);
}

/** The string literals of a union type such as `'light' | 'dark' | 'auto' | null`. */
function literals(type: string | undefined): string[] {
  const parts = (type ?? '').split('|').map((part) => part.trim());
  const quoted = parts.filter((part) => /^'[^']*'$/.test(part));
  return quoted.length > 0 && quoted.length === parts.filter((part) => part !== 'null').length
    ? quoted.map((part) => part.slice(1, -1))
    : [];
}

/** The control for an attribute of `type`. */
function controlFor(type: string | undefined): ArgTypes[string] {
  if (type === 'boolean') return { control: 'boolean' };
  if (type === 'number') return { control: 'number' };
  const options = literals(type);
  if (options.length > 0) return { control: 'select', options };
  return { control: 'text' };
}

/** Tokens holding a colour get a colour picker; sizes, shadows and fonts a text field. */
const isColour = (token: string): boolean => /color|category|background/.test(token);

/**
 * The arg types of `tag`: a control for every attribute (`theme`, `locale`:
 * unset follows the toolbar) and every `--pd-*` token it reads, an object
 * control for its public properties, none for read-only ones, parts and events.
 * An attribute keeps its own row when a part has its name (`pending`).
 */
export function argTypesFor(tag: string): ArgTypes {
  const declaration = element(tag);
  const argTypes: ArgTypes = {};
  for (const item of [...(declaration.cssParts ?? []), ...(declaration.events ?? [])]) {
    argTypes[item.name] = { control: false };
  }
  for (const attribute of declaration.attributes ?? []) {
    argTypes[attribute.name] = {
      ...controlFor(attribute.type?.text),
      description: attribute.description ?? '',
      table: {
        category: 'attributes',
        type: { summary: attribute.type?.text ?? '' },
        defaultValue: { summary: attribute.default ?? '' },
      },
    };
  }
  for (const member of declaration.members ?? []) {
    if (member.kind !== 'field') continue;
    argTypes[member.name] = member.readonly ? { control: false } : { control: 'object' };
  }
  for (const token of declaration.cssProperties ?? []) {
    argTypes[token.name] = { control: isColour(token.name) ? 'color' : 'text' };
  }
  return argTypes;
}
