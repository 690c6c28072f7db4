/**
 * custom-elements.json (and the VS Code data made from it) is generated from the
 * elements' sources: it must be fresh, and every public property, event, part and
 * custom property an element's source uses must be in it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { elementDocs } from '../scripts/element-docs.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const elements = join(root, 'packages/elements');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: { name: string; kind: string; privacy?: string; static?: boolean }[];
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const manifest = JSON.parse(read('packages/elements/custom-elements.json')) as Manifest;
const elementModules = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((d) => d.tagName).map((declaration) => ({ path: module.path, declaration })),
);

/**
 * An element's module and the modules of its own folder it loads, at once or on
 * demand (the feed's panel), each read once: what its template and styles are made of.
 */
function sourcesOf(path: string): string {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of read(file).matchAll(/(?:^import (?!type )[^;]*?from |import\()'\.\/([\w.-]+)\.js'/gm)) {
      visit(join(dirname(file), `${match[1]}.ts`));
    }
  };
  visit(path);
  return [...files].map(read).join('\n');
}

/** Event class → event name, from events.ts. */
const eventNames = new Map(
  [...read('packages/elements/src/events.ts').matchAll(/class (Pd\w+Event) [\s\S]*?super\('(pd-[a-z-]+)'/g)].map(
    (match) => [match[1]!, match[2]!],
  ),
);

describe('custom-elements.json', () => {
  // Relative to the root: the analyzer joins its outdir to the working folder. Git ignores .test-results/.
  const scratchName = `.test-results/manifest-${process.pid}`;
  const scratch = join(root, scratchName);
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('is what the analyzer makes from the sources now (run `npm run manifest`)', () => {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--quiet',
      ],
      { cwd: root, env: { ...process.env, PD_MANIFEST_OUTDIR: scratchName }, stdio: 'pipe' },
    );
    for (const file of ['custom-elements.json', 'vscode.html-custom-data.json', 'vscode.css-custom-data.json']) {
      assert.equal(
        readFileSync(join(elements, file), 'utf8'),
        readFileSync(join(scratch, file), 'utf8'),
        `${file} is stale: run npm run manifest`,
      );
    }
  });

  it('docs/elements/ is what `npm run docs` makes from it', () => {
    for (const [file, text] of elementDocs(manifest)) {
      assert.equal(read(`docs/elements/${file}`), text, `docs/elements/${file} is stale: run npm run docs`);
    }
  });

  it('lists every element with its own entry point', () => {
    const tags = elementModules.map((m) => m.declaration.tagName).sort();
    const entries = Object.keys(JSON.parse(read('packages/elements/package.json')).exports)
      .filter((key) => key.startsWith('./pd-'))
      .map((key) => key.slice(2))
      .sort();
    assert.deepEqual(tags, entries);
  });

  for (const { path, declaration } of elementModules) {
    describe(`<${declaration.tagName}>`, () => {
      const source = sourcesOf(path);
      const stylesPath = path.replace(/\.ts$/, '.styles.ts');
      const styles = (() => {
        try {
          return read(stylesPath);
        } catch {
          return '';
        }
      })();

      it('has every public Lit property, with its attribute', () => {
        const members = new Set(declaration.members?.map((m) => m.name));
        const attributes = new Set(declaration.attributes?.map((a) => a.name));
        for (const match of source.matchAll(/@property\(([^)]*)\)\s+(?:override\s+)?(\w+)/g)) {
          const [, options, name] = match;
          assert.ok(members.has(name!), `property ${name} is missing`);
          const attribute =
            /attribute: '([a-z-]+)'/.exec(options!)?.[1] ??
            (/attribute: false/.test(options!) ? null : name!.toLowerCase());
          if (attribute) assert.ok(attributes.has(attribute), `attribute ${attribute} is missing`);
        }
      });

      it('documents every event it fires', () => {
        const documented = new Set(declaration.events?.map((e) => e.name));
        const fired = [
          ...[...source.matchAll(/new (Pd\w+Event)\(/g)].map((m) => eventNames.get(m[1]!)),
          ...[...source.matchAll(/new CustomEvent\('(pd-[a-z-]+)'/g)].map((m) => m[1]),
        ].filter((name): name is string => !!name);
        assert.ok(fired.length > 0 || documented.size === 0, 'documents events it never fires');
        for (const name of fired) assert.ok(documented.has(name), `event ${name} is not documented (@fires)`);
      });

      it('documents every part its template exposes', () => {
        const documented = new Set(declaration.cssParts?.map((p) => p.name));
        const used = [
          ...[...source.matchAll(/\bpart="([a-z -]+)"/g)].flatMap((m) => m[1]!.split(' ')),
          ...[...source.matchAll(/\bpart: '([a-z-]+)'/g)].map((m) => m[1]!),
        ];
        for (const name of used) assert.ok(documented.has(name), `part ${name} is not documented (@csspart)`);
      });

      it('documents every --pd-* custom property its own styles read', () => {
        const documented = new Set(declaration.cssProperties?.map((p) => p.name));
        const used = [...`${source}\n${styles}`.matchAll(/var\((--pd-[a-z-]+)/g)].map((m) => m[1]!);
        for (const name of used) assert.ok(documented.has(name), `${name} is not documented (@cssproperty)`);
      });
    });
  }
});
