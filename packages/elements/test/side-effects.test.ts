/**
 * The package's `sideEffects` keeps every file that defines a tag: a bundler
 * (webpack, esbuild, Rollup) drops an import of a file it believes pure, and a page
 * importing `@pd-notify/elements/pd-bell-badge` or `/hydrate` would then define
 * nothing. From source (bundled for real) and for the built files' names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  sideEffects: string[];
  exports: Record<string, { source?: string; default?: string }>;
};

/** Whether `path` (`./dist/…`) matches one of the package's `sideEffects` globs. */
const kept = (path: string) =>
  pkg.sideEffects.some((glob) => new RegExp(`^${glob.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`).test(path));

describe('the package’s sideEffects', () => {
  it('a bundle of each entry that defines tags defines them (from source)', async () => {
    for (const entry of ['.', './pd-bell-badge', './pd-activity-feed', './hydrate']) {
      const result = await build({
        stdin: { contents: `import '@pd-notify/elements${entry.slice(1)}';`, resolveDir: process.cwd() },
        bundle: true,
        write: false,
        format: 'esm',
        conditions: ['source'],
        tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
        logLevel: 'silent',
      });
      assert.match(result.outputFiles[0]!.text, /customElements\.define\(/, entry);
    }
  });

  it('covers the built entries and the chunks that define tags', () => {
    for (const [name, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'object' && target.default && (name.startsWith('./pd-') || name === './hydrate')) {
        assert.ok(kept(target.default), `${target.default} (${name})`);
      }
    }
    // rollup.config.js names shared chunks `chunks/[name]-[hash].js`, a define's after its element.
    assert.ok(kept('./dist/chunks/pd-bell-badge-ChlCFZfp.js'));
    assert.ok(!kept('./dist/chunks/bell.styles-8s0PHRfs.js'), 'modules without effects stay removable');
  });
});
