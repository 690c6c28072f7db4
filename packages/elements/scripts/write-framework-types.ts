/**
 * Part of `npm run manifest`: typed templates for Vue and Svelte, made from
 * custom-elements.json with `custom-element-vuejs-integration` and
 * `custom-element-svelte-integration`, written to packages/elements/types/
 * (exported as `@pd-notify/elements/vue` and `@pd-notify/elements/svelte`):
 * a misspelt property or event name of a `pd-*` element is a type error in
 * vue-tsc and svelte-check.
 *
 * What the generators get and what is adjusted after them:
 * - Each event's type is its event class (`PdNavigateEvent`, from src/events.ts,
 *   unless the manifest gives one): the handlers get the real event, its
 *   `detail` typed (the generators would write `CustomEvent<never>`).
 * - Read-only properties (`count`, `value`) are left out: a template cannot set them.
 * - Element classes and events are imported from `@pd-notify/elements` (what a
 *   consumer resolves), once each.
 * - Vue: props are camel-cased (`baseUrl`, `onPdNavigate`), the names vue-tsc
 *   checks `:base-url` and `@pd-navigate` against, and every element also takes
 *   Vue's `HTMLAttributes` (`id`, `class`, native events). Misspelt names are
 *   errors with `vueCompilerOptions.strictTemplates` (or `checkUnknownProps` and
 *   `checkUnknownEvents`); wrong value and handler types always are.
 * - Svelte: the declarations are global (the generator's file is a module, so
 *   its `svelteHTML` would not be), events are typed as Svelte 5's `onpd-…`
 *   attributes besides `on:pd-…`, properties besides `bind:…`, and the base
 *   attributes are Svelte's own `HTMLAttributes` (the generator's refer to JSX).
 * - The output is formatted with the project's Prettier settings: the same
 *   manifest always gives the same files (CI rebuilds them and fails on a diff).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSvelteTypes } from 'custom-element-svelte-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';
import * as prettier from 'prettier';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const elements = join(root, 'packages/elements');
/** Where consumers import the element classes and event types from. */
const PACKAGE = '@pd-notify/elements';

interface ManifestEvent {
  name: string;
  description?: string;
  type?: { text: string };
}
interface ManifestDeclaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: { name: string; readonly?: boolean }[];
  events?: ManifestEvent[];
}
interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

/** Event name → the class that fires it, from src/events.ts (`class PdXEvent … super('pd-x'`). */
export function eventClasses(eventsSource: string): Map<string, string> {
  return new Map(
    [...eventsSource.matchAll(/class (Pd\w+Event) [\s\S]*?super\('(pd-[a-z-]+)'/g)].map((m) => [m[2]!, m[1]!]),
  );
}

/**
 * What the generators get: every event typed (its own type, else its class from events.ts), and no
 * read-only property (`count`, `value`: a template cannot set them).
 */
function forTemplates(manifest: Manifest, classes: Map<string, string>): Manifest {
  const copy = structuredClone(manifest);
  for (const module of copy.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.members) declaration.members = declaration.members.filter((member) => !member.readonly);
      for (const event of declaration.events ?? []) {
        if (event.type?.text) continue;
        const type = classes.get(event.name);
        if (!type) throw new Error(`No event class fires ${event.name} (src/events.ts); give its @fires a {Type}`);
        event.type = { text: type };
      }
    }
  }
  return copy;
}

