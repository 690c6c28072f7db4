/**
 * Typed Vue templates (`@pd-notify/elements/vue`, generated from
 * custom-elements.json): vue-tsc passes the Vue example and a correct fixture,
 * and reports a misspelt property, a misspelt event and a handler of another
 * event in test/fixtures/misspelt.vue, each by name. One vue-tsc run checks them
 * all (test/tsconfig.json: the example's settings, `strictTemplates` on). The
 * committed declarations are what the generator makes from the manifest now.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { frameworkTypes } from '../../../packages/elements/scripts/write-framework-types.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/** vue-tsc's diagnostics (`file(line,col): error TSnnnn: message`, the message's first line), run from the root. */
function vueTsc(project: string): Promise<{ status: number; diagnostics: Diagnostic[]; output: string }> {
  const bin = join(root, 'node_modules/vue-tsc/bin/vue-tsc.js');
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, '--noEmit', '-p', project], { cwd: root }, (error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      const diagnostics = [...output.matchAll(/^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/gm)].map((match) => ({
        file: match[1]!,
        line: Number(match[2]),
        column: Number(match[3]),
        code: match[4]!,
        message: match[5]!,
      }));
      resolve({ status: error ? Number(error.code ?? 1) : 0, diagnostics, output });
    });
  });
}

describe('typed Vue templates (@pd-notify/elements/vue)', () => {
  let status: number;
  let diagnostics: Diagnostic[];
  let output: string;
  before(async () => ({ status, diagnostics, output } = await vueTsc('examples/vue/test/tsconfig.json')));
  const at = (file: string) => diagnostics.filter((d) => d.file === file);

  it('the example and the correct fixture type-check', () => {
    assert.ok(
      diagnostics.length > 0 || status === 0,
      `vue-tsc failed without a diagnostic (exit ${status}):\n${output}`,
    );
    assert.deepEqual(
      diagnostics.filter(
        (d) => d.file.startsWith('examples/vue/') && d.file !== 'examples/vue/test/fixtures/misspelt.vue',
      ),
      [],
    );
  });

  it('a misspelt property, a misspelt event and a handler of another event are errors that name them', () => {
    const found = at('examples/vue/test/fixtures/misspelt.vue').map(
      (d) => `${d.line}:${d.column} ${d.code} ${d.message}`,
    );
    const expected = [
      // <pd-activity-feed href-templat="…">
      /^12:21 TS2561 Object literal may only specify known properties, but 'hrefTemplat' does not exist in type .*Did you mean to write 'hrefTemplate'\?$/,
      // <pd-activity-feed @pd-navgate="…">: the element has no such event (reported twice: no known prop at all, and the name)
      /^13:4 TS2559 Type '\{ onPdNavgate: any; \}' has no properties in common with type /,
      /^13:22 TS2561 Object literal may only specify known properties, but 'onPdNavgate' does not exist in type .*Did you mean to write 'onPdNavigate'\?$/,
      // <pd-activity-feed @pd-navigate="onAccepted">: the handler takes a PdInviteAcceptedEvent
      /^14:22 TS2322 Type '\(event: PdInviteAcceptedEvent\) => string' is not assignable to type '\(e: PdNavigateEvent\) => void'\.$/,
    ];
    assert.equal(found.length, expected.length, found.join('\n'));
    expected.forEach((pattern, index) => assert.match(found[index]!, pattern));
  });

  it('the committed declarations are what the generator makes from custom-elements.json (npm run manifest)', async () => {
    const elements = join(root, 'packages/elements');
    const files = await frameworkTypes(
      JSON.parse(readFileSync(join(elements, 'custom-elements.json'), 'utf8')),
      readFileSync(join(elements, 'src/events.ts'), 'utf8'),
    );
    assert.deepEqual([...files.keys()], ['types/vue.d.ts', 'types/svelte.d.ts']);
    for (const [path, text] of files) assert.equal(readFileSync(join(elements, path), 'utf8'), text, path);
  });
});
