/** Every element of custom-elements.json has a React component, with an onPd… prop for each of its events. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const source = read('packages/react/src/index.ts');
const manifest = JSON.parse(read('packages/elements/custom-elements.json')) as {
  modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

/** The createComponent call of a tag, as source text. */
function wrapperOf(tag: string): string | null {
  const start = source.indexOf(`tagName: '${tag}'`);
  if (start < 0) return null;
  const end = source.indexOf('});', start);
  return source.slice(start, end < 0 ? undefined : end);
}

const propName = (event: string) =>
  `on${event.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;

describe('@pd-notify/react', () => {
  for (const element of elements) {
    it(`wraps <${element.tagName}> with a prop for each event`, () => {
      const wrapper = wrapperOf(element.tagName!);
      assert.ok(wrapper, `no component for <${element.tagName}>`);
      for (const event of element.events ?? []) {
        const prop = propName(event.name);
        const events = /events: \{([\s\S]*)\}/.exec(wrapper)?.[1] ?? '';
        const constants = [...source.matchAll(/const (\w+) = '(pd-[a-z-]+)'/g)];
        const direct = events.includes(`${prop}: '${event.name}'`);
        const viaConstant = constants.some(
          ([, name, value]) => value === event.name && events.includes(`${prop}: ${name}`),
        );
        assert.ok(direct || viaConstant, `<${element.tagName}> lacks ${prop} for ${event.name}`);
      }
    });
  }
});