/** Runs one of the generators (they write files and log) into a scratch folder and returns its text. */
function generate(run: (outdir: string) => void, fileName: string): string {
  const scratch = mkdtempSync(join(tmpdir(), 'pd-framework-types-'));
  const log = console.log;
  console.log = () => {};
  try {
    run(scratch);
    return readFileSync(join(scratch, fileName), 'utf8');
  } finally {
    console.log = log;
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Replaces the generator's `import type { … } from "…"` with one sorted import of each name from the package. */
function oneImport(text: string): string {
  const names = new Set<string>();
  const rest = text.replace(/import type \{([^}]*)\} from "@pd-notify\/elements";\n/g, (_all, list: string) => {
    for (const name of list.split(',')) if (name.trim()) names.add(name.trim());
    return '';
  });
  const sorted = [...names].sort();
  return rest.replace(/^/, `import type { ${sorted.join(', ')} } from '${PACKAGE}';\n`);
}

/** `CustomEvent<PdXEvent>` (the generators take an event's type for its detail's) → `PdXEvent`. */
function eventClassesAsEvents(text: string, classes: Map<string, string>): string {
  let out = text;
  for (const type of new Set(classes.values())) out = out.replaceAll(`CustomEvent<${type}>`, type);
  if (/CustomEvent<never>/.test(out)) throw new Error('An event was left without a type');
  return out;
}

const camelize = (name: string) => name.replace(/-([a-z0-9])/g, (_all, letter: string) => letter.toUpperCase());
const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const HEADER = (framework: string, use: string) =>
  `// Generated by packages/elements/scripts/write-framework-types.ts from custom-elements.json (npm run manifest): do not edit.\n` +
  `// Typed ${framework} templates for the pd-notify elements: ${use}\n`;

function vueTypes(manifest: Manifest, classes: Map<string, string>): string {
  let text = generate(
    (outdir) => generateVuejsTypes(manifest, { outdir, fileName: 'vue.d.ts', globalTypePath: PACKAGE, hideLogs: true }),
    'vue.d.ts',
  );
  text = oneImport(text);
  text = eventClassesAsEvents(text, classes);
  // vue-tsc matches `:base-url` and `@pd-navigate` to the camel-cased props `baseUrl` and `onPdNavigate` (as Vue
  // normalises a component's props), never to the generator's `base-url` and `onpd-navigate`.
  text = text.replace(
    /^(\s*)"(on)?([a-z][a-z0-9-]*)"\?:/gm,
    (_all, space: string, on: string | undefined, name: string) =>
      on && name.startsWith('pd-')
        ? `${space}on${capitalize(camelize(name))}?:`
        : `${space}${camelize((on ?? '') + name)}?:`,
  );
  // An element takes every HTML attribute (id, class, aria-*, native events) besides its own.
  const define = /import type \{ DefineComponent \} from "vue";/;
  if (!define.test(text)) throw new Error('The Vue generator no longer imports DefineComponent');
  text = text
    .replace(define, 'import type { DefineComponent, HTMLAttributes } from "vue";')
    .replace(/DefineComponent<(\w+Props)>/g, 'DefineComponent<$1 & HTMLAttributes>');
  return HEADER('Vue', `\`/// <reference types="${PACKAGE}/vue" />\` (or "types" in tsconfig.json).`) + text;
}

function svelteTypes(manifest: Manifest, classes: Map<string, string>): string {
  let text = generate(
    (outdir) =>
      generateSvelteTypes(manifest, { outdir, fileName: 'svelte.d.ts', globalTypePath: PACKAGE, hideLogs: true }),
    'svelte.d.ts',
  );
  text = oneImport(text);
  text = eventClassesAsEvents(text, classes);
  // Svelte 5 listens with `onpd-navigate={…}`; `on:pd-navigate` is Svelte 4's (legacy mode).
  text = text.replace(/^(\s*)"on:(pd-[a-z-]+)"\?: (.*);$/gm, '$1"on:$2"?: $3;\n$1"on$2"?: $3;');
  // A property is set with its own name (`renderRow={…}`) as well as bound (`bind:renderRow`).
  text = text.replace(/^(\s*)"bind:(\w+)"\?: (.*);$/gm, '$1$2?: $3;\n$1"bind:$2"?: $3;');
  // The generator's base attributes refer to JSX (not Svelte's); Svelte's own HTML attributes instead.
  const base = /type BaseProps = \{[\s\S]*?\n\};\n/;
  if (!base.test(text)) throw new Error('The Svelte generator no longer writes BaseProps');
  text = text.replace(base, "type BaseProps = import('svelte/elements').HTMLAttributes<HTMLElement>;\n");
  // Its file is a module (it imports): the namespace must be declared global to merge with Svelte's.
  const namespace = /declare namespace svelteHTML \{([\s\S]*?)\n\s*\}\n/;
  if (!namespace.test(text)) throw new Error('The Svelte generator no longer declares svelteHTML');
  text = text.replace(namespace, 'declare global {\n namespace svelteHTML {$1\n }\n}\n');
  return HEADER('Svelte', `\`/// <reference types="${PACKAGE}/svelte" />\` (or "types" in tsconfig.json).`) + text;
}

/** The files (path under packages/elements → text), formatted. */
export async function frameworkTypes(manifest: Manifest, eventsSource: string): Promise<Map<string, string>> {
  const classes = eventClasses(eventsSource);
  const typed = forTemplates(manifest, classes);
  const files = new Map<string, string>();
  for (const [path, text] of [
    ['types/vue.d.ts', vueTypes(typed, classes)],
    ['types/svelte.d.ts', svelteTypes(typed, classes)],
  ] as const) {
    const filepath = join(elements, path);
    const options = (await prettier.resolveConfig(filepath)) ?? {};
    files.set(path, await prettier.format(text, { ...options, filepath }));
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(join(elements, 'custom-elements.json'), 'utf8')) as Manifest;
  const files = await frameworkTypes(manifest, readFileSync(join(elements, 'src/events.ts'), 'utf8'));
  mkdirSync(join(elements, 'types'), { recursive: true });
  for (const [path, text] of files) writeFileSync(join(elements, path), text);
  console.log(`packages/elements/types/: ${[...files.keys()].map((path) => path.slice(6)).join(', ')}`);
}
