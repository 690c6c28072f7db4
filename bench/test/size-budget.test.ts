/**
 * The byte budgets of issue 7, checked in npm test (sizes do not depend on the
 * machine; timings do, and live in `npm run bench` only).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUDGETS, OUR_ENTRIES, measure } from '../size.js';

describe('bundle size budgets (minified, every dependency bundled, gzip -9)', () => {
  for (const [name, budget] of Object.entries(BUDGETS) as [keyof typeof OUR_ENTRIES, number][]) {
    it(`${name} ≤ ${budget / 1024} KB gzip`, async () => {
      const size = await measure(OUR_ENTRIES[name]);
      assert.ok(
        size.gzip <= budget,
        `${name} is ${(size.gzip / 1024).toFixed(2)} KB gzip, over its ${budget / 1024} KB budget (npm run bench shows what it is made of)`,
      );
    });
  }
});
