/**
 * Typed Svelte templates (`@pd-notify/elements/svelte`, generated from
 * custom-elements.json): svelte-check passes test/fixtures/correct.svelte and
 * reports a misspelt property, a misspelt event and a handler of another event
 * in test/fixtures/misspelt.svelte, each by name. One svelte-check run checks
 * both (test/fixtures/tsconfig.json names the types).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'examples/svelte/test/fixtures');

interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** svelte-check's errors (`--output machine`: `time ERROR "file" line:col "message"`) and its summary line. */
function svelteCheck(): Promise<{ errors: Diagnostic[]; completed: string; output: string }> {
  const bin = join(root, 'node_modules/svelte-check/bin/svelte-check');
  const args = ['--workspace', fixtures, '--tsconfig', join(fixtures, 'tsconfig.json'), '--output', 'machine'];
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root }, (_error, stdout, stderr) => {
      const output = `${stdout}${stderr}`;
      const errors = [...output.matchAll(/^\d+ ERROR "(.+?)" (\d+):(\d+) "(.*)"$/gm)].map((match) => ({
        file: match[1]!,
        line: Number(match[2]),
        column: Number(match[3]),
        message: JSON.parse(`"${match[4]!}"`) as string,
      }));
      resolve({ errors, completed: /^\d+ COMPLETED (.*)$/m.exec(output)?.[1] ?? '', output });
    });
  });
}

describe('typed Svelte templates (@pd-notify/elements/svelte)', () => {
  let result: Awaited<ReturnType<typeof svelteCheck>>;
  before(async () => (result = await svelteCheck()));

  it('svelte-check ran over both fixtures', () => {
    assert.match(result.completed, /^\d+ FILES \d+ ERRORS 0 WARNINGS 1 FILES_WITH_PROBLEMS$/, result.output);
  });

  it('the correct fixture passes', () => {
    assert.deepEqual(
      result.errors.filter((error) => error.file !== 'misspelt.svelte'),
      [],
    );
  });

  it('a misspelt property, a misspelt event and a handler of another event are errors that name them', () => {
    const found = result.errors
      .filter((error) => error.file === 'misspelt.svelte')
      .map((error) => `${error.line}:${error.column} ${error.message.split('\n')[0]}`);
    assert.deepEqual(found, [
      // <pd-activity-feed href-templat={…}>
      `10:19 Object literal may only specify known properties, and '"href-templat"' does not exist in type 'Partial<PdActivityFeedProps & HTMLAttributes<HTMLElement>>'.`,
      // <pd-activity-feed onpd-navgate={…}>
      `11:19 Object literal may only specify known properties, and '"onpd-navgate"' does not exist in type 'Partial<PdActivityFeedProps & HTMLAttributes<HTMLElement>>'.`,
      // <pd-activity-feed onpd-navigate={onAccepted}>: the handler takes a PdInviteAcceptedEvent
      `12:19 Type '(event: PdInviteAcceptedEvent) => string' is not assignable to type '(e: PdNavigateEvent) => void'.`,
    ]);
  });
});
